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
