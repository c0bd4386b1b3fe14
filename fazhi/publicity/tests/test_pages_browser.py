"""The public list in headless Chromium, with a screenshot."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.conftest import screenshot, text_of
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.testing import publish_on, withdraw_on
from fazhi.publicity.tests.conftest import (
    PERSON_ID,
    PHONE,
    license_data,
    penalty_data,
    person_penalty_data,
    register,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_list_filters_and_masks(page, in_2019):
    for source, data, on in (
        ("1", penalty_data(), date(2019, 10, 8)),
        ("2", person_penalty_data(), date(2019, 10, 9)),
    ):
        record, _ = register(data=data, source_id=source)
        publish_on(on, record=record, actor=SYSTEM)
    licence, _ = register(Kind.LICENSE, data=license_data(), source_id="3")
    publish_on(date(2019, 5, 7), record=licence, actor=SYSTEM)
    withdraw_on(
        date(2019, 12, 2),
        record=record,
        reason="行政复议决定撤销该处罚决定",
        change="撤销",
        actor=SYSTEM,
    )
    page.goto_path("/publicity/")
    assert text_of(page.get_by_role("heading", level=1)) == "行政执法决定公示"
    assert page.locator("tbody tr").count() == 3
    text = text_of(page.locator("main"))
    assert "已撤回" in text and PERSON_ID not in text and PHONE not in text
    screenshot(page, "publicity-public-list")
    page.get_by_label("类型").select_option("license")
    page.get_by_role("button", name="查询").click()
    assert page.locator("tbody tr").count() == 1
    page.get_by_role("link", name="津人社许〔2019〕8号").click()
    assert "人力资源服务许可证" in text_of(page.locator("main"))
    screenshot(page, "publicity-public-detail")
