"""The exam on a phone and a laptop, in headless Chromium: a choice is saved as it is made (the
page's script, through the API), a reload keeps it, then the paper is handed in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot
from fazhi.education.models import Answer, Sitting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_officer_sits_the_exam(page, people, exam, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "officer")
    page.goto_path("/staff/education/")
    page.get_by_role("button", name="开始答题").click()
    expect(page.locator("fieldset.exam-question")).to_have_count(7)
    first = page.locator("fieldset.exam-question").first
    first.locator("input[data-question]").nth(1).check()
    expect(first).to_have_class("exam-question exam-saved")
    sitting = Sitting.objects.get()
    assert Answer.objects.get(sitting=sitting, question_id=sitting.questions[0]).response == "B"
    page.reload()
    expect(
        page.locator("fieldset.exam-question").first.locator("input[data-question]").nth(1)
    ).to_be_checked()
    screenshot(page, f"education-sitting-{width}")
    page.get_by_role("button", name="交卷").click()
    expect(page.locator("main")).to_contain_text("已交卷")
    screenshot(page, f"education-submitted-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_legal_staff_write_a_question_create_an_exam_and_see_pufa(page, people, bank, width):
    from datetime import date

    from fazhi.education import services
    from fazhi.education.models import Exam, Question
    from fazhi.education.tests.conftest import make_law

    make_law("laws:劳动保障监察条例", date(2004, 12, 1))
    legal = people["legal"]
    contest = services.activity_record(
        kind="competition",
        title="全市人社系统法治知识竞赛",
        org_unit=people["units"]["bureau"],
        starts_on=date(2019, 9, 20),
        actor=legal,
    )
    team = services.team_add(activity=contest, name="市局代表队", actor=legal)
    services.stage_record(
        activity=contest,
        name="全市决赛",
        results=[{"team": team, "name": "选手甲", "advanced": True}],
        actor=legal,
    )
    services.stage_record(
        activity=contest,
        name="全国决赛",
        results=[{"name": "天津代表队", "award": "三等奖"}],
        actor=legal,
    )
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "legal")
    page.goto_path("/staff/education/questions/")
    page.get_by_label("题型").select_option("truefalse")
    page.get_by_label("题干").fill("用人单位应当保存职工工资发放记录。")
    page.get_by_label("正确答案（如 B、AC、T 或 F）").fill("T")
    page.get_by_label("考查的法律").fill("劳动保障监察条例")
    page.get_by_label("条文序号（多个用逗号分隔）").fill("99")
    page.get_by_role("button", name="加入题库").click()
    expect(page.locator("main")).to_contain_text("未找到现行条文")
    page.get_by_label("条文序号（多个用逗号分隔）").fill("3")
    page.get_by_role("button", name="加入题库").click()
    expect(page.locator("main")).to_contain_text("试题已加入题库")
    assert Question.objects.filter(stem__startswith="用人单位").count() == 1
    screenshot(page, f"education-questions-{width}")
    page.goto_path("/staff/education/exams/new/")
    page.get_by_label("考试名称").fill("2026年学法用法考试")
    page.get_by_label("开考时间").fill("2026-01-05T09:00")
    page.get_by_label("截止时间").fill("2099-01-20T17:00")
    page.get_by_label("单选题题数").fill("3")
    page.get_by_label("单选题每题分值").fill("10")
    screenshot(page, f"education-exam-new-{width}")
    page.get_by_role("button", name="创建考试").click()
    expect(page.locator("main")).to_contain_text("单选题 3 道，每道 10 分")
    assert Exam.objects.filter(title="2026年学法用法考试").exists()
    page.goto_path("/staff/education/pufa/2019/")
    expect(page.locator("main")).to_contain_text("1 支代表队")
    screenshot(page, f"education-pufa-{width}")
    page.get_by_role("link", name="全市人社系统法治知识竞赛").click()
    expect(page.locator("main")).to_contain_text("三等奖")
    screenshot(page, f"education-activity-{width}")
