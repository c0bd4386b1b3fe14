"""JSON API at /api/v1/officers: the public certificate check; the register and its figures
for staff."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Schema

from fazhi.accounts.auth import api_auth
from fazhi.core.api.params import Offset, UnitId, Year
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.core.services.request_context import current_request
from fazhi.officers import selectors
from fazhi.officers.schemas import CertificateCheckOut, OfficerOut, StatsOut
from fazhi.officers.services.lookups import Throttled, lookup_register

router = Router(tags=["officers"])


@router.get(
    "/certificates/{number}",
    response={200: CertificateCheckOut, 404: Problem, 429: Problem},
    operation_id="officers_certificate_check",
    summary="执法证查验（公开）：姓名、单位、执法区域、状态与有效期",
)
def certificate_check(request, number: str):
    try:
        lookup_register(
            ip=current_request().ip or request.META.get("REMOTE_ADDR"), now=timezone.now()
        )
    except Throttled as exc:
        raise ProblemError(429, ErrorCode.RULE_REFUSED, "查询过于频繁", exc.message) from None
    found = selectors.certificate_public(number=number[:40], today=timezone.localdate())
    if found is None:
        raise Http404("未找到该执法证号")
    return found


class OfficerPage(Schema):
    """The API's one list shape: ``count`` in all, ``results`` from ``offset`` (limit ≤ 500)."""

    count: int
    limit: int
    offset: int
    results: list[OfficerOut]


@router.get(
    "/",
    auth=api_auth,
    response=OfficerPage,
    operation_id="officers_officer_list",
    summary="执法人员名册（按数据范围）",
)
def officer_list(
    request,
    unit: UnitId | None = None,
    q: str = "",
    status: str = "",
    active: str = "yes",
    limit: int = Query(200, ge=1, le=1000),
    offset: Offset = 0,
):
    qs = selectors.officer_list(
        user=request.auth, org_unit_id=unit, query=q[:50], status=status, active=active
    )
    limit, offset = max(1, min(limit, 500)), max(0, min(offset, 10**9))
    page = list(qs[offset : offset + limit])
    rows = selectors.register_rows(page, today=timezone.localdate())
    results = [
        {
            "id": r.officer.pk,
            "name": r.officer.name,
            "org_unit": r.officer.org_unit.name,
            "org_unit_code": r.officer.org_unit.code,
            "post": r.officer.post,
            "is_active": r.officer.is_active,
            "username": r.officer.user.username if r.officer.user else None,
            "certificate": r.card,
            "usable_today": r.reason is None,
            "reason": r.reason or "",
        }
        for r in rows
    ]
    return {"count": qs.count(), "limit": limit, "offset": offset, "results": results}


@router.get(
    "/stats",
    auth=api_auth,
    response={200: StatsOut, 422: Problem},
    operation_id="officers_stats",
    summary="年度持证率、换证、年审、培训与考试",
)
def stats(request, year: Year | None = None):
    year = year or timezone.localdate().year
    if not 1990 <= year <= 2100:
        raise ProblemError(422, ErrorCode.INVALID_INPUT, "年度不合法")
    return selectors.certification_stats(year=year)
