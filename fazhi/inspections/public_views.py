"""Public pages (/inspections/): the item list (事前公示), draws with their commitments, the
seed after the reveal, the frozen list for download, a server-side verification, an employer's
own lookup, and the published results."""

from __future__ import annotations

from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import render

from fazhi.core.selectors.paging import bounded_page, page_number, query_without_page
from fazhi.inspections import selectors
from fazhi.inspections.models import Draw


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else None


def item_list(request):
    items = selectors.item_list(published_only=True)
    return render(request, "inspections/public/item_list.html", {"items": items})


def draw_list(request):
    draws = selectors.draw_list(year=_year(request))[:100]
    return render(request, "inspections/public/draw_list.html", {"draws": draws})


def _draw(pk: int) -> Draw:
    draw = selectors.draw_list().filter(pk=pk).first()
    if draw is None:
        raise Http404("没有该抽取")
    return draw


def draw_detail(request, pk: int):
    draw = _draw(pk)
    uscc = request.GET.get("uscc", "").strip()[:30]
    context = {
        "draw": draw,
        "seed": selectors.public_seed(draw),
        "verification": selectors.draw_verification(draw),
        "checks": selectors.check_list(draw=draw)[:200],
        "lookup": selectors.employer_lookup(uscc=uscc, draw=draw) if uscc else None,
        "uscc": uscc,
        "items": draw.plan.items.all(),
    }
    return render(request, "inspections/public/draw_detail.html", context)


def draw_list_file(request, pk: int):
    draw = _draw(pk)
    handle = selectors.frozen_storage().open(draw.list_path, "rb")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"draw-{draw.number}-list.txt.gz",
        content_type="application/gzip",
    )


def draw_result_file(request, pk: int):
    draw = _draw(pk)
    if draw.status not in (Draw.Status.DRAWN, Draw.Status.REVEALED):
        raise Http404("尚未抽取")
    response = FileResponse(
        iter([selectors.result_bytes(draw)]),
        as_attachment=True,
        filename=f"draw-{draw.number}-result.txt",
    )
    response["Content-Type"] = "text/plain; charset=utf-8"
    return response


def result_list(request):
    """Published results, 50 a page, searchable by employer name or credit code (a phone showed
    every result on one 38,000 px page)."""
    query = request.GET.get("q", "").strip()[:60]
    results = selectors.published_results(year=_year(request))
    if query:
        results = results.filter(
            Q(check_record__employer_name__icontains=query) | Q(check_record__uscc__icontains=query)
        )
    page = bounded_page(results, page=page_number(request.GET))
    context = {"page": page, "q": query, "query": query_without_page(request.GET)}
    return render(request, "inspections/public/result_list.html", context)
