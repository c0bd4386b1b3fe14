"""JSON API at /api/v1/disputes: both registers for staff, status tracking for applicants."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from fazhi.accounts.auth import api_auth
from fazhi.accounts.models import OrgUnit, User
from fazhi.core.api.params import Offset, Year
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.core.selectors.deadlines import by_nearest_deadline
from fazhi.disputes import selectors
from fazhi.disputes.schemas import (
    DecideIn,
    JudgeIn,
    LitigationIn,
    LitigationOut,
    LitigationStepIn,
    RateOut,
    ReconsiderationIn,
    ReconsiderationOut,
    ReconsiderationStepIn,
    ReviewIn,
    TrackingOut,
)
from fazhi.disputes.services import litigation as lit
from fazhi.disputes.services import reconsideration as recon

router = Router(tags=["disputes"])


class DisputeFilters(Schema):
    status: str = ""
    year: Year | None = None
    q: str = ""
    limit: int = Field(50, ge=1, le=500)
    offset: Offset = 0


def _deadline(row) -> dict | None:
    d = row.deadline
    return (
        {"rule": d.rule_code, "label": row.rule_label, "due": d.due, "status": d.status}
        if d
        else None
    )


def _recon(row) -> dict:
    c = row.case
    return {
        **{
            f: getattr(c, f)
            for f in (
                "id",
                "reference",
                "role",
                "status",
                "status_label",
                "law",
                "respondent",
                "act",
                "received_on",
                "accepted_on",
                "decision",
                "decided_on",
                "decided_late",
                "error_cause",
                "body_name",
                "body_basis",
            )
        },
        "org_unit": c.org_unit.name,
        "next_deadline": _deadline(row),
    }


def _suit(row) -> dict:
    c = row.case
    return {
        **{
            f: getattr(c, f)
            for f in (
                "id",
                "case_number",
                "court",
                "instance",
                "step",
                "step_label",
                "act",
                "received_on",
                "answered_on",
                "answer_late",
                "head_appeared",
                "outcome",
                "is_lost",
            )
        },
        "org_unit": c.org_unit.name,
        "next_deadline": _deadline(row),
    }


def _one(getter, request, pk: int):
    return getter(pk=pk, user=request.auth)


def _unit(pk: int) -> OrgUnit:
    unit = OrgUnit.objects.filter(pk=pk).first()
    if unit is None:
        raise ProblemError(422, ErrorCode.INVALID_INPUT, "单位不存在")
    return unit


def _most_urgent(qs, filters: DisputeFilters):
    cases = by_nearest_deadline(qs)[filters.offset : filters.offset + filters.limit]
    return selectors.nearest_rows(cases, today=timezone.localdate())


def _page(qs, filters: DisputeFilters, out) -> dict:
    """The one list shape of the API: ``count`` in all, ``results`` from ``offset``."""
    results = [out(r) for r in _most_urgent(qs, filters)]
    return {
        "count": qs.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "results": results,
    }


class ReconsiderationPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[ReconsiderationOut]


class LitigationPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[LitigationOut]


def _row(case):
    return selectors.nearest_rows([case], today=timezone.localdate())[0]


@router.get(
    "/reconsiderations",
    auth=api_auth,
    response=ReconsiderationPage,
    operation_id="disputes_reconsideration_list",
    summary="复议案件（按期限排序）",
)
def reconsideration_list(request, filters: Query[DisputeFilters]):
    qs = selectors.reconsideration_list(
        user=request.auth, status=filters.status, year=filters.year, query=filters.q[:100]
    )
    return _page(qs, filters, _recon)


@router.post(
    "/reconsiderations",
    auth=api_auth,
    response={201: ReconsiderationOut, 403: Problem, 409: Problem, 422: Problem},
    operation_id="disputes_reconsideration_create",
    summary="登记复议申请（纸质）",
)
def reconsideration_create(request, payload: ReconsiderationIn):
    data = payload.dict()
    unit = _unit(data.pop("org_unit_id"))
    case = recon.reconsideration_apply(
        org_unit=unit, actor=request.auth, handler=request.auth, **data
    )
    return Status(201, _recon(_row(case)))


@router.get(
    "/reconsiderations/{case_id}",
    auth=api_auth,
    response={200: ReconsiderationOut, 404: Problem},
    operation_id="disputes_reconsideration_get",
    summary="复议案件详情",
)
def reconsideration_get(request, case_id: int):
    return _recon(_row(_one(selectors.reconsideration_get_for_user, request, case_id)))


@router.post(
    "/reconsiderations/{case_id}/review",
    auth=api_auth,
    response={200: ReconsiderationOut, 403: Problem, 404: Problem, 409: Problem},
    operation_id="disputes_reconsideration_review",
    summary="受理审查：受理、补正或不予受理",
)
def reconsideration_review(request, case_id: int, payload: ReviewIn):
    case = _one(selectors.reconsideration_get_for_user, request, case_id)
    case = recon.reconsideration_review(
        case=case, outcome=payload.outcome, on=payload.on, note=payload.note, actor=request.auth
    )
    return _recon(_row(case))


@router.post(
    "/reconsiderations/{case_id}/decision",
    auth=api_auth,
    response={200: ReconsiderationOut, 403: Problem, 404: Problem, 409: Problem},
    operation_id="disputes_reconsideration_decide",
    summary="作出复议决定",
)
def reconsideration_decide(request, case_id: int, payload: DecideIn):
    case = _one(selectors.reconsideration_get_for_user, request, case_id)
    case = recon.reconsideration_decide(case=case, actor=request.auth, **payload.dict())
    return _recon(_row(case))


def _user(pk: int | None) -> User | None:
    return User.objects.filter(pk=pk, is_active=True).first() if pk else None


def _recon_step(case, p: ReconsiderationStepIn, actor):
    if p.step == "record":
        recon.reconsideration_add_record(
            case=case, kind=p.kind, on=p.on, summary=p.summary, actor=actor
        )
        return case
    if p.step == "extend":
        return recon.reconsideration_extend(
            case=case, approver=_user(p.approver_id), reason=p.reason, actor=actor
        )
    if p.step == "reply":
        return recon.reconsideration_reply(case=case, on=p.on, summary=p.summary, actor=actor)
    if p.step in {"suspend", "terminate"}:
        service = getattr(recon, f"reconsideration_{p.step}")
        return service(case=case, on=p.on, reason=p.reason, actor=actor)
    return getattr(recon, f"reconsideration_{p.step}")(case=case, on=p.on, actor=actor)


@router.post(
    "/reconsiderations/{case_id}/steps",
    auth=api_auth,
    response={200: ReconsiderationOut, 403: Problem, 404: Problem, 409: Problem},
    operation_id="disputes_reconsideration_step",
    summary="办理一步：补正、发送副本、答复、审理记录、中止、恢复、延期、终止、送达",
)
def reconsideration_step(request, case_id: int, payload: ReconsiderationStepIn):
    case = _one(selectors.reconsideration_get_for_user, request, case_id)
    case = _recon_step(case, payload, request.auth)
    return _recon(_row(selectors.reconsideration_get_for_user(pk=case.pk, user=request.auth)))


def _suit_step(case, p: LitigationStepIn, actor):
    if p.step == "approve":
        return lit.litigation_approve(
            case=case, approver=_user(p.approver_id) or actor, agent=p.agent, on=p.on, actor=actor
        )
    if p.step == "hearing":
        return lit.litigation_hearing(
            case=case,
            on=p.on,
            head_appeared=p.head_appeared,
            head_name=p.head_name,
            stand_in=p.stand_in,
            absence_reason=p.absence_reason,
            actor=actor,
        )
    if p.step == "perform":
        return lit.litigation_perform(case=case, on=p.on, note=p.note, actor=actor)
    return lit.litigation_answer(case=case, on=p.on, actor=actor)


@router.post(
    "/litigations/{case_id}/steps",
    auth=api_auth,
    response={200: LitigationOut, 403: Problem, 404: Problem, 409: Problem},
    operation_id="disputes_litigation_step",
    summary="办理一步：应诉审批与代理人、答辩举证、负责人出庭、判决履行",
)
def litigation_step(request, case_id: int, payload: LitigationStepIn):
    case = _one(selectors.litigation_get_for_user, request, case_id)
    case = _suit_step(case, payload, request.auth)
    return _suit(_row(case))


@router.get(
    "/litigations",
    auth=api_auth,
    response=LitigationPage,
    operation_id="disputes_litigation_list",
    summary="应诉案件（按期限排序）",
)
def litigation_list(request, filters: Query[DisputeFilters]):
    qs = selectors.litigation_list(
        user=request.auth, step=filters.status, year=filters.year, query=filters.q[:100]
    )
    return _page(qs, filters, _suit)


@router.post(
    "/litigations",
    auth=api_auth,
    response={201: LitigationOut, 403: Problem, 409: Problem, 422: Problem},
    operation_id="disputes_litigation_create",
    summary="诉讼文书接收：登记应诉案件",
)
def litigation_create(request, payload: LitigationIn):
    data = payload.dict()
    unit = _unit(data.pop("org_unit_id"))
    case = lit.litigation_register(org_unit=unit, actor=request.auth, handler=request.auth, **data)
    return Status(201, _suit(_row(case)))


@router.get(
    "/litigations/{case_id}",
    auth=api_auth,
    response={200: LitigationOut, 404: Problem},
    operation_id="disputes_litigation_get",
    summary="应诉案件详情",
)
def litigation_get(request, case_id: int):
    return _suit(_row(_one(selectors.litigation_get_for_user, request, case_id)))


@router.post(
    "/litigations/{case_id}/judgment",
    auth=api_auth,
    response={200: LitigationOut, 403: Problem, 404: Problem, 409: Problem},
    operation_id="disputes_litigation_judge",
    summary="登记判决或裁定",
)
def litigation_judge(request, case_id: int, payload: JudgeIn):
    case = _one(selectors.litigation_get_for_user, request, case_id)
    case = lit.litigation_judge(case=case, actor=request.auth, **payload.dict())
    return _suit(_row(case))


@router.get(
    "/rates",
    auth=api_auth,
    response=list[RateOut],
    operation_id="disputes_rates",
    summary="纠错率、败诉率、负责人出庭率（按单位或权力事项）",
)
def rates(request, year: Year | None = None, by: str = "unit"):
    if by not in {"unit", "power_item"}:
        raise ProblemError(422, ErrorCode.INVALID_INPUT, "by 只能是 unit 或 power_item")
    rows, total = selectors.feedback_figures(user=request.auth, year=year, by=by)
    return [
        {
            **{
                f: getattr(f_, f)
                for f in (
                    "key",
                    "reconsiderations",
                    "decided",
                    "corrected",
                    "suits",
                    "judged",
                    "lost",
                    "heard",
                    "head_appeared",
                )
            },
            "correction_rate": f_.correction_rate.value,
            "loss_rate": f_.loss_rate.value,
            "appearance_rate": f_.appearance_rate.value,
            "acts": f_.acts,
            "reconsideration_rate": (
                f_.reconsideration_rate.value if f_.reconsideration_rate else None
            ),
        }
        for f_ in [*rows, total]
    ]


@router.get(
    "/track/{code}",
    response={200: TrackingOut, 404: Problem},
    operation_id="disputes_tracking_get",
    summary="申请人凭查询码查询办理进度（不含个人信息）",
)
def tracking_get(request, code: str):
    found = selectors.tracking_status(code=code[:16])
    if found is None:
        raise Http404("查询码不存在")
    return found
