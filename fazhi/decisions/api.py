"""JSON API at /api/v1/decisions: the register with its gates and dates, counsel opinions (a
counsel sees only what was sent to them), fair-competition reviews; domain errors propagate to
the handlers in fazhi/api.py."""

from __future__ import annotations

from datetime import date

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from fazhi.accounts.auth import api_auth
from fazhi.accounts.models import OrgUnit
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.api.entry_dates import TypedDateEntryOut, date_entry_out
from fazhi.core.api.problems import Problem
from fazhi.decisions import selectors, services
from fazhi.decisions.models import (
    Catalogue,
    CatalogueItem,
    CompetitionReview,
    Decision,
    PublicComment,
)

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


class DecisionsDateEntryOut(TypedDateEntryOut):
    """A decision step's typed date beside the system's day of entry (the 归档 clock is met on
    ``entered_on``); ``flags`` says why supervision should look at it."""


class DecisionsDecisionDetailOut(DecisionsDecisionOut):
    date_entries: list[DecisionsDateEntryOut] = Field(
        description="every typed step date beside its entry, in the order entered"
    )
    date_flagged: bool = Field(description="some typed date is flagged (see date_entries)")


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
    response={200: DecisionsDecisionDetailOut, **ERRORS},
    operation_id="decisions_get",
    summary="一项重大行政决策",
)
def decision_get(request, decision_id: int):
    decision = get_object_or_404(selectors.decisions_for(request.auth), pk=decision_id)
    entries = [date_entry_out(e) for e in selectors.date_entries(decision)]
    return {
        **selectors.decision_row(decision, timezone.localdate()),
        "date_entries": entries,
        "date_flagged": any(e["flags"] for e in entries),
    }


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


# --- 公众参与: hearings and the moderation of public comments -------------------------------------


class DecisionsHearingParticipant(Schema):
    name: str
    represents: str = ""


class DecisionsHearingIn(Schema):
    notice_on: date
    materials: str
    held_on: date
    place: str
    participants: list[DecisionsHearingParticipant]
    minutes: str
    outcome: str


class DecisionsHearingOut(Schema):
    id: int
    notice_on: date
    held_on: date
    place: str
    participants: list[DecisionsHearingParticipant]
    minutes: str
    outcome: str


class DecisionsCommentOut(Schema):
    id: int
    article: str
    text: str
    submitted_at: str
    flagged: bool
    flag_reason: str
    approved: bool | None
    adoption: str
    reason: str
    moderated_at: str | None


class DecisionsModerateIn(Schema):
    approve: bool
    reason: str
    adoption: str = ""


def _hearing_out(h) -> dict:
    return {
        "id": h.pk,
        "notice_on": h.notice_on,
        "held_on": h.held_on,
        "place": h.place,
        "participants": h.participants,
        "minutes": h.minutes,
        "outcome": h.outcome,
    }


def _comment_out(c) -> dict:
    return {
        "id": c.pk,
        "article": c.article,
        "text": c.text,
        "submitted_at": c.submitted_at.isoformat(),
        "flagged": c.is_flagged,
        "flag_reason": c.flag_reason,
        "approved": c.approved,
        "adoption": c.adoption,
        "reason": c.adoption_reason if c.approved else c.moderation_reason,
        "moderated_at": c.moderated_at.isoformat() if c.moderated_at else None,
    }


@router.post(
    "/{int:decision_id}/hearings",
    response={201: DecisionsHearingOut, **ERRORS},
    operation_id="decisions_hearing_record",
    summary="记录决策听证会（听证公告和材料须至少提前7日公开）",
)
def hearing_record(request, decision_id: int, payload: DecisionsHearingIn):
    decision = get_object_or_404(selectors.decisions_for(request.auth), pk=decision_id)
    data = payload.dict()
    hearing = services.decision_record_hearing(decision=decision, actor=request.auth, **data)
    return 201, _hearing_out(hearing)


@router.get(
    "/{int:decision_id}/comments",
    response={200: list[DecisionsCommentOut], **ERRORS},
    operation_id="decisions_comments",
    summary="决策草案的公众意见（含不予公开的意见及理由，不含提交人信息）",
)
def comment_list(request, decision_id: int):
    decision = get_object_or_404(selectors.decisions_for(request.auth), pk=decision_id)
    return [_comment_out(c) for c in decision.comments.all()]


@router.post(
    "/comments/{int:comment_id}/moderate",
    response={200: DecisionsCommentOut, **ERRORS},
    operation_id="decisions_comment_moderate",
    summary="审核公众意见：公开并说明采纳情况，或不予公开并说明理由",
)
def comment_moderate(request, comment_id: int, payload: DecisionsModerateIn):
    comment = get_object_or_404(
        PublicComment.objects.filter(decision__in=selectors.decisions_for(request.auth)),
        pk=comment_id,
    )
    comment = services.comment_moderate(comment=comment, actor=request.auth, **payload.dict())
    return _comment_out(comment)


# --- 决策事项目录 ---------------------------------------------------------------------------------


class DecisionsCatalogueItemOut(Schema):
    id: int
    title: str
    sponsor: str
    basis: str
    planned: str
    added_on: date | None
    added_reason: str
    withdrawn_on: date | None
    withdrawn_reason: str


class DecisionsCatalogueOut(Schema):
    id: int
    year: int
    org_unit: str
    status: str
    party_agreed_on: date | None
    published_on: date | None
    items: list[DecisionsCatalogueItemOut]


class DecisionsCatalogueDraftIn(Schema):
    year: int
    org_unit_id: int


class DecisionsCatalogueItemIn(Schema):
    title: str
    sponsor_id: int
    basis: str = ""
    planned: str = ""
    reason: str = ""


class DecisionsCataloguePublishIn(Schema):
    party_agreed_on: date


class DecisionsCatalogueWithdrawIn(Schema):
    reason: str


def _catalogue_out(c) -> dict:
    return {
        "id": c.pk,
        "year": c.year,
        "org_unit": c.org_unit.name,
        "status": c.status,
        "party_agreed_on": c.party_agreed_on,
        "published_on": c.published_on,
        "items": [
            {
                "id": i.pk,
                "title": i.title,
                "sponsor": i.sponsor.name,
                "basis": i.basis,
                "planned": i.planned,
                "added_on": i.added_on,
                "added_reason": i.added_reason,
                "withdrawn_on": i.withdrawn_on,
                "withdrawn_reason": i.withdrawn_reason,
            }
            for i in c.items.select_related("sponsor")
        ],
    }


def _catalogue(pk: int) -> Catalogue:
    return get_object_or_404(Catalogue.objects.select_related("org_unit"), pk=pk)


@router.get(
    "/catalogues",
    response={200: list[DecisionsCatalogueOut], **ERRORS},
    operation_id="decisions_catalogues",
    summary="决策事项目录（含调整及理由）",
)
def catalogue_list(request):
    return [_catalogue_out(c) for c in Catalogue.objects.select_related("org_unit")]


@router.post(
    "/catalogues",
    response={201: DecisionsCatalogueOut, **ERRORS},
    operation_id="decisions_catalogue_draft",
    summary="起草年度决策事项目录",
)
def catalogue_draft(request, payload: DecisionsCatalogueDraftIn):
    unit = get_object_or_404(OrgUnit, pk=payload.org_unit_id)
    catalogue = services.catalogue_draft(org_unit=unit, year=payload.year, actor=request.auth)
    return 201, _catalogue_out(_catalogue(catalogue.pk))


@router.post(
    "/catalogues/{int:catalogue_id}/items",
    response={200: DecisionsCatalogueOut, **ERRORS},
    operation_id="decisions_catalogue_add_item",
    summary="列入决策事项（目录公布后为调整，须说明理由）",
)
def catalogue_add_item(request, catalogue_id: int, payload: DecisionsCatalogueItemIn):
    catalogue = _catalogue(catalogue_id)
    sponsor = get_object_or_404(OrgUnit, pk=payload.sponsor_id)
    data = payload.dict(exclude={"sponsor_id"})
    services.catalogue_add_item(catalogue=catalogue, sponsor=sponsor, actor=request.auth, **data)
    return _catalogue_out(_catalogue(catalogue_id))


@router.post(
    "/catalogues/{int:catalogue_id}/publish",
    response={200: DecisionsCatalogueOut, **ERRORS},
    operation_id="decisions_catalogue_publish",
    summary="党组同意后公布决策事项目录",
)
def catalogue_publish(request, catalogue_id: int, payload: DecisionsCataloguePublishIn):
    services.catalogue_publish(
        catalogue=_catalogue(catalogue_id),
        party_agreed_on=payload.party_agreed_on,
        actor=request.auth,
    )
    return _catalogue_out(_catalogue(catalogue_id))


@router.post(
    "/catalogues/items/{int:item_id}/withdraw",
    response={200: DecisionsCatalogueOut, **ERRORS},
    operation_id="decisions_catalogue_withdraw_item",
    summary="将事项调出目录（须说明理由）",
)
def catalogue_withdraw_item(request, item_id: int, payload: DecisionsCatalogueWithdrawIn):
    item = get_object_or_404(CatalogueItem, pk=item_id)
    services.catalogue_withdraw_item(item=item, reason=payload.reason, actor=request.auth)
    return _catalogue_out(_catalogue(item.catalogue_id))
