"""JSON API at /api/v1/enforcement: cases (list, detail, register, steps, case file).

The step endpoint runs the same table as the staff forms (`fazhi.enforcement.steps`), so every
rule is the services'. Errors are RFC 7807 problem objects with a stable ``code``:
``illegal_transition`` (the step is not open in this state), ``stale_version`` (someone else
changed the case), ``rule_refused`` (a rule says no; ``detail`` names the article),
``invalid_input``, ``file_type_mismatch``, ``permission_denied``, ``not_found``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field, model_validator

from fazhi.accounts.auth import api_auth
from fazhi.accounts.models import OrgUnit
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.identifiers import party_code_problem
from fazhi.core.domain.time_limits import UnknownRule
from fazhi.core.services.evidence import EvidenceRejected
from fazhi.enforcement import permissions, selectors
from fazhi.enforcement.api_rules import router as rules_router
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services.cases_archive import case_file_rows
from fazhi.enforcement.services.cases_common import StaleVersion
from fazhi.enforcement.steps import STEPS, BadInput, run_step
from fazhi.powers.models import PowerItem

router = Router(tags=["enforcement"])
STALE_VERSION = getattr(ErrorCode, "STALE_VERSION", "stale_version")


class CaseFilters(Schema):
    status: str = ""
    overdue: bool = False
    mine: bool = False
    q: str = ""
    year: int | None = None
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)


class DeadlineOut(Schema):
    rule: str
    title: str
    start: date
    due: date
    status: str
    remaining: str = ""


class CaseOut(Schema):
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


class CaseDetailOut(CaseOut):
    deadlines: list[DeadlineOut]
    clock_note: str


class CaseIn(Schema):
    power_item_code: str
    org_unit_id: int
    source: str = Field(description="complaint / report / random / patrol / referral")
    procedure: str = flow.Procedure.LABOR_INSPECTION
    received_on: date
    cause: str
    party_name: str
    party_kind: str = "org"
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


class StepIn(Schema):
    version: int | None = Field(None, description="the case version the caller saw")
    params: dict[str, Any] = Field(
        default_factory=dict,
        description="the step's fields, as in the staff form (e.g. on, officers, fine, text)",
    )


class RecordOut(Schema):
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
    return {**_out(case), "deadlines": deadlines, "clock_note": selectors.clock_note(case)}


def _problem(exc: Exception) -> ProblemError:
    if isinstance(exc, StaleVersion):
        return ProblemError(409, STALE_VERSION, "案件已被他人更新", str(exc))
    if isinstance(exc, flow.IllegalTransition):
        return ProblemError(409, ErrorCode.ILLEGAL_TRANSITION, "当前状态不能办理该步骤", str(exc))
    if isinstance(exc, EvidenceRejected):
        return ProblemError(422, ErrorCode.FILE_TYPE_MISMATCH, "证据文件被拒收", str(exc))
    if isinstance(exc, BadInput):
        return ProblemError(422, ErrorCode.INVALID_INPUT, "参数不正确", str(exc))
    if isinstance(exc, CalendarDataMissing):
        return ProblemError(409, ErrorCode.CALENDAR_DATA_MISSING, "期限无法计算", str(exc))
    if isinstance(exc, UnknownRule):
        return ProblemError(409, ErrorCode.UNKNOWN_RULE, "期限规则不适用", str(exc))
    return ProblemError(409, ErrorCode.RULE_REFUSED, "不符合法定条件", str(exc))


ERRORS = (Refused, BadInput, EvidenceRejected, CalendarDataMissing, UnknownRule)


def _case(request, case_id: int):
    try:
        return selectors.case_get_for_user(pk=case_id, user=request.auth)
    except Http404:
        raise ProblemError(404, ErrorCode.NOT_FOUND, "未找到该案件") from None


@router.get(
    "/cases",
    auth=api_auth,
    response=list[CaseOut],
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
    return [_out(c) for c in qs[filters.offset : filters.offset + filters.limit]]


@router.post(
    "/cases",
    auth=api_auth,
    response={201: CaseDetailOut, 403: Problem, 409: Problem, 422: Problem},
    operation_id="enforcement_case_create",
    summary="登记执法案件",
)
def case_create(request, payload: CaseIn):
    if not permissions.can_handle(request.auth):
        raise ProblemError(403, ErrorCode.PERMISSION_DENIED, "只有执法人员可以登记案件")
    data = payload.dict()
    item = PowerItem.objects.filter(code=data.pop("power_item_code")).first()
    unit = OrgUnit.objects.filter(pk=data.pop("org_unit_id")).first()
    if item is None or unit is None:
        raise ProblemError(422, ErrorCode.INVALID_INPUT, "权责事项或办案单位不存在")
    try:
        case = intake.case_register(power_item=item, org_unit=unit, actor=request.auth, **data)
    except (ValueError, *ERRORS) as exc:
        raise _problem(exc if isinstance(exc, ERRORS) else BadInput(str(exc))) from exc
    return Status(201, _detail(case))


@router.get(
    "/cases/{case_id}",
    auth=api_auth,
    response={200: CaseDetailOut, 404: Problem},
    operation_id="enforcement_case_get",
    summary="执法案件详情（含期限）",
)
def case_get(request, case_id: int):
    return _detail(_case(request, case_id))


@router.get(
    "/cases/{case_id}/file",
    auth=api_auth,
    response={200: list[RecordOut], 404: Problem},
    operation_id="enforcement_case_file",
    summary="案卷：全部记录与证据哈希",
)
def case_file(request, case_id: int):
    return case_file_rows(_case(request, case_id))


@router.post(
    "/cases/{case_id}/steps/{action}",
    auth=api_auth,
    response={200: CaseDetailOut, 403: Problem, 404: Problem, 409: Problem, 422: Problem},
    operation_id="enforcement_case_step",
    summary="办理案件步骤（accept, file, act, order, notify, review, decide, serve, pay …）",
)
def case_step(request, case_id: int, action: str, payload: StepIn):
    case = _case(request, case_id)
    if action not in STEPS:
        raise ProblemError(404, ErrorCode.NOT_FOUND, f"未知步骤：{action}")
    allowed = permissions.can_review if action == "review" else permissions.can_handle
    if not allowed(request.auth):
        raise ProblemError(403, ErrorCode.PERMISSION_DENIED, "您没有办理该步骤的权限")
    params = {**payload.params, "version": payload.version}
    try:
        run_step(case, action, params, actor=request.auth)
    except ERRORS as exc:
        raise _problem(exc) from exc
    case.refresh_from_db()
    return _detail(case)


# 裁量基准 and 社保欠费 (the rules helper's endpoints, same prefix)
router.add_router("", rules_router)
