"""JSON API at /api/v1/planning: the year's plan and tasks, the 第一责任人's record, 述法 and the
assessment with the source of every score. Domain errors propagate to fazhi/api.py's handlers.

The bureau's plan and its head's record are read by every staff account (they are the whole
bureau's programme); writes go through the services and their gates."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from fazhi.accounts.auth import api_auth
from fazhi.accounts.models import OrgUnit
from fazhi.core.api.problems import Problem
from fazhi.planning import selectors, services
from fazhi.planning.models import Plan, PlanTask, Scheme

router = Router(tags=["planning"], auth=api_auth)
ERRORS = {401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem}


class PlanningTaskOut(Schema):
    id: int
    seq: int
    content: str
    lead_unit: str
    person: str | None
    due: date
    deadline_status: str | None
    done_on: date | None
    done_on_typed: bool
    progress: list[dict]


class PlanningPlanOut(Schema):
    id: int
    org_unit: str
    year: int
    title: str
    doc_number: str
    tasks: list[PlanningTaskOut]


class PlanningPlanPage(Schema):
    count: int
    results: list[PlanningPlanOut]


class PlanningProgressIn(Schema):
    note: str


class PlanningDutyOut(Schema):
    id: int
    kind: str
    kind_label: str
    level: str
    held_on: date
    topic: str
    chaired_by: str | None
    expected: int | None
    attendance: int | None
    evidence_sha256: str
    evidence_name: str
    entered_at: datetime


class PlanningDutyPage(Schema):
    count: int
    results: list[PlanningDutyOut]


class PlanningStatementItemOut(Schema):
    seq: int
    heading: str
    content: str
    figure_key: str
    figure: dict


class PlanningStatementOut(Schema):
    id: int
    person: str
    role: str
    year: int
    status: str
    text: str
    submitted_at: datetime | None
    result: str
    result_note: str
    items: list[PlanningStatementItemOut]


class PlanningStatementPage(Schema):
    count: int
    results: list[PlanningStatementOut]


class PlanningSchemeOut(Schema):
    id: int
    year: int
    title: str
    source: str
    total: Decimal
    assumed: bool


class PlanningSchemePage(Schema):
    count: int
    results: list[PlanningSchemeOut]


class PlanningSchemeIn(Schema):
    year: int
    title: str
    source: str = ""
    total: Decimal = Decimal(100)
    nodes: list[dict]


class PlanningScoreRowOut(Schema):
    code: str
    title: str
    level: int
    weight: Decimal
    rule: str
    assumed: bool
    points: Decimal | None
    pending: str
    source: str
    records: list[dict]


class PlanningAssessmentOut(Schema):
    scheme: PlanningSchemeOut
    org_unit: str
    total: Decimal
    complete: bool
    rows: list[PlanningScoreRowOut]


def _name(user) -> str | None:
    return (user.full_name or user.username) if user else None


def _task(t: PlanTask) -> dict:
    return {
        "id": t.pk,
        "seq": t.seq,
        "content": t.content,
        "lead_unit": t.lead_unit.name,
        "person": _name(t.person),
        "due": t.due,
        "deadline_status": t.deadline.status if t.deadline else None,
        "done_on": t.done_on,
        "done_on_typed": t.done_on_typed,
        "progress": [
            {"note": p.note, "reported_at": p.reported_at.isoformat()} for p in t.progress.all()
        ],
    }


def _plan(p: Plan) -> dict:
    return {
        "id": p.pk,
        "org_unit": p.org_unit.name,
        "year": p.year,
        "title": p.title,
        "doc_number": p.doc_number,
        "tasks": [_task(t) for t in selectors.plan_tasks(p)],
    }


@router.get(
    "/plans",
    response={200: PlanningPlanPage, **ERRORS},
    operation_id="planning_plans",
    summary="法治建设工作要点及任务（按年度）",
)
def plan_list(request, year: int | None = Query(None, ge=2000, le=2100)):
    plans = list(selectors.plans(year=year))
    return {"count": len(plans), "results": [_plan(p) for p in plans]}


@router.get(
    "/plans/{plan_id}",
    response={200: PlanningPlanOut, **ERRORS},
    operation_id="planning_plan",
    summary="一份工作要点及其任务、进展",
)
def plan_detail(request, plan_id: int):
    return _plan(get_object_or_404(Plan, pk=plan_id))


@router.post(
    "/tasks/{task_id}/progress",
    response={201: PlanningTaskOut, **ERRORS},
    operation_id="planning_task_progress",
    summary="报送任务进展（牵头单位）",
)
def task_progress(request, task_id: int, payload: PlanningProgressIn):
    task = get_object_or_404(PlanTask, pk=task_id)
    services.task_progress_report(task=task, note=payload.note, actor=request.auth)
    return Status(201, _task(PlanTask.objects.get(pk=task.pk)))


@router.get(
    "/duty-records",
    response={200: PlanningDutyPage, **ERRORS},
    operation_id="planning_duty_records",
    summary="第一责任人履职记录（会议、集体学法、决策部署）",
)
def duty_list(request, year: int = Query(..., ge=2000, le=2100), kind: str = ""):
    rows = selectors.duty_records(year=year, kind=kind).order_by("held_on", "pk")
    results = [
        {
            "id": r.pk,
            "kind": r.kind,
            "kind_label": r.get_kind_display(),
            "level": r.level,
            "held_on": r.held_on,
            "topic": r.topic,
            "chaired_by": _name(r.chaired_by),
            "expected": r.expected,
            "attendance": r.attendance,
            "evidence_sha256": r.evidence.sha256,
            "evidence_name": r.evidence.original_name,
            "entered_at": r.entered_at,
        }
        for r in rows
    ]
    return {"count": len(results), "results": results}


@router.get(
    "/statements",
    response={200: PlanningStatementPage, **ERRORS},
    operation_id="planning_statements",
    summary="述法（事项、书面述法、评议结果、引用数据）",
)
def statement_list(request, year: int | None = Query(None, ge=2000, le=2100)):
    rows = list(selectors.statements(year=year))
    results = [
        {
            "id": s.pk,
            "person": _name(s.person),
            "role": s.role,
            "year": s.year,
            "status": s.status,
            "text": s.text,
            "submitted_at": s.submitted_at,
            "result": s.result,
            "result_note": s.result_note,
            "items": list(s.items.all()),
        }
        for s in rows
    ]
    return {"count": len(results), "results": results}


@router.get(
    "/schemes",
    response={200: PlanningSchemePage, **ERRORS},
    operation_id="planning_schemes",
    summary="考核指标体系",
)
def scheme_list(request):
    rows = list(Scheme.objects.all())
    return {"count": len(rows), "results": rows}


@router.post(
    "/schemes",
    response={201: PlanningSchemeOut, **ERRORS},
    operation_id="planning_scheme_create",
    summary="配置考核指标体系（分值须逐级合计等于上级，否则拒绝）",
)
def scheme_create(request, payload: PlanningSchemeIn):
    scheme = services.scheme_create(
        year=payload.year,
        title=payload.title,
        source=payload.source,
        total=payload.total,
        nodes=payload.nodes,
        actor=request.auth,
    )
    return Status(201, scheme)


@router.get(
    "/schemes/{scheme_id}/assessment",
    response={200: PlanningAssessmentOut, **ERRORS},
    operation_id="planning_assessment",
    summary="某单位的考核得分，每项注明来源",
)
def assessment(request, scheme_id: int, unit: int | None = None):
    scheme = get_object_or_404(Scheme, pk=scheme_id)
    org_unit = (
        get_object_or_404(OrgUnit, pk=unit)
        if unit
        else OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()
    )
    if org_unit is None:
        raise OrgUnit.DoesNotExist("没有被考核单位")
    result = selectors.assessment(scheme=scheme, org_unit=org_unit)
    rows = [
        {
            "code": r["indicator"].code,
            "title": r["indicator"].title,
            "level": r["indicator"].level,
            "weight": r["indicator"].weight,
            "rule": r["indicator"].rule,
            "assumed": r["indicator"].assumed,
            "points": r["points"],
            "pending": r["pending"],
            "source": r["source"],
            "records": [{"model": x.model, "id": x.pk, "label": x.label} for x in r["records"]],
        }
        for r in result["rows"]
    ]
    return {
        "scheme": scheme,
        "org_unit": org_unit.name,
        "total": result["total"],
        "complete": result["complete"],
        "rows": rows,
    }
