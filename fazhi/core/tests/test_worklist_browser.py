"""待办 in headless Chromium at 1366 and 390 px for the 法制审核人员 and the officer, with
axe-core finding no serious violation."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot
from fazhi.core.tests.a11y import serious_violations
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.tests.conftest import notified_case
from fazhi.enforcement.tests.conftest import world as world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_reviewer_and_officer_worklists(page, world, width):
    case = notified_case(world)
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=world["users"]["a"])
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "shenhe")
    page.goto_path("/staff/todo/")
    queue = page.get_by_role("region", name="法制审核（行政处罚决定前）（1）")
    expect(queue).to_contain_text("2019年3月28日")
    expect(queue.get_by_role("link", name=case.reference, exact=False)).to_be_visible()
    assert serious_violations(page) == []
    screenshot(page, f"worklist-reviewer-{width}")
    queue.get_by_role("link", name=case.reference, exact=False).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.reference)

    page.context.clear_cookies()
    browser_login(page, "zhifa_a")
    page.goto_path("/staff/todo/")
    mine = page.get_by_role("region", name="我的期限")
    expect(mine).to_contain_text("已逾期")
    assert serious_violations(page) == []
    screenshot(page, f"worklist-officer-{width}")
