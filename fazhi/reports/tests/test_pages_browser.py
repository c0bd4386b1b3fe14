"""The annual report as 法规处 and the head use it, in headless Chromium at 1366 and 390 px."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from fazhi.accounts.tests.factories import make_user
from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(org_tree):
    legal = make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    for i in range(2):
        case = apply({"legal": legal, "units": org_tree}, applicant_name=f"申请人{i}")
        recon.reconsideration_review(case=case, outcome="accept", on=date(2019, 3, 25), actor=legal)
    return {"legal": legal, "units": org_tree}


@pytest.mark.parametrize("width", [1366, 390])
def test_legal_division_drafts_edits_and_opens_a_figure(page, people, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "legal")
    page.goto_path("/staff/reports/")
    page.get_by_label("年度").select_option("2019")
    page.get_by_label("格式").select_option("seed")
    page.get_by_role("button", name="生成初稿").click()
    # drafting runs as a background job; its page says what it did and opens the draft
    expect(page.locator("#job-status")).to_have_text("已完成")
    expect(page.locator("main")).to_contain_text("已生成2019年报告初稿")
    page.get_by_role("link", name="打开报告").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "天津市人力资源和社会保障局2019年法治政府建设情况报告"
    )
    main = text_of(page.locator("main"))
    assert "全年受理行政复议案件2件" in main and "待补" in main
    screenshot(page, f"reports-draft-{width}")
    # a figure opens the records behind it
    page.locator("a.figure", has_text="2件").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("受理行政复议案件：2件")
    assert page.locator("ol.records li").count() == 2
    screenshot(page, f"reports-figure-{width}")
    # the prose is edited in the browser; the figure stays live
    page.go_back()
    page.locator("#disputes").get_by_role("link", name="修改本部分").click()
    box = page.get_by_label("正文（段落之间空一行；[[…]] 是取自记录的数字，保留即可）")
    box.fill("全年依法受理行政复议案件[[disputes.reconsideration_accepted]]，均在法定期限内审结。")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#disputes")).to_contain_text(
        "全年依法受理行政复议案件2件，均在法定期限内审结。"
    )
