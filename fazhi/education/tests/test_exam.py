"""The exam end to end: bank, paper, answers, submission, re-sit, closing into officers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fazhi.accounts.testing.gate import assert_refused
from fazhi.education import selectors, services
from fazhi.education.domain import exam as rules
from fazhi.education.models import Answer, Enrolment, Question, QuestionStatus, Sitting
from fazhi.education.tests.conftest import RULES, make_law
from fazhi.officers.models import ExamResult, Officer

pytestmark = pytest.mark.django_db


def _answer_all(sitting, actor, right=True):
    for qid in sitting.questions:
        q = Question.objects.get(pk=qid)
        services.answer_save(
            sitting=sitting,
            question=qid,
            response=q.answer if right else "F" if q.qtype == "truefalse" else "A",
            actor=actor,
        )


def test_paper_is_drawn_by_rules_and_reproducible(people, exam):
    sitting = services.sitting_start(exam=exam, actor=people["officer"])
    assert len(sitting.questions) == 7
    qtypes = [Question.objects.get(pk=q).qtype for q in sitting.questions]
    assert qtypes == ["single"] * 3 + ["multiple"] * 2 + ["truefalse"] * 2
    pool = {q.pk: (q.qtype, q.work_key) for q in Question.objects.all()}
    assert rules.draw_paper(sitting.seed, rules.parse_rules(exam.rules), pool) == sitting.questions
    # a reload resumes the same paper
    assert services.sitting_start(exam=exam, actor=people["officer"]).pk == sitting.pk


def test_answers_upsert_one_row_and_score(people, exam):
    me = people["officer"]
    sitting = services.sitting_start(exam=exam, actor=me)
    first = sitting.questions[0]
    services.answer_save(sitting=sitting, question=first, response="A", actor=me)
    services.answer_save(sitting=sitting, question=first, response="b", actor=me)
    assert Answer.objects.filter(sitting=sitting, question_id=first).get().response == "B"
    _answer_all(sitting, me)
    done = services.sitting_submit(sitting=sitting, actor=me)
    assert done.score == 100 and done.passed


def test_fail_then_resit_then_no_more(people, exam):
    me = people["officer"]
    first = services.sitting_start(exam=exam, actor=me)
    _answer_all(first, me, right=False)
    assert not services.sitting_submit(sitting=first, actor=me).passed
    second = services.sitting_start(exam=exam, actor=me)
    assert second.attempt == 2
    services.sitting_submit(sitting=second, actor=me)
    assert_refused(lambda a: services.sitting_start(exam=exam, actor=a), me)


def test_bad_input_refused_nothing_written(people, exam, bank):
    me, other = people["officer"], people["officer2"]
    sitting = services.sitting_start(exam=exam, actor=me)
    q = sitting.questions[0]
    # not enrolled (a clerk), someone else's paper, a question not on the paper, a bad answer
    assert_refused(lambda a: services.sitting_start(exam=exam, actor=a), people["clerk"])
    assert_refused(
        lambda a: services.answer_save(sitting=sitting, question=q, response="A", actor=a), other
    )
    off = next(x.pk for x in bank["questions"] if x.pk not in sitting.questions)
    assert_refused(
        lambda a: services.answer_save(sitting=sitting, question=off, response="A", actor=a), me
    )
    assert_refused(
        lambda a: services.answer_save(sitting=sitting, question=q, response="Z", actor=a), me
    )
    services.sitting_submit(sitting=sitting, actor=me)
    # after submission: no answer, no second submission
    assert_refused(
        lambda a: services.answer_save(sitting=sitting, question=q, response="A", actor=a),
        me,
        obj=sitting,
    )
    assert_refused(lambda a: services.sitting_submit(sitting=sitting, actor=a), me, obj=sitting)


def test_answer_after_the_timer_or_window_refused(people, exam):
    me = people["officer"]
    sitting = services.sitting_start(exam=exam, actor=me)
    Sitting.objects.filter(pk=sitting.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    q = sitting.questions[0]
    assert_refused(
        lambda a: services.answer_save(sitting=sitting, question=q, response="B", actor=a), me
    )
    # the window closed: nobody starts
    type(exam).objects.filter(pk=exam.pk).update(closes_at=timezone.now())
    exam.refresh_from_db()
    assert_refused(lambda a: services.sitting_start(exam=exam, actor=a), people["officer2"])


def test_question_without_article_refused(people, bank):
    assert_refused(
        lambda a: services.question_add(
            qtype="truefalse", stem="无条文", options=[], answer="T", articles=[], actor=a
        ),
        people["legal"],
    )


def test_question_retired_when_its_law_gets_a_newer_version(people, bank):
    assert services.questions_retire_outdated(actor=people["legal"]) == 0
    make_law("劳动合同法", date(2030, 1, 1), numbers=[1])
    retired = services.questions_retire_outdated(actor=people["legal"])
    assert retired == 6  # the six 劳动合同法 questions
    assert (
        Question.objects.filter(status=QuestionStatus.RETIRED, work_key="劳动合同法").count() == 6
    )


def test_bank_too_small_refused(people, bank):
    now = timezone.now()
    assert_refused(
        lambda a: services.exam_create(
            title="x",
            year=2019,
            org_unit=people["units"]["bureau"],
            opens_at=now,
            closes_at=now + timedelta(days=1),
            paper_rules=[{"qtype": "single", "count": 50}],
            actor=a,
        ),
        people["legal"],
    )


def test_participation_live_and_close_posts_to_officers(people, exam):
    me, other = people["officer"], people["officer2"]
    officer = Officer.objects.create(user=me, name="执法甲", org_unit=people["units"]["zhidui"])
    stats = selectors.participation(exam)
    assert stats["overall"]["enrolled"] == 2 and stats["overall"]["sat"] == 0
    sitting = services.sitting_start(exam=exam, actor=me)
    _answer_all(sitting, me)
    services.sitting_submit(sitting=sitting, actor=me)
    services.sitting_start(exam=exam, actor=other)  # started, never handed in
    stats = selectors.participation(exam)
    assert stats["overall"]["sat"] == 1 and stats["overall"]["passed"] == 1
    assert stats["overall"]["participation"] == 50.0
    by_unit = {row["unit"]: row for row in stats["units"]}
    assert by_unit["监察一支队"]["pass_rate"] == 100.0
    # not before the window closes
    assert_refused(lambda a: services.exam_close(exam=exam, actor=a), people["legal"], obj=exam)
    type(exam).objects.filter(pk=exam.pk).update(closes_at=timezone.now())
    exam.refresh_from_db()
    out = services.exam_close(exam=exam, actor=people["legal"])
    assert out == {"finished": 1, "posted": 1}
    result = ExamResult.objects.get(officer=officer)
    assert result.exam == exam.title and result.passed and result.score == 100
    assert not Sitting.objects.filter(submitted_at__isnull=True).exists()
    assert Enrolment.objects.filter(exam=exam).count() == 2


def test_rules_shape():
    assert [r["qtype"] for r in RULES] == ["single", "multiple", "truefalse"]
