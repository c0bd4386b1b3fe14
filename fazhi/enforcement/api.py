"""JSON API at /api/v1/enforcement: cases (list, detail, register, one endpoint per step, case
file).

Each step endpoint takes that step's own schema (``fazhi.enforcement.steps``: ``AcceptStepIn``,
``FileStepIn`` …), the same the staff forms are read into, and runs the same service, so every
rule — and the permission check — is the service's. Errors propagate to the central handler in
``fazhi/api.py``: RFC 7807 problem objects with a stable ``code`` — the rule's own
(``enforcement.handle``, ``enforcement.legal_review`` for a refusal of the gate), or
``illegal_transition`` (the step is not open in this state), ``stale_version`` (someone else
changed the case), ``rule_refused`` (a rule says no; ``detail`` names the article),
``invalid_input``, ``file_type_mismatch``, ``not_found``.

Lists page one way: ``{"count": N, "results": [...]}`` with ``limit``/``offset``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field, model_validator

from fazhi.accounts.auth import api_auth
from fazhi.accounts.models import OrgUnit
from fazhi.core.api.params import Offset, Year
from fazhi.core.api.problems import Problem
from fazhi.core.domain.identifiers import party_code_problem
from fazhi.enforcement import selectors
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.schemas_entries import CaseDateEntryOut, date_entry_out
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services.cases_archive import case_file_rows
from fazhi.enforcement.steps import STEPS, BadInput, Step, run_step
from fazhi.powers.models import PowerItem

router = Router(tags=["enforcement"])


class CaseFilters(Schema):
    status: str = ""
    overdue: bool = False
    mine: bool = False
    q: str = ""
    year: Year | None = None
    limit: int = Field(50, ge=1, le=500)
    offset: Offset = 0


class CaseDeadlineOut(Schema):
    rule: str
    title: str
    start: date
    due: date
    status: str
    remaining: str = ""


class EnforcementCaseOut(Schema):
    id: int
    reference: str
    version: int
    status: str
    status_label: str
    source: str
    procedure: str
    power_item: str
    org_unit: str
    party_name: str
    cause: str
    received_on: date
    filed_on: date | None
    notified_on: date | None
    proposed_fine: Decimal | None
    proposal: dict[str, Any]
    decision_number: str
    decided_on: date | None
    outcome: str
    fine: Decimal | None
    served_on: date | None
    payment_due: date | None
    paid_on: date | None
    surcharge: Decimal
    closed_on: date | None
    archived_on: date | None
    allowed_actions: list[str]


class EnforcementCaseDetailOut(EnforcementCaseOut):
    deadlines: list[CaseDeadlineOut]
    clock_note: str
    date_entries: list[CaseDateEntryOut]
    date_flagged: bool = Field(description="some typed date is flagged (see date_entries)")


class CaseRegisterIn(Schema):
    power_item_code: str
    org_unit_id: int
    source: flow.Source = Field(description="complaint / report / random / patrol / referral")
    procedure: flow.Procedure = flow.Procedure.LABOR_INSPECTION
    received_on: date
    cause: str
    party_name: str
    party_kind: Literal["org", "person"] = "org"
    party_code: str = ""
    party_address: str = ""
    party_legal_rep: str = Field("", description="法定代表人/负责人 (organisations only)")
    complainant: str = ""
    violation_code: str = ""

    @model_validator(mode="after")
    def _party_code_checked(self):
        # issue 17 item 15: the shared identifier check, at entry (422 with the reason)
        if problem := party_code_problem(
            self.party_kind, self.party_code, today=timezone.localdate()
        ):
            raise ValueError(problem)
        return self


class EnforcementCasePageOut(Schema):
    count: int
    results: list[EnforcementCaseOut]


class CaseRecordOut(Schema):
    seq: int
    on: date
    kind: str
    label: str
    summary: str
    officers: list[str]
    files: list[dict[str, Any]]


def _out(case) -> dict:
    return {
        **{
            f: getattr(case, f)
            for f in (
                "id",
                "reference",
                "version",
                "status",
                "status_label",
                "source",
                "procedure",
                "party_name",
                "cause",
                "received_on",
                "filed_on",
                "notified_on",
                "proposed_fine",
                "proposal",
                "decision_number",
                "decided_on",
                "outcome",
                "fine",
                "served_on",
                "payment_due",
                "paid_on",
                "surcharge",
                "closed_on",
                "archived_on",
            )
        },
        "power_item": case.power_item.code,
        "org_unit": case.org_unit.name,
        "allowed_actions": [a.value for a in flow.allowed_actions(case.status)],
    }


def _detail(case) -> dict:
    rows = selectors.case_deadlines(case, today=timezone.localdate())
    deadlines = [
        {
            "rule": r.deadline.rule_code,
            "title": r.rule_title,
            "start": r.deadline.start,
            "due": r.deadline.due,
            "status": r.deadline.status,
            "remaining": r.remaining.label if r.remaining else "",
        }
        for r in rows
    ]
    entries = [date_entry_out(e) for e in selectors.date_entries(case)]
    return {
        **_out(case),
        "deadlines": deadlines,
        "clock_note": selectors.clock_note(case),
        "date_entries": entries,
        "date_flagged": any(e["flags"] for e in entries),
    }


def _case(request, case_id: int):
    return selectors.case_get_for_user(pk=case_id, user=request.auth)  # Http404 → 404 problem


@router.get(
    "/cases",
    auth=api_auth,
    response=EnforcementCasePageOut,
    operation_id="enforcement_case_list",
    summary="执法案件列表（按状态、逾期、承办人筛选）",
)
def case_list(request, filters: Query[CaseFilters]):
    qs = selectors.case_list(
        user=request.auth,
        status=filters.status,
        overdue=filters.overdue,
        mine=filters.mine,
        query=filters.q[:100],
        year=filters.year,
        today=timezone.localdate(),
    )
    rows = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "results": [_out(c) for c in rows]}


@router.post(
    "/cases",
    auth=api_auth,
    response={201: EnforcementCaseDetailOut, 403: Problem, 409: Problem, 422: Problem},
    operation_id="enforcement_case_create",
    summary="登记执法案件",
)
def case_create(request, payload: CaseRegisterIn):
    data = payload.dict()
    item = PowerItem.objects.filter(code=data.pop("power_item_code")).first()
    unit = OrgUnit.objects.filter(pk=data.pop("org_unit_id")).first()
    if item is None or unit is None:
        raise BadInput("权责事项或办案单位不存在")
    # the service checks the actor against the target unit before it takes a number
    case = intake.case_register(power_item=item, org_unit=unit, actor=request.auth, **data)
    return Status(201, _detail(case))


@router.get(
    "/cases/{case_id}",
    auth=api_auth,
    response={200: EnforcementCaseDetailOut, 404: Problem},
    operation_id="enforcement_case_get",
    summary="执法案件详情（含期限）",
)
def case_get(request, case_id: int):
    return _detail(_case(request, case_id))


@router.get(
    "/cases/{case_id}/file",
    auth=api_auth,
    response={200: list[CaseRecordOut], 404: Problem},
    operation_id="enforcement_case_file",
    summary="案卷：全部记录与证据哈希",
)
def case_file(request, case_id: int):
    return case_file_rows(_case(request, case_id))


def _step_endpoint(step: Step):
    def endpoint(request, case_id: int, payload):
        case = _case(request, case_id)
        run_step(case, step.key, payload, actor=request.auth)
        case.refresh_from_db()
        return _detail(case)

    # ninja reads the body's schema from the annotation: each step declares its own
    endpoint.__annotations__ = {"case_id": int, "payload": step.schema}
    endpoint.__name__ = f"case_step_{step.key}"
    return router.post(
        f"/cases/{{case_id}}/steps/{step.key}",
        auth=api_auth,
        response={
            200: EnforcementCaseDetailOut,
            403: Problem,
            404: Problem,
            409: Problem,
            422: Problem,
        },
        operation_id=f"enforcement_case_step_{step.key}",
        summary=f"办理案件步骤：{step.label}",
        description=(step.schema.__doc__ or "").strip(),
    )(endpoint)


for _step in STEPS.values():
    _step_endpoint(_step)
