"""The portal's 法治政府建设 column: frozen reports only (工作规定 第二十四条: published by 1 April)."""

from __future__ import annotations

from django.shortcuts import render

from fazhi.reports import selectors


def public_list(request):
    return render(request, "reports/public_list.html", {"reports": selectors.published_reports()})


def public_detail(request, year: int):
    report = selectors.published_report(year=year)
    context = {"report": report, "sections": selectors.plain_text(report)}
    return render(request, "reports/public_detail.html", context)
