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


@pytest.mark.parametrize("width", [390, 1366])
def test_case_page_shows_the_typed_dates_and_their_flags(page, world, width):
    """18.5: a 受理 typed in time but entered after its clock ran out, on the officer's page."""
    from datetime import date

    from fazhi.enforcement.services import cases as intake
    from fazhi.enforcement.testing import on_day
    from fazhi.enforcement.tests.conftest import register

    with on_day(date(2019, 3, 4)):
        case = register(world)
    with on_day(date(2019, 3, 20)):
        intake.case_accept(case=case, on=date(2019, 3, 6), actor=world["users"]["a"])
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "zhifa_a")
    page.goto_path(f"/staff/enforcement/cases/{case.pk}/")
    section = page.get_by_test_id("date-entries")
    expect(section.get_by_role("heading", name="日期录入记录")).to_be_visible()
    text = text_of(section)
    assert "受理日期" in text and "2019-03-06" in text and "2019-03-20" in text
    assert "但录入时已超过本机关期限" in text
    # the table scrolls inside its box on a phone: the page itself does not widen
    wide = page.evaluate(
        """w => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > w + 1)
        .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + (e.id||'') + ' ' + Math.round(e.getBoundingClientRect().right))""",
        width,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width, wide
    section.scroll_into_view_if_needed()
    screenshot(page, f"enforcement-case-dates-{width}")
