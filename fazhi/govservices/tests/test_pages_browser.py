"""The public service guide in headless Chromium (screenshot for a person to look at)."""

from __future__ import annotations

import pytest

from fazhi.conftest import browser_login, screenshot, text_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_service_guide_shows_materials_and_flow(page, catalogue):
    page.goto_path("/services/")
    assert text_of(page.get_by_role("heading", level=1)) == "政务服务事项与办事指南"
    page.get_by_role("link", name="劳务派遣经营许可").click()
    assert text_of(page.get_by_role("heading", level=1)) == "劳务派遣经营许可"
    flow = page.get_by_role("list", name="办理流程（按顺序）")
    assert flow.get_by_role("listitem").count() == 3
    assert "可共享免提交" in text_of(page.locator("main"))
    screenshot(page, "services-guide")


def test_staff_application_page_offers_only_the_allowed_steps(page, people, catalogue):
    from fazhi.govservices.tests.conftest import submit

    app = submit(people, catalogue["gs"], materials=["特殊工时制度申请表"])
    browser_login(page, "clerk")
    page.goto_path("/staff/services/applications/")
    page.get_by_role("link", name=app.reference).click()
    page.get_by_text("一次告知补正").click()
    page.locator("input[name=on]").nth(1).fill("2019-03-04")
    page.get_by_role("button", name="发出补正告知").click()
    text = text_of(page.locator("main"))
    assert "补正中" in text and "岗位及人员名单、工会意见" in text
    assert page.get_by_text("一次告知补正", exact=True).count() == 1  # the fact, no longer a step
    screenshot(page, "services-application")


def test_clerk_receives_a_natural_persons_paper_application_with_a_passport(
    page, people, catalogue
):
    browser_login(page, "clerk")
    page.goto_path("/staff/services/applications/new/?item=XK-GS")
    page.get_by_label("申请人名称").fill("John Smith")
    page.get_by_label("申请人类别").select_option(label="自然人")
    page.get_by_label("证件类型").select_option("护照号")
    page.get_by_label("证件号码").fill("E12345678")
    page.get_by_label("收件日期").fill("2019-03-01")
    page.get_by_role("button", name="收件").click()
    text = text_of(page.locator("main"))
    assert "证件号码（护照号）" in text and "E12345678" in text
    screenshot(page, "services-natural-person")


def test_the_register_marks_a_licence_revoked_on_reconsideration(page, revoked_licence):
    app, record = revoked_licence
    browser_login(page, "clerk")
    page.goto_path("/staff/services/applications/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=app.reference))
    assert "决定已被撤销" in text_of(row)
    row.get_by_role("link", name=app.reference).click()
    text = text_of(page.locator("main"))
    assert "准予许可 决定已被撤销" in text
    assert (
        "执法公示\n已撤回（2019-05-22，原因：经行政复议（津政复〔2019〕88号），原决定被撤销）"
        in text
    )
    screenshot(page, "services-licence-revoked")
    page.get_by_role("link", name=f"公示记录 {record.record_no}").click()
    text = text_of(page.locator("main"))
    assert "已撤回" in text and "撤回已公开的决定信息期限" in text
