"""A refused 笔录 in headless Chromium at 1366 and 390 px, as the inspector meets it: the form
comes back open with the place, the long summary and the ticked officer, the message beside it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot
from fazhi.core.models import AuditEvent
from fazhi.core.tests.a11y import serious_violations
from fazhi.enforcement.tests.conftest import filed_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUMMARY = "询问当事人单位人事负责人，了解加班安排与工资支付情况。" * 6


@pytest.mark.parametrize("width", [1366, 390])
def test_a_refused_record_keeps_the_input(page, world, width):
    case = filed_case(world)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "zhifa_a")
    page.goto_path(f"/staff/enforcement/cases/{case.pk}/")
    form = page.locator("form[action$='/steps/act/']")
    form.get_by_label("地点").fill("和平区南京路100号")
    form.get_by_label("内容").fill(SUMMARY)
    for box in form.locator("input[name=officers]").all()[1:]:
        box.uncheck()  # one officer only: 第四十二条 wants two
    events = AuditEvent.objects.count()
    form.get_by_role("button", name="记录").click()
    form = page.locator("form[action$='/steps/act/']")
    expect(form.get_by_role("alert")).to_contain_text("第四十二条")
    expect(form.get_by_label("地点")).to_have_value("和平区南京路100号")
    expect(form.get_by_label("内容")).to_have_value(SUMMARY)
    assert form.locator("input[name=officers]:checked").count() == 1
    assert AuditEvent.objects.count() == events
    form.scroll_into_view_if_needed()
    screenshot(page, f"enforcement-record-refused-{width}")
    assert serious_violations(page) == []
