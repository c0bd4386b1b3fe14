"""Public pages (执法公示 事后, 国办发〔2018〕118号（六）): published decisions, masked; withdrawn
ones with the reason; nothing after the publicity period ends."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from fazhi.publicity import selectors
from fazhi.publicity.domain.enums import KIND_LABELS, Kind


def _year(value: str) -> int | None:
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else None


def _kind(value: str) -> str:
    return value if value in Kind.__members__.values() else ""


def record_list(request):
    today = timezone.localdate()
    kind, year = _kind(request.GET.get("kind", "")), _year(request.GET.get("year", ""))
    query = request.GET.get("q", "").strip()[:50]
    qs = selectors.public_records(today=today, kind=kind, year=year, query=query)
    size = settings.FAZHI.get("PORTAL_PAGE_SIZE", 20)
    page = Paginator(qs, size).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "views": [selectors.public_view(r) for r in page.object_list],
        "total": page.paginator.count,
        "kinds": KIND_LABELS,
        "years": selectors.public_years(),
        "kind": kind,
        "year": year,
        "q": query,
        "today": today,
    }
    return render(request, "publicity/public/list.html", context)


def record_detail(request, pk: int):
    record = selectors.public_record(pk=pk, today=timezone.localdate())
    if record is None:
        raise Http404("该公示信息不存在或公示期已满")
    return render(request, "publicity/public/detail.html", {"view": selectors.public_view(record)})
