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


@pytest.mark.django_db(transaction=True)
def test_a_save_racing_the_submission_is_scored_or_refused(people, exam):
    """PostgreSQL only (row locks): saves hammer a paper while it is handed in; every answer
    acknowledged is in the submission's audited digest — none lands after the scoring read."""
    import threading

    from django.db import connection as conn

    from fazhi.core.domain.errors import Refused

    if conn.vendor != "postgresql":
        pytest.skip("row locks: PostgreSQL")
    me = people["officer"]
    sitting = services.sitting_start(exam=exam, actor=me)
    tf = list(
        Question.objects.filter(pk__in=sitting.questions, qtype="truefalse").values_list(
            "pk", flat=True
        )
    )
    acked, stop = [], threading.Event()

    def saver():
        from django.db import connections

        n = 0
        try:
            while not stop.is_set():
                value = "TF"[n % 2]
                try:
                    services.answer_save(
                        sitting=sitting.pk, question=tf[n % len(tf)], response=value, actor=me
                    )
                    acked.append((tf[n % len(tf)], value))
                except Refused:
                    return
                n += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=saver) for _ in range(3)]
    for t in threads:
        t.start()
    import time

    give_up = time.monotonic() + 30
    while len(acked) < 20 and time.monotonic() < give_up:
        time.sleep(0.001)
    assert len(acked) >= 20
    services.sitting_submit(sitting=sitting, actor=me)
    stop.set()
    for t in threads:
        t.join()
    event = AuditEvent.objects.filter(action="education.sitting.submit").get()
    sitting.refresh_from_db()
    assert event.data["answers_sha256"] == services.answers_digest(sitting)["answers_sha256"]
    saved = set(Answer.objects.filter(sitting=sitting).values_list("question_id", flat=True))
    assert saved == {q for q, _ in acked}
