"""The register, a case page and the public tracking page in headless Chromium (screenshots)."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.disputes.domain.litigation import Instance
from fazhi.disputes.services import litigation as lit
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_case_page_and_tracking(page, people):
    accepted = apply(people)
    recon.reconsideration_review(
        case=accepted, outcome="accept", on=date(2019, 3, 22), actor=people["legal"]
    )
    apply(
        people,
        act="和平区人社局劳动保障监察行政处罚决定书（和人社监罚〔2019〕3号）",
        received_on=date(2019, 3, 25),
    )
    browser_login(page, "legal")
    page.goto_path("/staff/disputes/")
    assert text_of(page.get_by_role("heading", level=1)) == "行政复议案件"
    assert page.locator("tbody tr").count() == 2
    screenshot(page, "disputes-register")
    page.get_by_role("link", name=accepted.reference).click()
    expect(page.get_by_role("heading", name="期限")).to_be_visible()
    assert "复议决定" in text_of(page.locator("main"))
    page.get_by_text("听证、调解或其他记录").click()
    page.locator("textarea[name=summary]").fill("听证会，申请人与被申请人负责人到场")
    page.get_by_role("button", name="添加记录").click()
    assert "听证会，申请人与被申请人负责人到场" in text_of(page.locator("main"))
    screenshot(page, "disputes-case")
    page.goto_path(f"/disputes/track/?code={accepted.tracking_code}")
    text = text_of(page.locator("main"))
    assert "审理中" in text and "张三" not in text
    screenshot(page, "disputes-tracking")


def test_litigation_page_records_the_head_appearance_and_rates_page(page, people):
    suit = lit.litigation_register(
        org_unit=people["units"]["zhidui"],
        court="天津市和平区人民法院",
        case_number="（2019）津0101行初21号",
        instance=Instance.FIRST,
        plaintiff="某公司",
        act="劳动保障监察行政处罚决定书",
        claims="撤销处罚决定",
        received_on=date(2019, 4, 1),
        actor=people["legal"],
    )
    lit.litigation_approve(
        case=suit,
        approver=people["leader"],
        agent="孙法规",
        on=date(2019, 4, 2),
        actor=people["legal"],
    )
    lit.litigation_answer(case=suit, on=date(2019, 4, 10), actor=people["legal"])
    browser_login(page, "legal")
    page.goto_path(f"/staff/disputes/litigations/{suit.pk}/")
    page.locator("input[name=on]").first.fill("2019-05-20")
    page.locator("select[name=head_appeared]").select_option("no")
    page.locator("select[name=absence_reason]").select_option("official_duty")
    page.locator("input[name=stand_in]").fill("officer")  # an officer of the bureau
    page.get_by_role("button", name="记录开庭").click()
    text = text_of(page.locator("main"))
    assert "需要履行他人不能代替的公务" in text and "已开庭" in text
    screenshot(page, "disputes-litigation")
    page.goto_path("/staff/disputes/rates/?year=2019")
    assert "0.0%" in text_of(page.locator("tfoot"))
    screenshot(page, "disputes-rates")


def test_registration_form_says_which_numbers_name_the_original_decision(page, people):
    browser_login(page, "legal")
    page.goto_path("/staff/disputes/reconsiderations/new/")
    field = page.get_by_label("原执法案件编号")
    expect(field).to_be_visible()
    help_id = field.get_attribute("aria-describedby")
    assert "许可文号" in text_of(page.locator(f"#{help_id}"))
    screenshot(page, "disputes-reconsideration-form")


def test_the_case_page_shows_the_body_and_takes_the_reply_and_the_decision(page, people):
    # issue 17.7 and 17.13: the 复议机关 recorded by date; the reply and the facts for the 决定书
    case = apply(people)
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 22), actor=people["legal"]
    )
    recon.reconsideration_send_copy(case=case, on=date(2019, 3, 25), actor=people["legal"])
    browser_login(page, "legal")
    page.goto_path(f"/staff/disputes/reconsiderations/{case.pk}/")
    text = text_of(page.locator("main"))
    assert "复议机关" in text and "天津市人力资源和社会保障局" in text and "第十二条第一款" in text
    page.get_by_text("收到被申请人答复").click()
    page.locator("input[name=on]").first.fill("2019-04-01")
    page.locator("textarea[name=summary]").first.fill("原处罚认定事实清楚，请求维持")
    page.get_by_role("button", name="记录答复").click()
    assert "2019-04-01：原处罚认定事实清楚，请求维持" in text_of(page.locator("main"))
    page.get_by_text("作出复议决定").click()
    page.locator("select[name=decision]").select_option("vary")
    page.locator("select[name=error_cause]").select_option("improper")
    page.locator("form[action$='/decide/'] input[name=on]").fill("2019-05-06")
    page.locator("textarea[name=facts]").fill("申请人已足额支付工资")
    page.get_by_role("button", name="作出决定").click()
    assert "变更决定须写明原行政行为变更为何内容" in text_of(page.locator("main"))
    page.get_by_text("作出复议决定").click()
    page.locator("select[name=decision]").select_option("vary")
    page.locator("select[name=error_cause]").select_option("improper")
    page.locator("form[action$='/decide/'] input[name=on]").fill("2019-05-06")
    page.locator("textarea[name=detail]").fill("罚款人民币二千元")
    page.get_by_role("button", name="作出决定").click()
    assert "下载决定书" in text_of(page.locator("main"))
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 860})
        screenshot(page, f"disputes-case-decided-{width}")
