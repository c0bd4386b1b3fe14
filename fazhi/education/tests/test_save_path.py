"""The answer save path (issue 23 load target): one read (the API key checked in it, no role
query) and one write, nothing on the audit chain per answer, the gate intact, and the
submission's audit event carrying every saved answer's digest."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fazhi.accounts.models import ApiToken, User
from fazhi.accounts.services import api_token_create, api_token_revoke
from fazhi.accounts.testing.gate import row_counts
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
    q = sitting.questions[0]
    services.answer_save(sitting=sitting.pk, question=q, response="A", actor=me)
    events = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        row = services.answer_save(sitting=sitting.pk, question=q, response="B", actor=me)
    sql = _real(ctx.captured_queries)
    assert len(sql) == 2, sql
    assert sql[0].startswith("SELECT") and sql[1].startswith("INSERT INTO education_answer")
    assert not any("audit" in s or "auth_group" in s for s in sql)  # no role query either
    assert AuditEvent.objects.count() == events
    assert Answer.objects.get(sitting=sitting, question_id=q).response == row.response == "B"


def _put(key: str, sitting_id: int, q: int, value: str):
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}").put(
        f"/api/v1/education/sittings/{sitting_id}/answers/{q}",
        {"response": value},
        content_type="application/json",
    )


def test_by_api_key_the_key_is_checked_in_the_save_query(people, exam):
    me = people["officer"]
    token, key = api_token_create(user=me, name="考试", actor=me)
    sitting = services.sitting_start(exam=exam, actor=me)
    q = sitting.questions[0]
    with CaptureQueriesContext(connection) as ctx:
        assert _put(key, sitting.pk, q, "A").status_code == 200
    sql = _real(ctx.captured_queries)  # the key's first use also notes last_used_at
    assert [s.split()[0] for s in sql] == ["SELECT", "INSERT", "UPDATE"], sql
    assert "accounts_apitoken" in sql[0] and not any("auth_group" in s for s in sql)
    token.refresh_from_db()
    assert token.last_used_at is not None
    with CaptureQueriesContext(connection) as ctx:
        assert _put(key, sitting.pk, q, "B").json()["response"] == "B"
    assert len(_real(ctx.captured_queries)) == 2  # within the minute: no UPDATE of the key
    assert Answer.objects.get(sitting=sitting, question_id=q).response == "B"


def test_by_the_exam_page_the_session_is_read_not_written(people, exam):
    me = people["officer"]
    sitting = services.sitting_start(exam=exam, actor=me)
    client = Client()
    client.force_login(me)
    key = client.cookies["sessionid"].value
    url = f"/api/v1/education/sittings/{sitting.pk}/answers/{sitting.questions[0]}"
    with CaptureQueriesContext(connection) as ctx:
        answer = client.put(url, {"response": "A"}, content_type="application/json")
    assert answer.status_code == 200
    assert not any(
        s.startswith(("UPDATE", "INSERT")) and "django_session" in s
        for s in _real(ctx.captured_queries)
    )
    assert "sessionid" not in answer.cookies and client.cookies["sessionid"].value == key
    assert Answer.objects.get(sitting=sitting).response == "A"
    assert client.get("/staff/education/").status_code == 200  # other routes: as before


def test_by_api_key_the_gate_stays_a_gate(people, exam):
    """Another sitter's key, a bad, revoked or expired key or an inactive user, a submitted
    paper, a closed window: refused, and nothing written."""
    me, other = people["officer"], people["officer2"]
    _, mine = api_token_create(user=me, name="考试", actor=me)
    _, theirs = api_token_create(user=other, name="考试", actor=other)
    revoked_token, revoked = api_token_create(user=me, name="旧", actor=me)
    api_token_revoke(token=revoked_token, actor=me)
    expired_token, expired = api_token_create(user=me, name="过期", actor=me)
    ApiToken.objects.filter(pk=expired_token.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    sitting = services.sitting_start(exam=exam, actor=me)
    services.sitting_start(exam=exam, actor=other)  # enrolled too, with a paper of their own
    q = sitting.questions[0]
    assert _put(mine, sitting.pk, q, "A").status_code == 200

    def refused(key, status, code):
        before = row_counts()
        answer = _put(key, sitting.pk, q, "B")
        assert (answer.status_code, answer.json()["code"]) == (status, code)
        assert row_counts() == before
        assert Answer.objects.get(sitting=sitting, question_id=q).response == "A"

    refused(theirs, 409, "not_your_paper")
    for bad in (revoked, expired, "fz_00000000_" + "0" * 32, "not-a-key"):
        refused(bad, 401, "not_authenticated")
    User.objects.filter(pk=me.pk).update(is_active=False)
    refused(mine, 401, "not_authenticated")
    User.objects.filter(pk=me.pk).update(is_active=True)
    type(exam).objects.filter(pk=exam.pk).update(closes_at=timezone.now())
    refused(mine, 409, "time_up")
    type(exam).objects.filter(pk=exam.pk).update(closes_at=timezone.now() + timedelta(days=1))
    services.sitting_submit(sitting=sitting, actor=me)
    refused(mine, 409, "already_submitted")


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
