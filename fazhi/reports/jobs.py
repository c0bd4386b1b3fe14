"""Drafting the annual report as a background job (issue 24; ``fazhi.core.services.jobs``).

Every figure is a query over a year of records, which takes a while on a city's data: the page
starts the job and shows its progress (one step per figure); the result is the new draft, with its
.docx as the job's file."""

from __future__ import annotations

from pathlib import Path

from fazhi.core.domain.errors import Refused
from fazhi.reports import services
from fazhi.reports.documents import report_docx
from fazhi.reports.domain.layouts import LAYOUTS

KIND = "reports.draft"


def params_and_key(*, year: str, layout: str) -> tuple[dict, str]:
    """The job's parameters and its key: one draft per year and layout, so a second click (or a
    second clerk) returns the job already started."""
    try:
        year_number = int(year)
    except (TypeError, ValueError):
        raise Refused("请选择年度。", code="bad_year") from None
    if layout not in LAYOUTS:
        raise Refused("请选择报告格式。", code="unknown_layout")
    return {"year": year_number, "layout": layout}, f"{KIND}:{year_number}:{layout}"


def draft(*, job, workdir: Path, progress):
    report = services.report_draft(
        year=job.params["year"],
        layout=job.params["layout"],
        actor=job.created_by,
        progress=progress,
    )
    name = f"{report.year}年法治政府建设情况报告（初稿）.docx"
    (workdir / name).write_bytes(
        report_docx(
            title=report.title,
            opening=report.opening,
            sections=report.sections,
            figures=report.figures,
            day=report.created_at.date(),
        )
    )
    missing = sum(1 for f in report.figures.values() if f["value"] is None)
    text = f"已生成{report.year}年报告初稿：{len(report.figures)}项数字取自记录" + (
        f"，其中{missing}项缺少记录，已在文中注明。" if missing else "。"
    )
    return (
        workdir / name,
        name,
        {"report": report.pk, "url": report.get_absolute_url(), "text": text},
    )
