"""The ledger and the public comment page rendered in headless Chromium (screenshots kept)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import PublicComment
from fazhi.normdocs.tests.factories import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DURING = datetime(2025, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_ledger_page_shows_stages_and_deadlines(page, people):
    make_document(people, Stage.PUBLISHED, title="就业困难人员认定办法")
    make_document(people, Stage.LEGALITY_REVIEW, title="工伤保险辅助器具配置管理办法")
    make_document(people, Stage.DRAFTING, title="人才公寓管理办法")
    browser_login(page, "legal")
    page.goto_path("/staff/normdocs/")
    assert text_of(page.get_by_role("heading", level=1)) == "规范性文件台账"
    rows = page.locator("tbody tr")
    assert rows.count() == 3
    expect(page.get_by_role("link", name="导出 Excel")).to_be_visible()
    assert "已公布（待备案）" in text_of(page.locator("tbody"))
    screenshot(page, "normdocs-ledger")
    page.get_by_role("link", name="工伤保险辅助器具配置管理办法").click()
    expect(page.get_by_role("heading", name="办理进程")).to_be_visible()
    screenshot(page, "normdocs-document")


def test_a_citizen_comments_on_an_article_in_the_browser(page, people):
    with time_machine.travel(DURING, tick=True):
        document = make_document(people, Stage.PUBLIC_COMMENT)
        page.goto_path(f"/normdocs/{document.pk}/")
        assert "征求意见截止日期" in text_of(page.locator("main"))
        page.get_by_text("对第二条提意见").click()
        page.get_by_label("您的意见").nth(1).fill("建议把灵活就业人员纳入适用范围。")
        page.get_by_role("button", name="提交对第二条的意见").click()
        assert "感谢您对第二条提出的意见" in text_of(page.locator("main"))
        screenshot(page, "normdocs-public-comment")
    assert PublicComment.objects.get().article.number == 2
