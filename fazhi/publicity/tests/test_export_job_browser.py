"""The 双公示 export job page in headless Chromium at 1366 and 390 px (issue 19.2)."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_user
from fazhi.conftest import browser_login, screenshot
from fazhi.publicity.testing import publish_on
from fazhi.publicity.tests.conftest import register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_legal_staff_export_from_the_page(page, org_tree, width):
    make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    record, _ = register("penalty")
    publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "legal")
    page.goto_path("/staff/publicity/?tab=batches")
    page.get_by_role("link", name="导出双公示数据").click()
    page.get_by_label("文件格式").select_option("csv")
    page.get_by_role("button", name="开始导出").click()
    expect(page.locator("#job-status")).to_have_text("已完成")
    expect(page.get_by_role("link", name="下载")).to_be_visible()
    screenshot(page, f"publicity-export-job-{width}")
    with page.expect_download() as info:
        page.get_by_role("link", name="下载").click()
    assert info.value.suggested_filename.endswith(".csv")
