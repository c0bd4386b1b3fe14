"""The register, an officer's page and the public check in headless Chromium (screenshots)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.officers.services import certificates as cards
from fazhi.officers.tests.conftest import make_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_officer_page_and_public_check(page, staff):
    today = timezone.localdate()
    make_officer(
        staff, "张建国", number="1200009900001", issued_on=today, user=staff["officer_user"]
    )
    soon = make_officer(
        staff, "李海燕", number="1200009900002", issued_on=today - timedelta(days=3 * 365 - 30)
    )
    cards.certificate_review_record(
        certificate=soon.certificates.get(),
        reviewed_on=today - timedelta(days=20),
        passed=True,
        actor=staff["manager"],
    )
    suspended = make_officer(
        staff,
        "王和平",
        unit="district_team",
        number="1200009900003",
        issued_on=today - timedelta(days=10),
    )
    cards.certificate_suspend(
        certificate=suspended.certificates.get(),
        on=today,
        reason="接受调查",
        actor=staff["manager"],
    )
    browser_login(page, "manager")
    page.goto_path("/staff/officers/")
    assert text_of(page.get_by_role("heading", level=1)) == "执法人员与执法证"
    main = text_of(page.locator("main"))
    assert "持证率" in main and "66.7%" in main and "即将到期的执法证" in main
    screenshot(page, "officers-register")
    page.get_by_role("link", name="张建国").first.click()
    page.locator("summary", has_text="登记培训").click()
    page.locator("input[name=course]").fill("行政处罚法专题培训")
    page.locator("input[name=hours]").fill("24")
    page.get_by_role("button", name="登记培训").click()
    assert "行政处罚法专题培训" in text_of(page.locator("main"))
    assert "距60学时尚差 36.0" in text_of(page.locator("main"))
    screenshot(page, "officers-detail")
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto_path("/officers/check/")
    page.get_by_label("执法证号").fill("1200009900003")
    page.get_by_role("button", name="查验").click()
    text = text_of(page.locator("main"))
    assert "王和平" in text and "暂扣" in text and "不能使用" in text
    screenshot(page, "officers-public-check-mobile")
