"""18.5 in headless Chromium at 390 and 1366 px: a decision's page shows each step's typed date
beside its entry and the 疑似倒签 flag of a step typed before the previous one was entered, as
the 承办单位's clerk sees it."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.core.tests.a11y import serious_violations
from fazhi.decisions import services as s
from fazhi.publicity.testing import on_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1366])
def test_decision_page_shows_the_typed_dates_and_their_flags(page, people, width):
    clerk = people["clerk"]
    with on_day(date(2026, 3, 2)):
        decision = s.decision_start(
            org_unit=people["units"]["zongdui"],
            title="工伤保险待遇调整方案",
            actor=clerk,
            on=date(2026, 3, 2),
        )
    with on_day(date(2026, 3, 9)):
        s.decision_risk(
            decision=decision,
            report="风险点、防范措施和处置预案。",
            assessor="第三方评估机构",
            controllable=True,
            actor=clerk,
            on=date(2026, 2, 20),
        )
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "clerk")
    page.goto_path(f"/staff/decisions/{decision.pk}/")
    section = page.get_by_test_id("date-entries")
    expect(section.get_by_role("heading", name="日期录入记录")).to_be_visible()
    text = text_of(section)
    assert "启动决策" in text and "风险评估" in text and "2026-02-20" in text
    assert "早于上一环节（启动决策）的录入日期2026-03-02，疑似倒签" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious_violations(page) == []
    section.scroll_into_view_if_needed()
    screenshot(page, f"decisions-dates-{width}")
