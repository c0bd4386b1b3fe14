"""The ledger and the public comment page rendered in headless Chromium (screenshots kept)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import PublicComment
from fazhi.normdocs.tests.factories import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DURING = datetime(2025, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_ledger_page_shows_stages_and_deadlines(page, people):
    make_document(people, Stage.PUBLISHED, title="就业困难人员认定办法")
    make_document(people, Stage.LEGALITY_REVIEW, title="工伤保险辅助器具配置管理办法")
    make_document(people, Stage.DRAFTING, title="人才公寓管理办法")
    browser_login(page, "legal")
    page.goto_path("/staff/normdocs/")
    assert text_of(page.get_by_role("heading", level=1)) == "规范性文件台账"
    rows = page.locator("tbody tr")
    assert rows.count() == 3
    expect(page.get_by_role("link", name="导出 Excel")).to_be_visible()
    assert "已公布（待备案）" in text_of(page.locator("tbody"))
    screenshot(page, "normdocs-ledger")
    page.get_by_role("link", name="工伤保险辅助器具配置管理办法").click()
    expect(page.get_by_role("heading", name="办理进程")).to_be_visible()
    screenshot(page, "normdocs-document")


def test_a_citizen_comments_on_an_article_in_the_browser(page, people):
    with time_machine.travel(DURING, tick=True):
        document = make_document(people, Stage.PUBLIC_COMMENT)
        page.goto_path(f"/normdocs/{document.pk}/")
        assert "征求意见截止日期" in text_of(page.locator("main"))
        page.get_by_text("对第二条提意见").click()
        page.get_by_label("您的意见").nth(1).fill("建议把灵活就业人员纳入适用范围。")
        page.get_by_role("button", name="提交对第二条的意见").click()
        assert "感谢您对第二条提出的意见" in text_of(page.locator("main"))
        screenshot(page, "normdocs-public-comment")
    assert PublicComment.objects.get().article.number == 2


@pytest.mark.parametrize("width", [1366, 390])
def test_the_fair_competition_step_answers_the_checklist_in_the_browser(page, people, width):
    """The business division's clerk runs the step: the 19 standards of the review day, each
    with a reason; one left blank is refused (naming it) with the input kept."""
    from fazhi.decisions.models import CompetitionReview
    from fazhi.normdocs.tests.factories import DAYS

    document = make_document(people, Stage.FAIR_COMPETITION)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "clerk")
    page.goto_path(f"/staff/normdocs/{document.pk}/")
    form = page.locator("form[action$='/steps/fair_competition/']")
    form.get_by_label("办理日期").fill(DAYS["competition"].isoformat())
    form.get_by_label("审查结论").select_option("compliant")
    form.get_by_label("是否涉及经营者经济活动的判断理由").fill("涉及培训机构参与补贴性培训")
    form.get_by_label("结论说明").fill("逐项审查，未发现排除、限制竞争的内容")
    form.get_by_label("听取意见对象", exact=False).fill("职业培训机构代表")
    form.get_by_label("听取方式", exact=False).fill("座谈会")
    reasons = form.locator("input[name^='fair_competition-r_']")
    assert reasons.count() == 19
    for i in range(18):
        reasons.nth(i).fill("文件未作此类规定")
    form.get_by_role("button", name="公平竞争审查").click()
    expect(page.locator("[role=alert]").first).to_contain_text("11.4")
    assert not CompetitionReview.objects.filter(matter_id=document.pk).exists()
    screenshot(page, f"normdocs-competition-refused-{width}")
    form = page.locator("form[action$='/steps/fair_competition/']")
    assert form.locator("input[name='fair_competition-r_8.1']").input_value() == "文件未作此类规定"
    form.locator("input[name='fair_competition-r_11.4']").fill("文件未作此类规定")
    form.get_by_role("button", name="公平竞争审查").click()
    expect(page.locator("main")).to_contain_text("符合公平竞争审查标准，可以出台")
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=document.pk)
    assert len(review.answers) == 19 and review.stakeholders[0]["how"] == "座谈会"
    screenshot(page, f"normdocs-competition-{width}")
