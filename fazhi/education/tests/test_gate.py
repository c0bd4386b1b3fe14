"""The gate on the education services (fazhi.accounts.testing.gate)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from fazhi.accounts.testing.gate import check_gate
from fazhi.education import services

pytestmark = pytest.mark.django_db


def test_bank_and_exam_services(people, bank):
    article = bank["labour"].articles.first()
    check_gate(
        lambda a: services.question_add(
            qtype="truefalse", stem="判断", options=[], answer="F", articles=[article], actor=a
        ),
        responsible=people["legal"],
        outsiders=[people["officer"], people["clerk"]],
    )
    check_gate(
        lambda a: services.questions_retire_outdated(actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"]],
    )
    now = timezone.now()
    exam = check_gate(
        lambda a: services.exam_create(
            title="考试",
            year=2019,
            org_unit=people["units"]["bureau"],
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(hours=1),
            paper_rules=[{"qtype": "single", "count": 2}],
            actor=a,
        ),
        responsible=people["legal"],
        outsiders=[people["officer"], people["clerk"]],
    )
    check_gate(
        lambda a: services.exam_enrol(
            exam=exam,
            units=[people["units"]["bureau"]],
            role_codes=["enforcement_officer"],
            actor=a,
        ),
        responsible=people["legal"],
        outsiders=[people["officer"]],
        obj=exam,
    )
    me = people["officer"]
    sitting = check_gate(
        lambda a: services.sitting_start(exam=exam, actor=a),
        responsible=me,
        outsiders=[people["clerk"]],  # not enrolled
    )
    q = sitting.questions[0]
    check_gate(
        lambda a: services.answer_save(sitting=sitting, question=q, response="B", actor=a),
        responsible=me,
        outsiders=[people["officer2"], people["legal"]],
    )
    check_gate(
        lambda a: services.sitting_submit(sitting=sitting, actor=a),
        responsible=me,
        outsiders=[people["officer2"]],
        obj=sitting,
    )
    type(exam).objects.filter(pk=exam.pk).update(closes_at=timezone.now())
    exam.refresh_from_db()
    check_gate(
        lambda a: services.exam_close(exam=exam, actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"], people["clerk"]],
        obj=exam,
    )


def test_duty_list_and_base_services(people):
    from datetime import date

    unit = people["units"]["fagui"]
    item = check_gate(
        lambda a: services.duty_item_add(
            year=2019, kind="common", content="宣传宪法", lead_unit=unit, actor=a
        ),
        responsible=people["legal"],
        outsiders=[people["officer"], people["clerk"]],
    )
    check_gate(
        lambda a: services.duty_item_complete(item=item, done_on=date(2019, 12, 4), actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"]],
        obj=item,
    )
    check_gate(
        lambda a: services.base_register(
            name="法治宣传教育基地",
            address="河东区九经路25号",
            sponsor=people["units"]["zongdui"],
            opened_on=date(2019, 6, 1),
            actor=a,
        ),
        responsible=people["legal"],
        outsiders=[people["officer"]],
    )
