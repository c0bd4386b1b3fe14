"""Reads for the annual report: drafts, figures with their year-on-year comparison, and the
records behind a figure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from fazhi.reports.domain.flow import Reminder, Status, reminder
from fazhi.reports.domain.layouts import FIGURE_TOKEN, displays, listed, render, token_key
from fazhi.reports.models import Report


def report_list() -> QuerySet[Report]:
    return Report.objects.select_related("drafted_by", "approved_by").order_by("-year", "layout")


def report_get(*, pk: int) -> Report:
    try:
        return report_list().get(pk=pk)
    except Report.DoesNotExist:
        raise Http404("未找到该报告") from None


def annual_reminder(today: date) -> tuple[Reminder, str] | None:
    """The previous year's report as a reminder (flow.reminder) with the page it opens: the
    furthest-along draft of that year, or the list where a draft is started."""
    drafts = list(report_list().filter(year=today.year - 1))
    # Status is declared in the order a report moves through it.
    order = list(Status)
    furthest = max(drafts, key=lambda r: order.index(Status(r.status)), default=None)
    due = reminder(today, None if furthest is None else Status(furthest.status))
    if due is None:
        return None
    return due, furthest.get_absolute_url() if furthest else reverse("reports:list")


def published_reports() -> QuerySet[Report]:
    """What the portal's 法治政府建设 column shows: frozen reports only."""
    return report_list().filter(status=Status.FROZEN)


def published_report(*, year: int) -> Report:
    report = published_reports().filter(year=year).first()
    if report is None:
        raise Http404("该年度报告尚未公布")
    return report


def previous_year_figures(report: Report) -> dict[str, dict]:
    """The same figures a year earlier, for the comparison beside each figure: the frozen report
    of that year when there is one, else computed from the records."""
    frozen = published_reports().filter(year=report.year - 1).first()
    if frozen is not None:
        return frozen.figures
    from fazhi.reports.services import snapshot

    return snapshot(report.year - 1)


def plain_text(report: Report) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) with every figure written out, for the document and the portal."""
    shown = displays(report.figures)
    return [
        (section["heading"], [render(p, shown) for p in section["paragraphs"]])
        for section in report.sections
    ]


@dataclass(frozen=True)
class Piece:
    """A paragraph cut into text and figures, for the staff page (figures open their records)."""

    text: str
    figure: dict | None = None


def pieces(paragraph: str, figures: dict[str, dict]) -> list[Piece]:
    out: list[Piece] = []
    last = 0
    for match in FIGURE_TOKEN.finditer(paragraph):
        out.append(Piece(paragraph[last : match.start()]))
        figure = figures.get(match.group(1)) or {
            "key": match.group(1),
            "display": "（未知数字）",
            "missing": "没有该数字的定义",
        }
        if token_key(match) != match.group(1):  # the records named, opening the same figure
            figure = {**figure, "display": listed(figure)}
        out.append(Piece("", figure))
        last = match.end()
    out.append(Piece(paragraph[last:]))
    return [p for p in out if p.text or p.figure]


# Staff pages of records whose models have no get_absolute_url.
_PAGES = {
    "officers.officer": "officers:officer_detail",
    "powers.poweritem": "powers:item_detail",
    "services.serviceitem": "services:item_detail",
}


def _url(label: str, obj) -> str:
    if obj is None:
        return ""
    if hasattr(obj, "get_absolute_url"):
        return obj.get_absolute_url()
    if label in _PAGES:
        return reverse(_PAGES[label], args=[obj.pk])
    return ""


def record_links(figure: dict) -> list[dict]:
    """The records behind a figure, each with the staff page it opens (when the model has one)."""
    by_model: dict[str, list[dict]] = {}
    for record in figure.get("records", []):
        by_model.setdefault(record["model"], []).append(record)
    links = []
    for label, rows in by_model.items():
        model = apps.get_model(label)
        objects = model._default_manager.in_bulk([r["id"] for r in rows])
        for row in rows:
            obj = objects.get(row["id"])
            url = (
                obj.get_absolute_url()
                if obj is not None and hasattr(obj, "get_absolute_url")
                else ""
            )
            links.append({"label": row["label"], "url": url, "exists": obj is not None})
    return links
