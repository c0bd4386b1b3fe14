"""Public pages of the power list (权责清单), mounted under /powers/: the list with filters and
the item page with its legal basis, change log, diff between versions and this year's usage.

They show what the bureau publishes: no staff names, no internal review notes."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.powers import presentation as p
from fazhi.powers import selectors
from fazhi.powers.domain.usage import ZERO_ENFORCEMENT


def _filters(request: HttpRequest) -> selectors.ItemFilters:
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "active")
    return selectors.ItemFilters(
        kind=kind if kind in selectors.KIND_LABELS else "",
        unit_id=p.int_param(request.GET.get("unit")),
        query=request.GET.get("q", "")[:100],
        status=status if status in selectors.STATUSES else "active",
    )


def item_list(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    year = p.year_param(request.GET.get("year"), timezone.localdate().year)
    paginator = Paginator(
        selectors.power_item_public_list(filters=filters), settings.FAZHI["PORTAL_PAGE_SIZE"]
    )
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filters": filters,
        "year": year,
        "page": page,
        "rows": p.rows_with_usage(page.object_list, year=year),
        "kind_counts": selectors.power_item_kind_counts(filters=filters),
        "kind_label": selectors.KIND_LABELS.get(filters.kind, ""),
        "statuses": selectors.STATUSES,
        "units": selectors.power_item_units(),
        "query_string": params.urlencode(),
        "zero_label": ZERO_ENFORCEMENT,
    }
    return render(request, "powers/public/item_list.html", context)


def item_detail(request: HttpRequest, code: str) -> HttpResponse:
    item = selectors.power_item_public_get(code=code)
    versions = selectors.power_item_versions(item=item)
    current = versions[0]
    year = p.year_param(request.GET.get("year"), timezone.localdate().year)
    row = p.rows_with_usage([item], year=year)[0]
    context = {
        "item": item,
        "current": current,
        "bases": p.basis_links(list(current.bases.all()), on=timezone.localdate()),
        "log": p.change_log(versions),
        "versions": versions,
        "row": row,
        "year": year,
    }
    return render(request, "powers/public/item_detail.html", context)


def item_diff(request: HttpRequest, code: str) -> HttpResponse:
    item = selectors.power_item_public_get(code=code)
    versions = selectors.power_item_versions(item=item)
    newest = versions[0].number
    old_n = p.int_param(request.GET.get("from"), max(newest - 1, 1))
    new_n = p.int_param(request.GET.get("to"), newest)
    old = selectors.power_item_version_get(item=item, number=old_n)
    new = selectors.power_item_version_get(item=item, number=new_n)
    context = {
        "item": item,
        "versions": versions,
        "old": old,
        "new": new,
        "changes": selectors.power_item_version_diff(old=old, new=new),
    }
    return render(request, "powers/public/item_diff.html", context)
