"""The portal's 行政执法统计年报 (国办发〔2018〕118号（六）: published by 31 January): the
published snapshots only, read through the supervision selectors; each number opens the list
of records it counts. Cached by ``fazhi.core.caching`` (kind ``supervision``, bumped when a
年报 is published or corrected)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from fazhi.supervision import selectors


def statistics_list(request):
    return render(request, "portal/statistics_list.html", {"rows": selectors.published_yearbooks()})


def _published(year: int):
    row = selectors.published_yearbook(year)
    if row is None:
        raise Http404("该年度统计年报尚未公布")
    return row


def statistics_year(request, year: int):
    row = _published(year)
    t = row.tables
    penalty = t["penalty"]
    cells = [(code, label, penalty["counts"].get(code, 0)) for code, label in penalty["types"]]
    context = {"row": row, "t": t, "cells": cells}
    return render(request, "portal/statistics_year.html", context)


def statistics_records(request, year: int, table: str):
    row = _published(year)
    t = row.tables
    labels = dict(t["penalty"]["types"])
    if table == "inspection":
        title, refs = "行政检查（现场检查）", t["inspection_records"]
    elif table in labels:
        title, refs = f"行政处罚：{labels[table]}", t["penalty"]["records"].get(table, [])
    else:
        raise Http404("没有该统计项")
    context = {"row": row, "title": title, "refs": refs}
    return render(request, "portal/statistics_records.html", context)
