"""Staff pages as a person sees them: log in through the form, land on "我的期限"."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.core.services.deadlines import deadline_open


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_login_lands_on_my_deadlines_with_overdue_marked(page, staff_user, org_tree):
    # given an overdue deadline (a 5-working-day correction notice started three weeks ago)
    deadline_open(
        subject=org_tree["zhidui"],
        rule_code="licensing.correction_notice",
        start=timezone.localdate() - timedelta(days=21),
        actor=staff_user,
        owner=staff_user,
    )
    # when
    browser_login(page, "staff1")
    # then
    page.wait_for_url("**/staff/")
    expect(page.get_by_role("heading", name="我的期限")).to_be_visible()
    row = page.locator("tr.overdue")
    assert row.count() == 1
    assert "已逾期" in text_of(row)
    screenshot(page, "staff-home")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_wrong_password_shows_a_chinese_error(page, staff_user):
    browser_login(page, "staff1", password="wrong-password-1")
    expect(page.get_by_role("alert")).to_be_visible()
    assert "用户名或密码" in text_of(page.get_by_role("alert"))
    screenshot(page, "staff-login-error")
