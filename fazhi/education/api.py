"""JSON API at /api/v1/education: the sitter's exam (start, save each answer, submit) and the
live participation. Domain errors propagate to the handlers in fazhi/api.py."""

from __future__ import annotations

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import AuthenticationError
from ninja.security import django_auth

from fazhi.accounts.auth import api_auth, deferred_token_auth
from fazhi.accounts.permissions import EDUCATION_MANAGE, EDUCATION_SIT, require
from fazhi.core.api.params import Offset, Year
from fazhi.core.api.problems import Problem
from fazhi.core.bearer import NotAuthenticated
from fazhi.core.middleware import quiet_session
from fazhi.education import selectors, services
from fazhi.education.models import Answer, Exam, Question, Sitting

router = Router(tags=["education"], auth=api_auth)
ERRORS = {401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem}


class EducationExamOut(Schema):
    id: int
    title: str
    year: int
    opens_at: datetime
    closes_at: datetime
    minutes: int
    pass_mark: float
    attempts: int


class EducationOptionOut(Schema):
    key: str
    text: str


class EducationPaperQuestionOut(Schema):
    id: int
    qtype: str
    qtype_name: str
    stem: str
    options: list[EducationOptionOut]
    points: float
    response: str


class EducationSittingOut(Schema):
    id: int
    exam_id: int
    attempt: int
    started_at: datetime
    deadline: datetime
    submitted_at: datetime | None
    score: float | None
    passed: bool | None
    questions: list[EducationPaperQuestionOut]


class EducationAnswerIn(Schema):
    response: str = ""


class EducationAnswerOut(Schema):
    question_id: int
    response: str
    saved_at: datetime


class EducationRateOut(Schema):
    enrolled: int
    sat: int
    passed: int
    participation: float | None
    pass_rate: float | None


class EducationUnitRateOut(EducationRateOut):
    unit: str


class EducationParticipationOut(Schema):
    overall: EducationRateOut
    units: list[EducationUnitRateOut]


def _exam(exam: Exam) -> dict:
    return {
        "id": exam.pk,
        "title": exam.title,
        "year": exam.year,
        "opens_at": exam.opens_at,
        "closes_at": exam.closes_at,
        "minutes": exam.minutes,
        "pass_mark": float(exam.pass_mark),
        "attempts": exam.attempts,
    }


def sitting_out(sitting: Sitting) -> dict:
    """The paper as the sitter sees it: no keys, the saved answers filled in."""
    questions = Question.objects.in_bulk(sitting.questions)
    saved = dict(sitting.answers.values_list("question_id", "response"))
    return {
        "id": sitting.pk,
        "exam_id": sitting.enrolment.exam_id,
        "attempt": sitting.attempt,
        "started_at": sitting.started_at,
        "deadline": sitting.deadline,
        "submitted_at": sitting.submitted_at,
        "score": None if sitting.score is None else float(sitting.score),
        "passed": sitting.passed,
        "questions": [
            {
                "id": qid,
                "qtype": questions[qid].qtype,
                "qtype_name": questions[qid].qtype_name,
                "stem": questions[qid].stem,
                "options": [{"key": k, "text": t} for k, t in questions[qid].lettered_options],
                "points": points,
                "response": saved.get(qid, ""),
            }
            for qid, points in zip(sitting.questions, sitting.points, strict=True)
        ],
    }


@router.get(
    "/exams",
    response={200: list[EducationExamOut], **ERRORS},
    operation_id="education_my_exams",
    summary="我应参加的学法用法考试",
)
def my_exams(request):
    require(request.auth, EDUCATION_SIT)
    return [_exam(e) for e in selectors.my_exams(request.auth)]


@router.get(
    "/exams/{exam_id}/participation",
    response={200: EducationParticipationOut, **ERRORS},
    operation_id="education_participation",
    summary="参考率、合格率（按单位和总体，实时）",
)
def participation(request, exam_id: int):
    exam = get_object_or_404(Exam, pk=exam_id)
    require(request.auth, EDUCATION_MANAGE, unit=exam.org_unit)
    return selectors.participation(exam)


@router.post(
    "/exams/{exam_id}/sittings",
    response={201: EducationSittingOut, **ERRORS},
    operation_id="education_sitting_start",
    summary="开始答题（抽取本人试卷；未交卷时返回同一份试卷）",
)
def sitting_start(request, exam_id: int):
    sitting = services.sitting_start(exam=get_object_or_404(Exam, pk=exam_id), actor=request.auth)
    return Status(201, sitting_out(sitting))


@router.put(
    "/sittings/{sitting_id}/answers/{question_id}",
    response={200: EducationAnswerOut, **ERRORS},
    operation_id="education_answer_save",
    url_name="education_answer_save",  # fazhi/urls.py tries it before every other pattern
    summary="保存一题的作答（重复保存覆盖）",
    # 1,500 sitters at once: the key is checked inside the save's own query, no query of its own
    auth=[deferred_token_auth, django_auth],
)
def answer_save(request, sitting_id: int, question_id: int, payload: EducationAnswerIn):
    try:
        row: Answer = services.answer_save(
            sitting=sitting_id, question=question_id, response=payload.response, actor=request.auth
        )
    except NotAuthenticated:
        raise AuthenticationError from None
    return {"question_id": question_id, "response": row.response, "saved_at": row.saved_at}


quiet_session("education_answer_save")  # the exam page's saves read the session, never write it


@router.post(
    "/sittings/{sitting_id}/submit",
    response={200: EducationSittingOut, **ERRORS},
    operation_id="education_sitting_submit",
    summary="交卷（只能一次）",
)
def sitting_submit(request, sitting_id: int):
    sitting = services.sitting_submit(sitting=sitting_id, actor=request.auth)
    return sitting_out(sitting)


# --- 普法 records and question drafts (法规处) ------------------------------------------------------


class EducationPageQuery(Schema):
    limit: int = Field(50, ge=1, le=500)
    offset: Offset = 0


class EducationResultOut(Schema):
    name: str
    award: str
    advanced: bool


class EducationStageOut(Schema):
    order: int
    name: str
    level: str
    held_on: date | None
    results: list[EducationResultOut]


class EducationActivityOut(Schema):
    id: int
    kind: str
    kind_name: str
    title: str
    doc_number: str
    org_unit: str
    starts_on: date
    ends_on: date | None
    participants: int
    audience_count: int
    materials: int
    teams: list[str]
    stages: list[EducationStageOut]


class EducationActivityPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[EducationActivityOut]


class EducationStudyOut(Schema):
    username: str
    name: str
    unit: str
    sessions: int
    hours: float


class EducationStudyPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[EducationStudyOut]


class EducationDraftIn(Schema):
    year: Year


class EducationDraftOut(Schema):
    drafted: int


@router.get(
    "/pufa/{year}/activities",
    response={200: EducationActivityPage, **ERRORS},
    operation_id="education_activity_list",
    summary="当年普法活动（含竞赛代表队、赛段和成绩）",
)
def activity_list(request, year: Year, page: Query[EducationPageQuery]):
    require(request.auth, EDUCATION_MANAGE)
    rows = selectors.pufa_year(year)["activities"]
    results = [
        {
            "id": a.pk,
            "kind": a.kind,
            "kind_name": a.get_kind_display(),
            "title": a.title,
            "doc_number": a.doc_number,
            "org_unit": a.org_unit.name,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "participants": a.people,
            "audience_count": a.audience_count,
            "materials": len(a.materials.all()),
            "teams": [t.name for t in a.teams.all()],
            "stages": [
                {
                    "order": s.order,
                    "name": s.name,
                    "level": s.level,
                    "held_on": s.held_on,
                    "results": [
                        {"name": r.name, "award": r.award, "advanced": r.advanced}
                        for r in s.results.all()
                    ],
                }
                for s in a.stages.all()
            ],
        }
        for a in rows[page.offset : page.offset + page.limit]
    ]
    return {"count": len(rows), "limit": page.limit, "offset": page.offset, "results": results}


@router.get(
    "/pufa/{year}/study",
    response={200: EducationStudyPage, **ERRORS},
    operation_id="education_study_list",
    summary="当年每人学法次数和学时",
)
def study_list(request, year: Year, page: Query[EducationPageQuery]):
    require(request.auth, EDUCATION_MANAGE)
    rows = selectors.pufa_year(year)["study"]
    results = [
        {
            "username": r["user__username"],
            "name": r["user__full_name"] or r["user__username"],
            "unit": r["org_unit__name"],
            "sessions": r["sessions"],
            "hours": float(r["hours"]),
        }
        for r in rows[page.offset : page.offset + page.limit]
    ]
    return {"count": len(rows), "limit": page.limit, "offset": page.offset, "results": results}


@router.post(
    "/questions/drafts",
    response={200: EducationDraftOut, **ERRORS},
    operation_id="education_questions_draft",
    summary="从当年本局被纠错案件生成草稿题（待修改、关联条文后启用）",
)
def questions_draft(request, payload: EducationDraftIn):
    return {"drafted": services.questions_draft_from_cases(year=payload.year, actor=request.auth)}
