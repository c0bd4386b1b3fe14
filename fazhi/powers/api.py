"""JSON API at /api/v1/powers: the public power list, item versions, diffs and yearly usage.

Every endpoint here is a public read (no auth), like the portal pages."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from fazhi.core.api.params import UnitId
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.powers import selectors
from fazhi.powers.domain.usage import is_zero_enforcement
from fazhi.powers.schemas import (
    BasisOut,
    DiffOut,
    ItemPageOut,
    PowerItemOut,
    PowerVersionOut,
    UsageListOut,
)

router = Router(tags=["powers"])


class ListParams(Schema):
    kind: str = Field(default="", description="职权类别代码：licensing、penalty …")
    unit: UnitId | None = Field(default=None, description="实施主体（机构 id）")
    q: str = Field(default="", max_length=100, description="名称或编码关键词")
    status: str = Field(default="active", description="active 有效；cancelled 已取消；all 全部")
    limit: int = Field(default=20, ge=1, le=500, description="每页条数（≤ 500）")
    offset: int = Field(default=0, ge=0, le=10**9, description="跳过的条数")


class PowerDiffParams(Schema):
    from_version: int = Field(alias="from", ge=1, description="原版本号")
    to_version: int = Field(alias="to", ge=1, description="新版本号")


class UsageParams(Schema):
    year: int = Field(ge=1990, le=2100, description="统计年度")


def _item(code: str):
    try:
        return selectors.power_item_public_get(code=code)
    except Http404:
        raise Http404(f"没有编码为“{code}”的权责事项") from None


def _summary(item) -> dict:
    return {
        "code": item.code,
        "name": item.name,
        "kind": item.kind,
        "kind_label": item.kind_label,
        "org_unit": item.org_unit.name,
        "is_active": item.is_active,
        "version": item.version_count,
        "url": reverse("powers_public:item_detail", args=[item.code]),
    }


def _version(v) -> PowerVersionOut:
    bases = [
        BasisOut(
            citation=b.citation,
            document_id=b.document_id if b.document and b.document.is_published else None,
            article_id=b.article_id if b.document and b.document.is_published else None,
            url=reverse("portal:policy_article", args=[b.article_id])
            if b.article_id and b.document and b.document.is_published
            else "",
        )
        for b in v.bases.all()
    ]
    return PowerVersionOut(
        number=v.number,
        name=v.name,
        kind=v.kind,
        kind_label=v.kind_label,
        org_unit=v.org_unit_name,
        legal_basis=v.legal_basis_text,
        process=v.process,
        time_limit=v.time_limit_text,
        remedy=v.remedy,
        accountability=v.accountability,
        is_active=v.is_active,
        reason=v.reason,
        effective_from=v.effective_from,
        bases=bases,
    )


@router.get(
    "/items",
    response={200: ItemPageOut, 422: Problem},
    operation_id="powers_item_list",
    summary="权责清单事项列表",
    description="按类别、实施主体、关键词筛选，分页返回。",
)
def item_list(request, params: Query[ListParams]):
    if params.kind and params.kind not in selectors.KIND_LABELS:
        raise ProblemError(422, ErrorCode.UNKNOWN_FILTER_VALUE, "职权类别不存在", params.kind)
    if params.status not in selectors.STATUSES:
        raise ProblemError(422, ErrorCode.UNKNOWN_FILTER_VALUE, "状态不存在", params.status)
    filters = selectors.ItemFilters(
        kind=params.kind, unit_id=params.unit, query=params.q, status=params.status
    )
    qs = selectors.power_item_public_list(filters=filters)
    return {
        "count": qs.count(),
        "limit": params.limit,
        "offset": params.offset,
        "results": [_summary(i) for i in qs[params.offset : params.offset + params.limit]],
    }


@router.get(
    "/items/{code}",
    response={200: PowerItemOut, 404: Problem},
    operation_id="powers_item_get",
    summary="权责事项详情",
    description="当前版本内容、依据条文和今年的执法量（零执法）。",
)
def item_get(request, code: str):
    item = _item(code)
    current = selectors.power_item_current_version(item=item)
    year = timezone.localdate().year
    count = selectors.power_item_usage(year=year, item_ids=[item.pk]).get(item.pk, 0)
    return {
        **_summary(item),
        "current": _version(current),
        "usage_year": year,
        "usage_count": count,
        "zero_enforcement": is_zero_enforcement(count, is_active=item.is_active),
    }


@router.get(
    "/items/{code}/versions",
    response={200: list[PowerVersionOut], 404: Problem},
    operation_id="powers_item_versions",
    summary="事项的全部版本（变更记录）",
    description="新版本在前，每个版本附变更理由和生效日期。",
)
def item_versions(request, code: str):
    return [_version(v) for v in selectors.power_item_versions(item=_item(code))]


@router.get(
    "/items/{code}/diff",
    response={200: DiffOut, 404: Problem, 422: Problem},
    operation_id="powers_item_diff",
    summary="两个版本逐项对照",
)
def item_diff(request, code: str, params: Query[PowerDiffParams]):
    item = _item(code)
    try:
        old = selectors.power_item_version_get(item=item, number=params.from_version)
        new = selectors.power_item_version_get(item=item, number=params.to_version)
    except Http404:
        raise Http404(f"版本不存在：该事项共有 {item.version_count} 个版本") from None
    changes = selectors.power_item_version_diff(old=old, new=new)
    return {
        "code": item.code,
        "from_version": old.number,
        "to_version": new.number,
        "reason": new.reason,
        "changes": [
            {"field": c.field, "label": c.label, "old": c.old, "new": c.new, "html": c.html}
            for c in changes
        ],
    }


@router.get(
    "/usage",
    response={200: UsageListOut, 422: Problem},
    operation_id="powers_usage",
    summary="年度各事项执法量",
    description="该年依据各有效事项立案的案件数；为 0 的事项标为零执法。",
)
def usage(request, params: Query[UsageParams]):
    counts = selectors.power_item_usage(year=params.year)
    items = selectors.power_item_public_list(filters=selectors.ItemFilters(status="active"))
    return {
        "year": params.year,
        "items": [
            {
                "code": i.code,
                "name": i.name,
                "kind": i.kind,
                "is_active": i.is_active,
                "count": counts.get(i.pk, 0),
                "zero_enforcement": is_zero_enforcement(counts.get(i.pk, 0), is_active=i.is_active),
            }
            for i in items
        ],
    }
