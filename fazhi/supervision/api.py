"""JSON API at /api/v1/supervision: the warnings the caller may see, and the year's 统计年报.
Domain errors propagate to the handlers in fazhi/api.py."""

from __future__ import annotations

from ninja import Field as NinjaField
from ninja import Query, Router, Schema

from fazhi.accounts.auth import api_auth
from fazhi.accounts.permissions import SUPERVISION_OVERSEE, require
from fazhi.core.api.problems import Problem
from fazhi.supervision import selectors

router = Router(tags=["supervision"], auth=api_auth)
ERRORS = {401: Problem, 403: Problem, 422: Problem}


class SupervisionWarningOut(Schema):
    id: int
    rule: str
    rule_title: str
    basis: str
    advice: str
    level: str
    status: str
    message: str
    record: str
    record_url: str
    unit: str
    opened_at: str


class SupervisionWarningQuery(Schema):
    rule: str = ""
    status: str = NinjaField("open", pattern="^(open|closed|)$")


class SupervisionYearbookOut(Schema):
    year: int
    due: str
    penalties: dict[str, int]
    penalty_records: dict[str, list[str]]
    penalties_total: int
    amount_wan: str
    inspections: int
    officers: int
    certified: int


class SupervisionYearQuery(Schema):
    year: int = NinjaField(..., ge=2000, le=2100)


@router.get("/warnings", response={200: list[SupervisionWarningOut], **ERRORS})
def warnings(request, q: Query[SupervisionWarningQuery]):
    rows = selectors.warnings_for(request.auth, status=q.status or None, rule=q.rule)[:1000]
    return [
        {
            "id": w.pk,
            "rule": w.rule,
            "rule_title": w.rule_def.title,
            "basis": w.rule_def.basis,
            "advice": w.rule_def.advice,
            "level": w.level,
            "status": w.status,
            "message": w.message,
            "record": w.subject_label,
            "record_url": selectors.subject_url(w),
            "unit": w.org_unit.name,
            "opened_at": w.opened_at.isoformat(),
        }
        for w in rows
    ]


@router.get("/yearbook", response={200: SupervisionYearbookOut, **ERRORS})
def yearbook(request, q: Query[SupervisionYearQuery]):
    require(request.auth, SUPERVISION_OVERSEE)
    d = selectors.yearbook(q.year)
    t = d["penalty"]
    return {
        "year": q.year,
        "due": d["due"].isoformat(),
        "penalties": t.counts,
        "penalty_records": t.records,
        "penalties_total": t.total,
        "amount_wan": str(t.amount_wan),
        "inspections": d["inspections"],
        "officers": d["officers"],
        "certified": d["certified"],
    }
