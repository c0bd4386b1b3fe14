"""主题审批 and 无人审批 at the window in headless Chromium, as the licensing clerk, at 390 and
1366 px (issue 19.1): the screenshots are for a person to look at; axe-core must pass."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.core.tests.a11y import serious_violations
from fazhi.govservices.demo import demo_uscc
from fazhi.govservices.models import BundleApplication, LicenseApplication
from fazhi.govservices.services import catalogue as cat
from fazhi.govservices.tests.test_bundle_views import in_register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _size(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})


@pytest.mark.parametrize("width", [1366, 390])
def test_clerk_receives_a_themed_application(page, people, catalogue, width):
    cat.bundle_create(
        catalogue=catalogue["version"],
        code="ZT-KB",
        name="人力资源企业开办",
        items=[catalogue["lwpq"], catalogue["gs"]],
        actor=people["clerk"],
    )
    in_register(people, demo_uscc(5), 3_000_000)
    _size(page, width)
    browser_login(page, "clerk")
    page.goto_path("/staff/services/applications/")
    page.get_by_role("link", name="登记主题审批申请").click()
    page.get_by_role("button", name="选择主题").click()
    main = page.locator("main")
    expect(main).to_contain_text("营业执照副本（共享免提交）")
    page.get_by_label("申请人名称").fill("天津某人力资源有限公司")
    page.get_by_label("统一社会信用代码").fill("91120000000000000X")
    page.get_by_label("收件日期").fill("2019-04-01")
    page.get_by_label("工会意见").check()
    page.get_by_role("button", name="收件").click()
    expect(page.get_by_role("alert")).to_contain_text("统一社会信用代码")
    expect(page.get_by_label("申请人名称")).to_have_value("天津某人力资源有限公司")
    expect(page.get_by_label("工会意见")).to_be_checked()
    assert not BundleApplication.objects.exists()
    screenshot(page, f"services-bundle-refused-{width}")
    assert serious_violations(page) == []
    page.get_by_label("统一社会信用代码").fill(demo_uscc(5))
    for box in page.locator("input[name=materials]").all():
        box.check()
    page.get_by_role("button", name="收件").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("人力资源企业开办")
    text = text_of(main)
    lwpq = LicenseApplication.objects.get(item__code="XK-LWPQ")
    assert "2 个事项已分别登记" in text and lwpq.licence_number in text
    assert "受理审查" in text  # the manual item's clock
    screenshot(page, f"services-bundle-detail-{width}")
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", [1366, 390])
def test_no_person_review_from_the_staff_form(page, people, catalogue, width):
    in_register(people, demo_uscc(5), 3_000_000)
    _size(page, width)
    browser_login(page, "clerk")
    page.goto_path("/staff/services/applications/new/")
    page.get_by_label("许可事项").select_option(label="劳务派遣经营许可（无人审批）")
    page.get_by_role("button", name="选择事项").click()
    expect(page.locator("main")).to_contain_text("本事项适用无人审批")
    screenshot(page, f"services-auto-form-{width}")
    assert serious_violations(page) == []
    page.get_by_label("申请人名称").fill("天津某人力资源有限公司")
    page.get_by_label("统一社会信用代码").fill(demo_uscc(5))
    page.get_by_label("收件日期").fill("2019-04-01")
    for box in page.locator("input[name=materials]").all():
        box.check()
    page.get_by_role("button", name="收件").click()
    app = LicenseApplication.objects.get()
    expect(page.locator("main")).to_contain_text(f"已准予许可，许可文号 {app.licence_number}")
    screenshot(page, f"services-auto-granted-{width}")
    assert serious_violations(page) == []
