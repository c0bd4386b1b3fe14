"""JSON API at /api/v1/legislation: projects and the register of comments on drafts from above."""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema

from fazhi.accounts.auth import api_auth
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.api.problems import Problem
from fazhi.legislation.models import DraftFromAbove, Project

router = Router(tags=["legislation"], auth=api_auth)
ERRORS = {401: Problem, 403: Problem, 404: Problem}


class LegislationProjectOut(Schema):
    id: int
    kind: str
    title: str
    year: int
    stage: str
    comment_closes: date | None
    research_done_on: date | None
    submitted_on: date | None
    outcome_number: str
    outcome_on: date | None


class LegislationDraftOut(Schema):
    id: int
    title: str
    level: str
    requester: str
    received_on: date
    due_on: date
    opinions: list[dict]
    signed_on: date | None
    sent_on: date | None
    adopted: str


@router.get(
    "/projects",
    response={200: list[LegislationProjectOut], **ERRORS},
    operation_id="legislation_projects",
    summary="立法项目",
)
def project_list(request):
    return list(scope_queryset(Project.objects.all(), user=request.auth))


@router.get(
    "/drafts",
    response={200: list[LegislationDraftOut], **ERRORS},
    operation_id="legislation_drafts",
    summary="上级法律法规规章草案征求意见台账（含反馈期限）",
)
def draft_list(request):
    return list(scope_queryset(DraftFromAbove.objects.all(), user=request.auth))
