"""JSON API for 裁量基准 and 社保欠费, mounted under /api/v1/enforcement (``fazhi/api.py``).

Refusals propagate to the central handler: RFC 7807 problem JSON with the rule's ``code``
(``enforcement.handle`` for the gate, ``rule_refused`` with the article in ``detail`` …).
Lists page one way: ``{"count": N, "results": [...]}`` with ``limit``/``offset``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone
from ninja import Query, Router, Schema, Status
from pydantic import Field

from fazhi.accounts.auth import api_auth
from fazhi.accounts.models import OrgUnit
from fazhi.core.api.problems import Problem
from fazhi.enforcement.domain import arrears as arrears_rules
from fazhi.enforcement.domain import discretion as rules
from fazhi.enforcement.models import ArrearsCase, DiscretionBenchmarkSet
from fazhi.enforcement.schemas_entries import CaseDateEntryOut, date_entry_out
from fazhi.enforcement.services import arrears as arrears_services
from fazhi.enforcement.services import discretion as services
from fazhi.enforcement.steps import BadInput

router = Router(tags=["enforcement-rules"])


# ----------------------------------------------------------------------------- schemas


class DiscretionTierOut(Schema):
    code: str
    label: str
    low: Decimal
    high: Decimal
    conditions: str
    condition_keys: list[str]
    is_default: bool


class DiscretionItemOut(Schema):
    violation_code: str
    violation: str
    legal_basis: str = Field(description="违法依据")
    penalty_basis: str = Field(description="处罚依据")
    form: str = Field(description="fixed / per_worker / per_worker_month / multiple")
    in_force_from: date | None
    fixed_rate: bool
    exemption_allowed: bool
    heavier: str
    lighter: str
    exemption: str
    note: str
    tiers: list[DiscretionTierOut]


class DiscretionSetOut(Schema):
    id: int
    version: str
    title: str
    status: str
    effective_from: date | None
    effective_to: date | None
    to_confirm: bool = Field(description="本局待确认")
    source_note: str


class DiscretionSetDetailOut(DiscretionSetOut):
    items: list[DiscretionItemOut]


class PageFilters(Schema):
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000)


class DiscretionSetPageOut(Schema):
    count: int
    results: list[DiscretionSetOut]


class DiscretionFactsIn(Schema):
    violation: str = Field(description="违法行为代码，如 lsi-25")
    on: date = Field(description="违法行为发生日：适用当日施行的裁量基准")
    workers: int = Field(default=0, ge=0)
    months: int = Field(default=0, ge=0)
    amount: Decimal = Field(default=Decimal(0), ge=0)
    party_kind: str = "org"
    first_offence: bool = False
    corrected: bool = False
    harm: str = Field(default="", description="none / minor / serious")
    circumstances: list[str] = Field(default_factory=list)


class DiscretionProposalOut(Schema):
    violation_code: str
    benchmark_version: str
    tier: str
    tier_label: str
    min_amount: Decimal
    max_amount: Decimal
    suggested: Decimal | None
    no_penalty_allowed: bool
    basis: str
    explanation: str
    statutory_min: Decimal
    statutory_max: Decimal
    fixed_rate: bool
    heavier: list[str]
    lighter: list[str]


class ArrearsStatementOut(Schema):
    as_of: date
    principal: Decimal
    principal_paid: Decimal
    principal_outstanding: Decimal
    late_fee: Decimal
    late_fee_paid: Decimal
    late_fee_outstanding: Decimal
    days: int
    capped: bool


class ArrearsStepOut(Schema):
    seq: int
    kind: str
    label: str
    on: date
    amount: Decimal | None
    deadline: date | None
    balance: Decimal | None
    bank: str
    acting_body: str = Field(description="实施机关（征收机构）")
    power_item_code: str
    document_number: str
    note: str


class ArrearsOut(Schema):
    id: int
    reference: str
    employer_name: str
    employer_uscc: str
    period_from: date
    period_to: date
    principal: Decimal
    due_date: date
    org_unit: str
    status: str
    status_label: str
    version: int
    statement: ArrearsStatementOut


class ArrearsDetailOut(ArrearsOut):
    steps: list[ArrearsStepOut]
    allowed_steps: list[str]
    fine_range: list[Decimal] | None
    date_entries: list[CaseDateEntryOut] = Field(
        description="each step's typed date beside the system's day of entry (issue 18.5)"
    )
    date_flagged: bool = Field(description="some typed date is flagged (see date_entries)")


class ArrearsIn(Schema):
    reference: str
    employer_name: str
    employer_uscc: str
    period_from: date
    period_to: date
    principal: Decimal
    due_date: date
    org_unit_id: int
    note: str = ""


class ArrearsStepIn(Schema):
    kind: arrears_rules.StepKind = Field(
        description="order / account_query / transfer / guarantee / court / fine / payment / close"
    )
    on: date
    version: int | None = Field(default=None, description="案件版本号（并发保护）")
    amount: Decimal | None = None
    deadline: date | None = None
    balance: Decimal | None = None
    bank: str = ""
    acting_body: str = ""
    document_number: str = ""
    note: str = ""


# ----------------------------------------------------------------------------- 裁量基准


def _set(s: DiscretionBenchmarkSet) -> dict:
    return {
        f: getattr(s, f)
        for f in (
            "id",
            "version",
            "title",
            "status",
            "effective_from",
            "effective_to",
            "to_confirm",
            "source_note",
        )
    }


@router.get(
    "/discretion/sets",
    auth=api_auth,
    response=DiscretionSetPageOut,
    operation_id="enforcement_discretion_set_list",
    summary="裁量基准版本列表",
)
def discretion_set_list(request, page: Query[PageFilters]):
    qs = services.discretion_set_list()
    rows = qs[page.offset : page.offset + page.limit]
    return {"count": qs.count(), "results": [_set(s) for s in rows]}


@router.get(
    "/discretion/sets/{set_id}",
    auth=api_auth,
    response={200: DiscretionSetDetailOut, 404: Problem},
    operation_id="enforcement_discretion_set_get",
    summary="裁量基准：事项与阶次",
)
def discretion_set_get(request, set_id: int):
    s = services.discretion_set_get(pk=set_id)  # DoesNotExist → 404 problem
    items = [
        {
            **{
                f: getattr(i, f)
                for f in (
                    "violation_code",
                    "violation",
                    "legal_basis",
                    "penalty_basis",
                    "form",
                    "in_force_from",
                    "fixed_rate",
                    "exemption_allowed",
                    "heavier",
                    "lighter",
                    "exemption",
                    "note",
                )
            },
            "tiers": [
                {
                    "code": t.code,
                    "label": t.get_code_display(),
                    "low": t.low,
                    "high": t.high,
                    "conditions": t.conditions,
                    "condition_keys": t.condition_keys,
                    "is_default": t.is_default,
                }
                for t in i.tiers.all()
            ],
        }
        for i in s.items.all()
    ]
    return {**_set(s), "items": items}


@router.post(
    "/discretion/propose",
    auth=api_auth,
    response={200: DiscretionProposalOut, 409: Problem},
    operation_id="enforcement_discretion_propose",
    summary="裁量试算：按违法行为发生日施行的裁量基准计算建议幅度",
)
def discretion_propose(request, payload: DiscretionFactsIn):
    facts = rules.Facts(
        workers=payload.workers,
        months=payload.months,
        amount=payload.amount,
        party_kind=payload.party_kind,
        first_offence=payload.first_offence,
        corrected=payload.corrected,
        harm=payload.harm,
        circumstances=tuple(payload.circumstances),
    )
    proposal = services.discretion_propose(
        violation_code=payload.violation, facts=facts, on=payload.on
    )
    return services.proposal_as_dict(proposal)


# ----------------------------------------------------------------------------- 社保欠费


class ArrearsFilters(Schema):
    status: str = ""
    q: str = ""
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000)


class ArrearsPageOut(Schema):
    count: int
    results: list[ArrearsOut]


def _arrears(row, detail=None) -> dict:
    c = row.case
    data = {
        **{
            f: getattr(c, f)
            for f in (
                "id",
                "reference",
                "employer_name",
                "employer_uscc",
                "period_from",
                "period_to",
                "principal",
                "due_date",
                "status",
                "version",
            )
        },
        "org_unit": c.org_unit.name,
        "status_label": row.status_label,
        "statement": {**row.statement.__dict__},
    }
    if detail is not None:
        data["steps"] = [
            {
                **{
                    f: getattr(s, f)
                    for f in (
                        "seq",
                        "kind",
                        "on",
                        "amount",
                        "deadline",
                        "balance",
                        "bank",
                        "acting_body",
                        "power_item_code",
                        "document_number",
                        "note",
                    )
                },
                "label": arrears_rules.STEP_LABELS[s.kind],
            }
            for s in row.steps
        ]
        data["allowed_steps"] = [k for k, _ in detail.allowed]
        data["fine_range"] = list(detail.fine_range) if detail.fine_range else None
        data["date_entries"] = [date_entry_out(e) for e in detail.date_entries]
        data["date_flagged"] = any(e.flagged for e in detail.date_entries)
    return data


def _case(request, pk: int) -> ArrearsCase:
    # outside the user's scope reads as missing: DoesNotExist → 404 problem
    return arrears_services.arrears_case_get(pk=pk, user=request.auth)


def _detail(request, case: ArrearsCase) -> dict:
    detail = arrears_services.arrears_case_detail(case=case, today=timezone.localdate())
    return _arrears(detail.row, detail)


@router.get(
    "/arrears",
    auth=api_auth,
    response=ArrearsPageOut,
    operation_id="enforcement_arrears_list",
    summary="社会保险费欠缴案件（含截至今日的欠缴本金和滞纳金）",
)
def arrears_list(request, filters: Query[ArrearsFilters]):
    qs = arrears_services.arrears_case_list(
        user=request.auth, status=filters.status, query=filters.q[:100]
    )
    page = qs[filters.offset : filters.offset + filters.limit]
    rows = arrears_services.arrears_rows(page, today=timezone.localdate())
    return {"count": qs.count(), "results": [_arrears(r) for r in rows]}


@router.post(
    "/arrears",
    auth=api_auth,
    response={201: ArrearsDetailOut, 403: Problem, 409: Problem, 422: Problem},
    operation_id="enforcement_arrears_create",
    summary="登记社会保险费欠缴案件",
)
def arrears_create(request, payload: ArrearsIn):
    data = payload.dict()
    unit = OrgUnit.objects.filter(pk=data.pop("org_unit_id")).first()
    if unit is None:
        raise BadInput("单位不存在")
    # the service checks the actor against the target unit (the gate)
    case = arrears_services.arrears_case_register(org_unit=unit, actor=request.auth, **data)
    return Status(201, _detail(request, case))


@router.get(
    "/arrears/{case_id}",
    auth=api_auth,
    response={200: ArrearsDetailOut, 404: Problem},
    operation_id="enforcement_arrears_get",
    summary="欠缴案件：经过、下一步与罚款幅度",
)
def arrears_get(request, case_id: int):
    return _detail(request, _case(request, case_id))


@router.post(
    "/arrears/{case_id}/steps",
    auth=api_auth,
    response={200: ArrearsDetailOut, 403: Problem, 404: Problem, 409: Problem},
    operation_id="enforcement_arrears_step",
    summary="办理一步：限期缴纳、查询账户、划拨、担保协议、申请法院执行、罚款、缴纳、结案",
)
def arrears_step(request, case_id: int, payload: ArrearsStepIn):
    case = _case(request, case_id)
    data = payload.dict()
    arrears_services.arrears_step_record(
        case=case, actor=request.auth, expected_version=data.pop("version"), **data
    )
    return _detail(request, arrears_services.arrears_case_get(pk=case.pk, user=request.auth))
