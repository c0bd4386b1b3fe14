"""18.5 in headless Chromium at 390 and 1366 px: the arrears page shows each step's typed date
beside its entry and the flag of a payment entered after its deadline, as the officer sees it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.core.tests.a11y import serious_violations
from fazhi.enforcement.services import arrears as svc
from fazhi.enforcement.testing import on_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1366])
def test_arrears_page_shows_the_typed_dates_and_their_flags(page, world, width):
    officer = world["users"]["a"]
    with on_day(date(2019, 3, 1)):
        case = svc.arrears_case_register(
            reference="津人社欠〔2019〕1号",
            employer_name="天津某物流有限公司",
            employer_uscc="91110000600037341L",
            period_from=date(2019, 1, 1),
            period_to=date(2019, 1, 31),
            principal=Decimal("10000"),
            due_date=date(2019, 2, 15),
            org_unit=world["team"],
            actor=officer,
        )
        svc.arrears_step_record(
            case=case, kind="order", on=date(2019, 3, 1), deadline=date(2019, 3, 15), actor=officer
        )
    owed = svc.case_facts(case).statement(date(2019, 3, 14)).total_outstanding
    with on_day(date(2019, 3, 25)):
        svc.arrears_step_record(
            case=case, kind="payment", on=date(2019, 3, 14), amount=owed, actor=officer
        )
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "zhifa_a")
    page.goto_path(f"/staff/enforcement/arrears/{case.pk}/")
    section = page.get_by_test_id("date-entries")
    expect(section.get_by_role("heading", name="日期录入记录")).to_be_visible()
    text = text_of(section)
    assert "缴纳日期" in text and "2019-03-14" in text and "2019-03-25" in text
    assert "用人单位缴纳期限2019-03-15之内" in text
    wide = page.evaluate(
        """w => [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 8)
        .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""",
        width,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width, wide
    assert serious_violations(page) == []
    section.scroll_into_view_if_needed()
    screenshot(page, f"arrears-case-dates-{width}")
