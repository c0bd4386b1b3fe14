"""The case page in headless Chromium: deadlines, next actions, a refusal naming its article."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.enforcement.tests.conftest import notified_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_case_page_refuses_decision_without_review(page, world):
    case = notified_case(world)
    browser_login(page, "zhifa_a")
    page.goto_path("/staff/enforcement/?status=open")
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_role("heading", name="期限")).to_be_visible()
    text = text_of(page.locator("main"))
    assert "劳动保障监察调查期限" in text and "罚款数额达到目录清单标准" in text
    page.get_by_text("提出处理意见（报负责人决定）").click()
    page.locator("form[action$='/propose/'] input[name=on]").fill("2019-04-01")
    page.get_by_role("button", name="提交负责人").click()
    # a 2019 case: 行政处罚法 (2017) 第三十八条第三款, not the 2021 第五十八条
    assert "第三十八条第三款" in text_of(page.locator("main"))
    assert text_of(page.get_by_test_id("status")) == "已告知"
    screenshot(page, "enforcement-case")
    page.get_by_role("link", name="案卷（1 份记录）").click()
    assert "现场检查笔录" in text_of(page.locator("main"))
    screenshot(page, "enforcement-case-file")
