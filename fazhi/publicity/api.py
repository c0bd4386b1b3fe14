"""JSON API at /api/v1/publicity: published decisions for anyone, masked like the public pages
(a natural person's ID number appears only masked; phone and address never)."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from fazhi.core.api.params import Offset, Year
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.publicity import selectors
from fazhi.publicity.domain.enums import KIND_LABELS, Kind
from fazhi.publicity.domain.formatting import wanyuan
from fazhi.publicity.schemas import PublicityRecordOut, RecordPage

router = Router(tags=["publicity"])


class PublicityFilters(Schema):
    kind: str = ""
    year: Year | None = None
    q: str = ""
    limit: int = Field(20, ge=1, le=100)
    offset: Offset = 0


def _out(record) -> dict:
    view = selectors.public_view(record)
    d = view.data
    return {
        "id": record.pk,
        "record_no": record.record_no,
        "kind": record.kind,
        "kind_label": KIND_LABELS[Kind(record.kind)],
        "status": record.status,
        "status_label": record.status_label,
        "party_category": d.party_category,
        "party_name": d.party_name,
        "uscc": d.uscc,
        "legal_rep": d.legal_rep,
        "person_id_type": d.person_id_type,
        "person_id_number_masked": d.person_id_number,
        "document_title": d.document_title,
        "document_number": d.document_number,
        "violation_type": d.violation_type,
        "facts": d.facts,
        "basis": d.basis,
        "penalty_categories": list(d.penalty_categories),
        "content": d.content,
        "fine_yuan": d.fine_yuan,
        "fine_wanyuan": wanyuan(d.fine_yuan),
        "license_category": d.license_category,
        "licence_name": d.licence_name,
        "licence_number": d.licence_number,
        "valid_from": d.valid_from,
        "valid_to": d.valid_to,
        "decided_on": d.decided_on,
        "authority": d.authority,
        "published_on": record.published_on,
        "publicity_ends_on": record.publicity_ends_on,
        "withdrawn": view.withdrawn,
        "withdrawal_change": record.withdrawal_change,
        "withdrawal_reason": view.withdrawal_reason,
        "withdrawn_on": record.withdrawn_on,
    }


@router.get(
    "/records", response={200: RecordPage, 422: Problem}, summary="公示中的执法决定（已脱敏）"
)
def record_list(request, filters: Query[PublicityFilters]):
    if filters.kind and filters.kind not in Kind.__members__.values():
        raise ProblemError(
            422,
            ErrorCode.UNKNOWN_FILTER_VALUE,
            "类型不存在",
            f"kind 应为 {'、'.join(k.value for k in Kind)} 之一",
        )
    limit, offset = filters.limit, filters.offset
    qs = selectors.public_records(
        today=timezone.localdate(), kind=filters.kind, year=filters.year, query=filters.q[:50]
    )
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "results": [_out(r) for r in qs[offset : offset + limit]],
    }


@router.get(
    "/records/{record_id}", response={200: PublicityRecordOut, 404: Problem}, summary="一条公示信息"
)
def record_get(request, record_id: int):
    record = selectors.public_record(pk=record_id, today=timezone.localdate())
    if record is None:
        raise Http404("公示信息不存在或公示期已满")
    return _out(record)
