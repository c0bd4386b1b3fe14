"""The public draw page in headless Chromium: commitment, seed, verification, employer lookup."""

from __future__ import annotations

import pytest

from fazhi.conftest import screenshot
from fazhi.inspections.services import draws
from fazhi.inspections.tests.conftest import DRAW_DAY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_draw_page(page, world):
    draw = draws.draw_run(plan=world["plan"], on=DRAW_DAY, actor=None)
    drawn = draw.checks.order_by("index").first()
    page.goto_path(f"/inspections/draws/{draw.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == f"抽取 {draw.number}"
    text = page.locator("main").inner_text()
    assert draw.list_sha256 in text and draw.seed_hex in text and "服务器重算核验：✔" in text
    page.get_by_label("统一社会信用代码").fill(drawn.uscc)
    page.get_by_role("button", name="查询").click()
    assert "已被抽中" in page.get_by_role("status").last.inner_text()
    screenshot(page, "inspections-public-draw")
