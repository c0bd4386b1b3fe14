"""The staff pages that set up the exam and record 普法: each action calls its service; a
refusal shows its message and writes nothing."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from fazhi.core.tests.test_services_evidence import _png
from fazhi.disputes.models import ReconsiderationCase
from fazhi.education.models import (
    Activity,
    ActivityMaterial,
    Exam,
    Question,
    QuestionStatus,
    StudyRecord,
)
from fazhi.education.tests.conftest import make_law

pytestmark = pytest.mark.django_db


def _login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_write_a_question_draft_and_approve(people):
    law = make_law("laws:劳动保障监察条例", date(2004, 12, 1))
    client = _login(people["legal"])
    form = {
        "qtype": "truefalse",
        "stem": "用人单位应当保存职工工资发放记录。",
        "options": "",
        "answer": "T",
        "law": "劳动保障监察条例",
        "numbers": "",
    }
    page = client.post("/staff/education/questions/", form, follow=True)
    assert "每道试题须关联其考查的法律条文" in page.content.decode()
    assert not Question.objects.exists()
    page = client.post("/staff/education/questions/", form | {"numbers": "99"}, follow=True)
    assert "未找到现行条文" in page.content.decode() and not Question.objects.exists()
    client.post("/staff/education/questions/", form | {"numbers": "3, 第五条"})
    q = Question.objects.get()
    assert sorted(q.articles.values_list("number", flat=True)) == [3, 5]
    assert q.work_key == law.work.key
    # a draft from a corrected case, approved only once tied to an article
    from fazhi.disputes.tests.conftest import apply

    case = apply(people)
    ReconsiderationCase.objects.filter(pk=case.pk).update(decision="vary", error_cause="improper")
    client.post("/staff/education/questions/draft/", {"year": 2019})
    draft = Question.objects.get(status=QuestionStatus.DRAFT)
    assert "明显不当" in draft.stem
    url = f"/staff/education/questions/{draft.pk}/"
    page = client.post(url, {"action": "approve"}, follow=True)
    assert "请先选择条文" in page.content.decode()
    assert Question.objects.get(pk=draft.pk).status == QuestionStatus.DRAFT
    edit = {"qtype": "single", "stem": draft.stem, "options": "\n".join(draft.options)}
    client.post(url, edit | {"answer": "A", "law": "劳动保障监察条例", "numbers": "7"})
    client.post(url, {"action": "approve"})
    assert Question.objects.get(pk=draft.pk).status == QuestionStatus.ACTIVE
    assert client.get("/staff/education/questions/?status=active").status_code == 200
    assert _login(people["officer"]).get("/staff/education/questions/").status_code == 403


def test_create_an_exam_and_enrol(people, bank):
    client = _login(people["legal"])
    form = {
        "title": "2026年学法用法考试",
        "year": "2026",
        "opens_at": "2026-01-05T09:00",
        "closes_at": "2026-01-04T09:00",
        "count_single": "3",
        "points_single": "10",
    }
    page = client.post("/staff/education/exams/new/", form, follow=True)
    assert "截止时间须晚于开考时间" in page.content.decode() and not Exam.objects.exists()
    page = client.post(
        "/staff/education/exams/new/", form | {"closes_at": "2099-01-20T17:00"}, follow=True
    )
    exam = Exam.objects.get()
    assert exam.rules[0]["count"] == 3 and "单选题 3 道，每道 10 分" in page.content.decode()
    client.post(
        f"/staff/education/exams/{exam.pk}/enrol/",
        {"units": [people["units"]["bureau"].pk], "roles": ["enforcement_officer"]},
    )
    assert exam.enrolments.count() == 2


def test_pufa_pages_record_activities_materials_and_study(people):
    client = _login(people["legal"])
    url = "/staff/education/pufa/2019/"
    client.post(url, {"action": "plan", "title": "2019年普法计划", "issued_on": "2019-03-15"})
    page = client.post(
        url,
        {
            "action": "activity",
            "kind": "constitution_week",
            "title": "宪法宣传周",
            "org_unit": people["units"]["bureau"].pk,
            "starts_on": "2019-12-05",
            "ends_on": "2019-12-11",
        },
        follow=True,
    )
    assert "宪法宣传周须包含12月4日国家宪法日" in page.content.decode()
    assert not Activity.objects.exists()
    page = client.post(
        url,
        {
            "action": "activity",
            "kind": "competition",
            "title": "法治知识竞赛",
            "org_unit": people["units"]["bureau"].pk,
            "starts_on": "2019-09-20",
            "participants": "officer,officer2",
        },
        follow=True,
    )
    contest = Activity.objects.get()
    assert contest.participants.count() == 2
    a_url = f"/staff/education/activities/{contest.pk}/"
    client.post(a_url, {"action": "team", "name": "市局代表队"})
    client.post(a_url, {"action": "team", "name": "河东区代表队"})
    client.post(
        a_url,
        {
            "action": "stage",
            "name": "全市决赛",
            "results": "市局代表队, 一等奖, 晋级\n河东区代表队, 二等奖",
        },
    )
    photo = BytesIO(_png())
    photo.name = "现场.png"
    client.post(a_url, {"action": "attach", "kind": "photo", "caption": "决赛现场", "file": photo})
    assert ActivityMaterial.objects.get().evidence.mime_type.startswith("image/")
    page = client.get(a_url).content.decode()
    assert "决赛现场" in page and "一等奖" in page
    client.post(
        url,
        {
            "action": "study",
            "username": "officer",
            "studied_on": "2019-06-01",
            "kind": "online",
            "course": "宪法",
            "hours": "2",
        },
    )
    assert StudyRecord.objects.get().hours == 2
    page = client.get(url).content.decode()
    assert "2019年普法计划" in page and "2 支代表队" in page
    wb = load_workbook(BytesIO(client.get(f"{url}study.xlsx").content))
    assert wb["学时汇总"]["B2"].value == "officer" and wb["学时汇总"]["E2"].value == 2
