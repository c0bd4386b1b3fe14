"""The exam pages: sit on the form (without script), results and the xlsx."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from fazhi.education.models import Answer, Question, Sitting

pytestmark = pytest.mark.django_db


def _login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_sit_on_the_page_and_download_results(people, exam):
    me = _login(people["officer"])
    page = me.get("/staff/education/")
    assert exam.title in page.content.decode()
    start = me.post(f"/staff/education/exams/{exam.pk}/start/")
    sitting = Sitting.objects.get()
    assert start.url == f"/staff/education/sittings/{sitting.pk}/"
    card = me.get("/staff/education/").content.decode()
    assert "继续答题" in card and f"/exams/{exam.pk}/start/" not in card  # the paper is open
    html = me.get(start.url).content.decode()
    assert "单选题" in html and 'type="checkbox"' in html and "正确答案" not in html
    form = {}
    for q in sitting.questions:
        key = Question.objects.get(pk=q).answer
        form[f"q{q}"] = list(key)
        form[f"seen{q}"] = "1"
    me.post(start.url, {**form, "action": "save"})
    assert Answer.objects.filter(sitting=sitting).count() == 7
    me.post(start.url, {**form, "action": "submit"})
    sitting.refresh_from_db()
    assert sitting.score == 100 and sitting.passed
    # no 补考 button for one who passed (it only led to a refusal)
    card = me.get("/staff/education/").content.decode()
    assert "已通过本次考试" in card and f"/exams/{exam.pk}/start/" not in card
    # a second submission from the page is refused with a message, nothing changes
    after = me.post(start.url, {**form, "action": "submit"}, follow=True)
    assert "已交卷" in after.content.decode()
    legal = _login(people["legal"])
    detail = legal.get(f"/staff/education/exams/{exam.pk}/").content.decode()
    assert "监察一支队" in detail and "100.0%" in detail
    xlsx = legal.get(f"/staff/education/exams/{exam.pk}/results.xlsx")
    wb = load_workbook(BytesIO(xlsx.content))
    assert wb["成绩"]["F2"].value == 100.0
    assert _login(people["officer"]).get(f"/staff/education/exams/{exam.pk}/").status_code == 403
    other = _login(people["officer2"]).get(f"/staff/education/sittings/{sitting.pk}/")
    assert other.status_code == 404


def test_duty_list_public_page_and_xlsx(people):
    from datetime import date

    from fazhi.education import services

    unit = people["units"]["fagui"]
    services.duty_item_add(
        year=2019, kind="common", content="宣传宪法", lead_unit=unit, actor=people["legal"]
    )
    services.base_register(
        name="法治宣传教育基地",
        address="河东区九经路25号",
        sponsor=people["units"]["zongdui"],
        opened_on=date(2019, 6, 1),
        actor=people["legal"],
    )
    public = Client().get("/pufa/").content.decode()
    assert "2019年普法责任清单" in public and "宣传宪法" in public and "河东区九经路25号" in public
    xlsx = _login(people["legal"]).get("/staff/education/duties/2019.xlsx")
    ws = load_workbook(BytesIO(xlsx.content)).active
    assert ws["C2"].value == "宣传宪法" and ws["I2"].value == "未完成"
