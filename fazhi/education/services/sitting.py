"""Sitting an exam: the paper drawn, answers saved as they are given, one submission, scoring.

Answer saves are the one exception to auditing: an exam of 1,500 sitters saves tens of
thousands of answers, and the audit chain's head row is a single lock. The answer row itself is
the record (who, which paper, what, ``saved_at`` set by the system); the start and the
submission of every paper are audited.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from fazhi.accounts.permissions import EDUCATION_SIT, require
from fazhi.accounts.services import api_token_touch, token_holder_sql
from fazhi.core.bearer import BearerKey, NotAuthenticated
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.education.domain import exam as rules
from fazhi.education.domain.exam import ExamError
from fazhi.education.models import (
    Answer,
    Enrolment,
    Exam,
    Question,
    Sitting,
)
from fazhi.education.services._common import BASIS, _pool


@transaction.atomic
def sitting_start(*, exam: Exam, actor) -> Sitting:
    """Draw the actor's paper (or return the one still open): enrolled, in the window, with an
    attempt left and not already passed. The seed is stored; the paper is reproducible."""
    require(actor, EDUCATION_SIT)
    enrolment = Enrolment.objects.select_for_update().filter(exam=exam, user_id=actor.pk).first()
    if enrolment is None:
        raise Refused(f"您不在“{exam.title}”的应考人员名单中", BASIS, code=ExamError.NOT_ENROLLED)
    now = timezone.now()
    if not rules.open_at(now, exam.opens_at, exam.closes_at):
        raise Refused("不在考试时间内", code=ExamError.OUTSIDE_WINDOW)
    previous = list(enrolment.sittings.order_by("attempt"))
    if previous and previous[-1].submitted_at is None and now < previous[-1].deadline:
        return previous[-1]  # resume: a reload or another device continues the same paper
    if any(s.passed for s in previous):
        raise Refused("您已通过本次考试", code=ExamError.ALREADY_PASSED)
    if len(previous) >= exam.attempts:
        raise Refused(f"本次考试最多可考{exam.attempts}次，已用完", code=ExamError.NO_ATTEMPTS)
    if previous and previous[-1].submitted_at is None:
        _finish(previous[-1], now)  # the timer ran out on the last one: score what was saved
    parsed = rules.parse_rules(exam.rules)
    seed = secrets.randbits(62)
    try:
        paper = rules.draw_paper(seed, parsed, _pool(parsed))
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.SHORT_BANK) from None
    sitting = Sitting.objects.create(
        enrolment=enrolment,
        attempt=len(previous) + 1,
        seed=seed,
        questions=paper,
        points=rules.points_for(parsed, paper),
        started_at=now,
        deadline=rules.deadline(now, exam.minutes, exam.closes_at),
    )
    audit.record(
        actor=actor,
        action="education.sitting.start",
        target=sitting,
        data={"exam": exam.pk, "attempt": sitting.attempt, "seed": seed},
    )
    return sitting


def _own_open_sitting(sitting_id: int, actor, now) -> Sitting:
    sitting = (
        Sitting.objects.select_for_update(of=("self",))
        .select_related("enrolment")
        .filter(pk=sitting_id)
        .first()
    )
    if sitting is None or sitting.enrolment.user_id != actor.pk:
        raise Refused("这不是您的答卷", code=ExamError.NOT_YOURS)
    if sitting.submitted_at is not None:
        raise Refused("已交卷，不能再修改答案", code=ExamError.SUBMITTED)
    return sitting


# A save is two statements, each its own transaction (no BEGIN/COMMIT round trips): one read
# of who is asking (the API key checked in the same query, or the logged-in user), their
# sitting, its exam's window and the question, which gives every refusal its reason; then one
# conditional upsert that re-checks the gate (owner, not submitted, in time) on the row it
# writes. The role is not looked up: a sitting exists only for an enrolled person who started it
# under EDUCATION_SIT, and it is theirs. "Nothing lost" under a racing submission: on PostgreSQL
# the upsert takes a SHARE lock on the sitting; `sitting_submit` takes it FOR UPDATE, so it waits
# for every save in flight (and then sees its answer), and a save that waited on a submission
# re-checks the updated row, writes nothing and is refused.
_SAVE_READ = (
    "SELECT who.user_id, who.token_id, who.touch_due, e.user_id, s.submitted_at,"
    " CASE WHEN s.deadline > %s AND x.closes_at > %s THEN 1 ELSE 0 END,"
    " s.questions, q.qtype, q.options"
    " FROM ({who}) who"
    " LEFT JOIN education_sitting s ON s.id = %s"
    " LEFT JOIN education_enrolment e ON e.id = s.enrolment_id"
    " LEFT JOIN education_exam x ON x.id = e.exam_id"
    " LEFT JOIN education_question q ON q.id = %s"
)
_LOGGED_IN = "SELECT %s AS user_id, NULL AS token_id, 0 AS touch_due"

_SAVE_WRITE = (
    "INSERT INTO education_answer (sitting_id, question_id, response, saved_at)"
    " SELECT s.id, %s, %s, %s FROM education_sitting s"
    " JOIN education_enrolment e ON e.id = s.enrolment_id"
    " JOIN education_exam x ON x.id = e.exam_id"
    " WHERE s.id = %s AND e.user_id = %s AND s.submitted_at IS NULL"
    " AND s.deadline > %s AND x.closes_at > %s{lock}"
    " ON CONFLICT (sitting_id, question_id)"
    " DO UPDATE SET response = excluded.response, saved_at = excluded.saved_at"
)


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _save_gate(found, qid: int) -> tuple[int, str, list]:
    """Who is saving, the question's type and options — or the refusal the row shows."""
    if found is None:
        raise NotAuthenticated("API 令牌无效、已撤销或已过期")
    user_id, _, _, owner, submitted_at, in_time, paper, qtype, options = found
    if owner != user_id:  # no such sitting (None), or another person's
        raise Refused("这不是您的答卷", code=ExamError.NOT_YOURS)
    if submitted_at is not None:
        raise Refused("已交卷，不能再修改答案", code=ExamError.SUBMITTED)
    if not in_time:
        raise Refused("答题时间已到，不能再保存答案", code=ExamError.TIME_UP)
    if qid not in _json(paper) or qtype is None:
        raise Refused("该题不在您的试卷上", code=ExamError.NOT_ON_PAPER)
    return user_id, qtype, _json(options)


def _save_read(sid: int, qid: int, actor, now, stamp):
    if isinstance(actor, BearerKey):
        who, params = token_holder_sql(actor, now)
    else:
        if not getattr(actor, "is_authenticated", False) or not actor.is_active:
            raise NotAuthenticated("请先登录后再参加学法用法考试")
        who, params = _LOGGED_IN, [actor.pk]
    with connection.cursor() as cursor:
        cursor.execute(_SAVE_READ.format(who=who), [stamp, stamp, *params, sid, qid])
        return cursor.fetchone()


def answer_save(
    *, sitting: Sitting | int, question: Question | int, response: str, actor
) -> Answer:
    """Save (or replace) one answer as given, by the paper's owner, before its deadline and the
    exam's close and before submission. One row per answer: a repeated save overwrites it. Not
    audited one by one (the audit chain's head is a single lock): the row is the record, and the
    submission's audit event carries the count and a SHA-256 of every answer saved.

    ``actor`` is the user, or the API key as presented (``BearerKey``): the key is checked in
    the same query as the paper (``NotAuthenticated`` if it is not valid)."""
    now = timezone.now()
    sid, qid = int(getattr(sitting, "pk", sitting)), int(getattr(question, "pk", question))
    stamp = connection.ops.adapt_datetimefield_value(now)
    found = _save_read(sid, qid, actor, now, stamp)
    user_id, qtype, options = _save_gate(found, qid)
    try:
        value = rules.normalise_answer(qtype, options, response)
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.BAD_ANSWER) from None
    lock = " FOR SHARE OF s" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            _SAVE_WRITE.format(lock=lock), [qid, value, stamp, sid, user_id, stamp, stamp]
        )
        written = cursor.rowcount
    if not written:  # a submission (or the deadline) came between the read and the write
        _save_gate(_save_read(sid, qid, actor, now, stamp), qid)
        raise Refused("已交卷，不能再修改答案", code=ExamError.SUBMITTED)
    if found[2]:
        api_token_touch(found[1], now)
    return Answer(sitting_id=sid, question_id=qid, response=value, saved_at=now)


def answers_digest(sitting: Sitting) -> dict:
    """How many answers a paper holds and a SHA-256 over them (question, response, saved_at, in
    question order): the batched audit of the saves, written with the submission."""
    rows = sitting.answers.order_by("question_id").values_list(
        "question_id", "response", "saved_at"
    )
    text = "\n".join(f"{q}|{r}|{t.isoformat()}" for q, r, t in rows)
    return {"answers": len(rows), "answers_sha256": hashlib.sha256(text.encode()).hexdigest()}


def _finish(sitting: Sitting, now) -> Sitting:
    exam = sitting.enrolment.exam
    saved = dict(sitting.answers.values_list("question_id", "response"))
    keys = dict(Question.objects.filter(pk__in=sitting.questions).values_list("pk", "answer"))
    mark = rules.score(
        [keys[q] for q in sitting.questions],
        [saved.get(q, "") for q in sitting.questions],
        sitting.points,
    )
    sitting.submitted_at = min(now, sitting.deadline)
    sitting.score = Decimal(str(mark))
    sitting.passed = rules.passed(mark, float(exam.pass_mark))
    sitting.save(update_fields=["submitted_at", "score", "passed"])
    return sitting


@transaction.atomic
def sitting_submit(*, sitting: Sitting | int, actor) -> Sitting:
    """Hand in the paper once: score the saved answers against the pass mark. After the timer
    has run out the paper may still be handed in; only answers saved in time count."""
    require(actor, EDUCATION_SIT)
    now = timezone.now()
    sitting = _own_open_sitting(getattr(sitting, "pk", sitting), actor, now)
    sitting = _finish(sitting, now)
    audit.record(
        actor=actor,
        action="education.sitting.submit",
        target=sitting,
        data={"score": str(sitting.score), "passed": sitting.passed, **answers_digest(sitting)},
    )
    return sitting
