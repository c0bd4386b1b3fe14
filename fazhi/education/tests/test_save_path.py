"""The answer save path (issue 23 load target): one read and one write, nothing on the audit
chain per answer, and the submission's audit event carrying every saved answer's digest."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.accounts.permissions import EDUCATION_SIT, require
from fazhi.core.models import AuditEvent
from fazhi.education import services
from fazhi.education.models import Answer, Question

pytestmark = pytest.mark.django_db


def _real(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT"))
    ]


def test_a_save_is_one_read_and_one_write(people, exam):
    me = people["officer"]
    sitting = services.sitting_start(exam=exam, actor=me)
    require(me, EDUCATION_SIT)  # the role lookup is cached on the user for the request
    q = sitting.questions[0]
    services.answer_save(sitting=sitting.pk, question=q, response="A", actor=me)
    events = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        row = services.answer_save(sitting=sitting.pk, question=q, response="B", actor=me)
    sql = _real(ctx.captured_queries)
    assert len(sql) == 2, sql
    assert sql[0].startswith("SELECT") and sql[1].startswith("INSERT INTO education_answer")
    assert not any("audit" in s for s in sql)
    assert AuditEvent.objects.count() == events
    assert Answer.objects.get(sitting=sitting, question_id=q).response == row.response == "B"


def test_submission_audits_the_answers_in_one_event(people, exam):
    me = people["officer"]
    sitting = services.sitting_start(exam=exam, actor=me)
    tf = list(
        Question.objects.filter(pk__in=sitting.questions, qtype="truefalse").values_list(
            "pk", flat=True
        )
    )
    single = Question.objects.filter(pk__in=sitting.questions, qtype="single").first().pk
    for q in tf:
        services.answer_save(sitting=sitting.pk, question=q, response="T", actor=me)
    services.answer_save(sitting=sitting.pk, question=single, response="C", actor=me)
    services.answer_save(sitting=sitting.pk, question=tf[0], response="F", actor=me)
    services.sitting_submit(sitting=sitting, actor=me)
    event = AuditEvent.objects.filter(action="education.sitting.submit").get()
    rows = Answer.objects.filter(sitting=sitting).order_by("question_id")
    text = "\n".join(f"{a.question_id}|{a.response}|{a.saved_at.isoformat()}" for a in rows)
    assert event.data["answers"] == len(tf) + 1 == 3
    assert event.data["answers_sha256"] == hashlib.sha256(text.encode()).hexdigest()
