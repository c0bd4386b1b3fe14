"""The public draw page in headless Chromium: commitment, seed, verification, employer lookup."""

from __future__ import annotations

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.conftest import screenshot, text_of
from fazhi.inspections.services import draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_draw_page(page, world):
    draw = draws.draw_run(
        plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms(), beacon=BEACON_VALUE
    )
    drawn = draw.checks.order_by("index").first()
    page.goto_path(f"/inspections/draws/{draw.pk}/")
    assert text_of(page.get_by_role("heading", level=1)) == f"抽取 {draw.number}"
    text = text_of(page.locator("main"))
    assert draw.list_sha256 in text and draw.seed_hex in text and "服务器重算核验：✔" in text
    page.get_by_label("统一社会信用代码").fill(drawn.uscc)
    page.get_by_role("button", name="查询").click()
    assert "已被抽中" in text_of(page.get_by_role("status").last)
    screenshot(page, "inspections-public-draw")
