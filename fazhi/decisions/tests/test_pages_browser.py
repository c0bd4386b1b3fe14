"""The decision forms in headless Chromium, for 法规处 and the business division at phone and
laptop widths: register a decision, a refused step comes back with the input and the article."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.decisions.models import Decision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("who", ["clerk", "legal"])
@pytest.mark.parametrize("width", [1366, 390])
def test_register_a_decision_and_a_refused_step_keeps_the_input(page, people, width, who):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, who)
    page.goto_path("/staff/decisions/")
    page.get_by_role("link", name="登记重大行政决策").click()
    page.get_by_label("决策名称").fill("工伤保险待遇调整方案")
    page.get_by_label("涉及市场主体经济活动").check()
    page.get_by_label("启动日期").fill("2019-09-02")
    page.get_by_role("button", name="登记").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("工伤保险待遇调整方案")
    decision = Decision.objects.get()
    assert decision.org_unit == people[who].org_unit and decision.affects_market

    # a comment period of 18 days without a reason: refused, the dates stay as typed
    box = page.locator("#step-open_comment")
    box.locator("summary").click()
    box.get_by_label("决策草案及其说明", exact=False).fill(
        "第一条 为规范工伤保险待遇调整，制定本方案。"
    )
    box.get_by_label("征求意见开始日期").fill("2019-09-02")
    box.get_by_label("征求意见截止日期").fill("2019-09-20")
    box.get_by_role("button", name="发布征求意见").click()
    alert = page.locator("#step-open_comment [role=alert]")
    expect(alert).to_contain_text("30")
    expect(page.locator("#step-open_comment")).to_have_attribute("open", "")
    expect(page.locator("#step-open_comment").get_by_label("征求意见截止日期")).to_have_value(
        "2019-09-20"
    )
    decision.refresh_from_db()
    assert decision.comment_opens is None

    discuss = page.locator("#step-discuss")
    if who == "clerk":  # the 承办单位 runs the procedures; the discussion is recorded by others
        expect(discuss).to_have_count(0)
    else:
        discuss.locator("summary").click()
        discuss.get_by_label("会议名称").fill("局长办公会")
        discuss.get_by_label("发言情况", exact=False).fill("副局长甲，同意\n局长，同意")
        discuss.get_by_label("行政首长姓名").fill("局长")
        discuss.get_by_label("决定内容").fill("通过")
        discuss.get_by_label("会议日期").fill("2019-10-20")
        discuss.get_by_role("button", name="记录集体讨论决定").click()
        expect(page.locator("#step-discuss [role=alert]")).to_contain_text("公众参与")
        expect(page.locator("#step-discuss").get_by_label("会议名称")).to_have_value("局长办公会")
        assert not decision.speakers.exists()
    page.locator("#step-open_comment").scroll_into_view_if_needed()
    screenshot(page, f"decisions-detail-{who}-{width}")

    # the register links to the page and shows the open gates
    page.goto_path("/staff/decisions/")
    assert "公众参与（未完成）" in text_of(page.locator("main"))
    screenshot(page, f"decisions-register-{who}-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_fair_competition_checklist_answered_in_the_browser(page, people, width):
    from datetime import date

    from fazhi.decisions import services as s
    from fazhi.decisions.tests.conftest import start

    decision = start(people, affects_market=True)
    review = s.competition_open(
        matter_type="decision",
        matter_id=decision.pk,
        title=decision.title,
        org_unit=decision.org_unit,
        affects_reason="调整企业缴费",
        actor=people["clerk"],
    )
    s.competition_consult(
        review=review,
        who="市企业联合会",
        how="座谈会",
        views="无异议",
        on=date(2019, 10, 10),
        actor=people["clerk"],
    )
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "clerk")
    page.goto_path(f"/staff/decisions/competition/{review.pk}/")
    box = page.locator("#step-conclude")
    box.locator("summary").click()
    box.get_by_label("结论说明").fill("逐项审查，未发现违反标准情形")
    reasons = box.locator("input[name^='conclude-r_']")
    # answer all but the last standard: refused, naming the standard left open
    count = reasons.count()
    for i in range(count - 1):
        reasons.nth(i).fill("不涉及")
    box.get_by_role("button", name="作出审查结论").click()
    expect(page.locator("#step-conclude [role=alert]")).to_contain_text("逐项作答")
    review.refresh_from_db()
    assert review.conclusion == ""
    screenshot(page, f"decisions-competition-refused-{width}")
    page.locator("#step-conclude input[name^='conclude-r_']").nth(count - 1).fill("不涉及")
    page.locator("#step-conclude").get_by_role("button", name="作出审查结论").click()
    expect(page.locator("main")).to_contain_text("符合公平竞争审查标准")
    review.refresh_from_db()
    assert review.conclusion == "passes" and len(review.answers) == count == 19  # the 2024 条例
    screenshot(page, f"decisions-competition-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_catalogue_and_comment_moderation_in_the_browser(page, people, width):
    """法规处 drafts and publishes the 目录, then adjusts it with a reason; the business division
    moderates a comment (a hide without a reason is refused) and records a hearing."""
    from datetime import UTC, date, datetime

    from fazhi.decisions import services as s
    from fazhi.decisions.models import Catalogue, Hearing
    from fazhi.decisions.tests.conftest import start

    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "legal")
    page.goto_path("/staff/decisions/catalogues/")
    page.get_by_role("spinbutton", name="年度").fill("2019")
    page.get_by_role("button", name="起草").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2019年度重大行政决策事项目录")
    box = page.locator("#step-add_item")
    box.locator("summary").click()
    box.get_by_label("决策事项").fill("工伤保险待遇调整")
    box.get_by_label("承办单位").select_option(str(people["units"]["zongdui"].pk))
    box.get_by_role("button", name="增加事项").click()
    box = page.locator("#step-publish")
    box.locator("summary").click()
    box.get_by_label("党组同意日期").fill("2019-02-20")
    box.get_by_role("button", name="公布").click()
    box = page.locator("#step-add_item")
    box.locator("summary").click()
    box.get_by_label("决策事项").fill("就业困难人员认定办法")
    box.get_by_label("承办单位").select_option(str(people["units"]["zongdui"].pk))
    box.get_by_role("button", name="增加事项").click()
    expect(page.locator("#step-add_item [role=alert]")).to_contain_text("第三条")
    assert Catalogue.objects.get().items.count() == 1
    page.locator("#step-add_item").get_by_label("调整理由", exact=False).fill("市政府年中部署")
    page.locator("#step-add_item").get_by_role("button", name="增加事项").click()
    expect(page.locator("main")).to_contain_text("增加“就业困难人员认定办法”：市政府年中部署")
    screenshot(page, f"decisions-catalogue-legal-{width}")

    decision = start(people)
    s.decision_open_comment(
        decision=decision, opens=date(2019, 9, 2), closes=date(2019, 10, 1), actor=people["clerk"]
    )
    comment = s.comment_submit(
        decision=decision,
        text="建议延长过渡期",
        ip="10.0.0.3",
        article="第五条",
        at=datetime(2019, 9, 5, 2, tzinfo=UTC),
    )
    page.context.clear_cookies()
    browser_login(page, "clerk")
    page.goto_path(f"/staff/decisions/{decision.pk}/comments/")
    card = page.locator(f"#comment-{comment.pk}")
    card.locator("summary").click()
    card.get_by_role("radio", name="不予公开").check()
    card.get_by_role("button", name="提交审核").click()
    card = page.locator(f"#comment-{comment.pk}")
    expect(card.locator("[role=alert], .errorlist").first).to_be_visible()
    comment.refresh_from_db()
    assert comment.approved is None
    card.get_by_role("radio", name="公开", exact=True).check()
    card.get_by_label("采纳情况", exact=False).select_option("partly")
    card.get_by_label("理由", exact=False).fill("过渡期延长至六个月")
    card.get_by_role("button", name="提交审核").click()
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("已公开 · 部分采纳")
    screenshot(page, f"decisions-comments-clerk-{width}")

    page.goto_path(f"/staff/decisions/{decision.pk}/")
    box = page.locator("#step-hearing")
    box.locator("summary").click()
    box.get_by_label("听证公告和材料公开日期").fill("2019-09-12")
    box.get_by_label("公开的听证材料").fill("决策草案及说明")
    box.get_by_label("听证日期").fill("2019-09-17")
    box.get_by_label("听证地点").fill("局第一会议室")
    box.get_by_label("听证参加人", exact=False).fill("张某，用人单位代表\n李某，职工代表")
    box.get_by_label("听证笔录要点").fill("张某建议延长过渡期")
    box.get_by_label("听证意见处理情况").fill("已采纳")
    box.get_by_role("button", name="记录听证会").click()
    expect(page.locator("#step-hearing [role=alert]")).to_contain_text("至少提前7日")
    assert not Hearing.objects.exists()
    page.locator("#step-hearing").get_by_label("听证公告和材料公开日期").fill("2019-09-10")
    page.locator("#step-hearing").get_by_role("button", name="记录听证会").click()
    expect(page.locator("main")).to_contain_text("局第一会议室")
    assert Hearing.objects.get().participants[1]["name"] == "李某"
    screenshot(page, f"decisions-hearing-clerk-{width}")
