"""JSON API at /api/v1/decisions: the register with its gates and dates, counsel opinions (a
counsel sees only what was sent to them), fair-competition reviews; domain errors propagate to
the handlers in fazhi/api.py."""

from __future__ import annotations

from datetime import date

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from fazhi.accounts.auth import api_auth
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.api.problems import Problem
from fazhi.decisions import selectors, services
from fazhi.decisions.models import CompetitionReview, Decision

router = Router(tags=["decisions"], auth=api_auth)
ERRORS = {401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem}


class DecisionsGateOut(Schema):
    gate: str
    label: str
    done: bool


class DecisionsDecisionOut(Schema):
    id: int
    title: str
    org_unit: str
    stage: str
    stage_label: str
    gates: list[DecisionsGateOut]
    comment_closes: date | None
    review_earliest: date | None
    decided_on: date | None
    archive_due: date | None
    published_on: date | None


class DecisionsSpeakerIn(Schema):
    name: str
    order: int
    view: str
    remarks: str = ""
    is_head: bool = False


class DecisionsDiscussIn(Schema):
    meeting: str
    speakers: list[DecisionsSpeakerIn]
    adopted: bool
    outcome: str
    departure_reason: str = ""


class DecisionsOpinionOut(Schema):
    id: int
    matter_type: str
    matter_title: str
    counsel: str
    requested_on: date
    due_on: date
    given_on: date | None
    conclusion: str
    signed_on: date | None
    adopted: bool | None


class DecisionsCompetitionOut(Schema):
    id: int
    title: str
    matter_type: str
    conclusion: str
    reviewed_on: date | None
    term_end: date | None


@router.get(
    "/",
    response={200: list[DecisionsDecisionOut], **ERRORS},
    operation_id="decisions_list",
    summary="重大行政决策台账：环节、五项程序完成情况和期限",
)
def decision_list(request):
    today = timezone.localdate()
    return [selectors.decision_row(d, today) for d in selectors.decisions_for(request.auth)]


@router.get(
    "/{int:decision_id}",
    response={200: DecisionsDecisionOut, **ERRORS},
    operation_id="decisions_get",
    summary="一项重大行政决策",
)
def decision_get(request, decision_id: int):
    decision = get_object_or_404(selectors.decisions_for(request.auth), pk=decision_id)
    return selectors.decision_row(decision, timezone.localdate())


@router.post(
    "/{int:decision_id}/discuss",
    response={200: DecisionsDecisionOut, **ERRORS},
    operation_id="decisions_discuss",
    summary="记录集体讨论决定（五项程序未完成的予以拒绝）",
)
def decision_discuss(request, decision_id: int, payload: DecisionsDiscussIn):
    decision = get_object_or_404(selectors.decisions_for(request.auth), pk=decision_id)
    decision = services.decision_discuss(
        decision=decision,
        meeting=payload.meeting,
        speakers=[s.dict() for s in payload.speakers],
        adopted=payload.adopted,
        outcome=payload.outcome,
        departure_reason=payload.departure_reason,
        actor=request.auth,
    )
    return selectors.decision_row(Decision.objects.get(pk=decision.pk), timezone.localdate())


@router.get(
    "/counsel/opinions",
    response={200: list[DecisionsOpinionOut], **ERRORS},
    operation_id="decisions_counsel_opinions",
    summary="法律意见（法律顾问只看到委托给本人的事项）",
)
def opinion_list(request):
    rows = selectors.opinions_visible_to(request.auth).select_related("counsel")
    return [
        {
            "id": o.pk,
            "matter_type": o.matter_type,
            "matter_title": o.matter_title,
            "counsel": o.counsel.name,
            "requested_on": o.requested_on,
            "due_on": o.due_on,
            "given_on": o.given_on,
            "conclusion": o.conclusion,
            "signed_on": o.signed_on,
            "adopted": o.adopted,
        }
        for o in rows
    ]


@router.get(
    "/competition/reviews",
    response={200: list[DecisionsCompetitionOut], **ERRORS},
    operation_id="decisions_competition_reviews",
    summary="公平竞争审查记录",
)
def competition_list(request):
    rows = scope_queryset(CompetitionReview.objects.all(), user=request.auth)
    return [
        {
            "id": r.pk,
            "title": r.title,
            "matter_type": r.matter_type,
            "conclusion": r.conclusion,
            "reviewed_on": r.reviewed_on,
            "term_end": r.term_end,
        }
        for r in rows
    ]
