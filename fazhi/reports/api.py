"""JSON API at /api/v1/reports: the year's figures with their records, and the drafts. Domain
errors propagate to the handlers in fazhi/api.py."""

from __future__ import annotations

from django.utils import timezone
from ninja import Field as NinjaField
from ninja import Query, Router, Schema, Status

from fazhi.accounts.auth import api_auth
from fazhi.accounts.permissions import REPORTS_COMMENT, require
from fazhi.core.api.problems import Problem
from fazhi.core.domain.errors import Refused
from fazhi.reports import selectors, services
from fazhi.reports.models import Report
from fazhi.reports.schemas import (
    ReportChangeOut,
    ReportDraftIn,
    ReportFiguresOut,
    ReportOut,
    ReportSectionIn,
)


class BadYear(Refused):
    default_code, status = "bad_year", 422


router = Router(tags=["reports"], auth=api_auth)
ERRORS = {401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem}


class ReportYearQuery(Schema):
    year: int = NinjaField(..., ge=2000, le=2100)


def _out(report: Report) -> dict:
    return {
        "id": report.pk,
        "year": report.year,
        "layout": report.layout,
        "title": report.title,
        "status": report.status,
        "status_label": report.status_label,
        "opening": report.opening,
        "sections": report.sections,
        "figures": [report.figures[k] for k in sorted(report.figures)],
        "pending": [report.pending[k] for k in sorted(report.pending)],
        "content_sha256": report.content_sha256,
    }


@router.get(
    "/figures",
    response={200: ReportFiguresOut, **ERRORS},
    operation_id="reports_figures",
    summary="某年度报告的全部数字：数值、统计口径、来源记录（或缺少的记录）",
)
def figures(request, query: Query[ReportYearQuery]):
    require(request.auth, REPORTS_COMMENT)
    if query.year > timezone.localdate().year:
        # raised, not answered by hand: fazhi/api.py writes it as application/problem+json,
        # the content type the schema documents for every error
        raise BadYear("年度不正确：年度不能晚于今年")
    snapshot = services.snapshot(query.year)
    return {"year": query.year, "figures": [snapshot[k] for k in sorted(snapshot)]}


@router.get(
    "/", response={200: list[ReportOut], **ERRORS}, operation_id="reports_list", summary="全部报告"
)
def report_list(request):
    require(request.auth, REPORTS_COMMENT)
    return [_out(r) for r in selectors.report_list()]


@router.post(
    "/",
    response={201: ReportOut, **ERRORS},
    operation_id="reports_draft",
    summary="生成年度报告初稿",
)
def report_draft(request, payload: ReportDraftIn):
    report = services.report_draft(year=payload.year, layout=payload.layout, actor=request.auth)
    return Status(201, _out(report))


@router.get(
    "/{report_id}",
    response={200: ReportOut, **ERRORS},
    operation_id="reports_get",
    summary="一份报告",
)
def report_get(request, report_id: int):
    require(request.auth, REPORTS_COMMENT)
    return _out(selectors.report_get(pk=report_id))


@router.put(
    "/{report_id}/sections/{key}",
    response={200: ReportOut, **ERRORS},
    operation_id="reports_section_edit",
    summary="修改一部分的正文（[[…]] 为取自记录的数字）",
)
def section_edit(request, report_id: int, key: str, payload: ReportSectionIn):
    report = services.report_edit_section(
        report=selectors.report_get(pk=report_id),
        section_key=key,
        paragraphs=payload.paragraphs,
        actor=request.auth,
    )
    return _out(report)


@router.post(
    "/{report_id}/refresh",
    response={200: list[ReportChangeOut], **ERRORS},
    operation_id="reports_refresh",
    summary="重新核对数字，返回有变化的数字（待确认）",
)
def refresh(request, report_id: int):
    changes = services.report_refresh(report=selectors.report_get(pk=report_id), actor=request.auth)
    return [{"key": k, "before": b, "after": a} for k, b, a in changes]


def _action(name: str, service, summary: str) -> None:
    @router.post(
        f"/{{report_id}}/{name}",
        response={200: ReportOut, **ERRORS},
        operation_id=f"reports_{name}",
        summary=summary,
    )
    def act(request, report_id: int):
        return _out(service(report=selectors.report_get(pk=report_id), actor=request.auth))


_action("accept", services.report_accept_changes, "采用重新核对后的数字")
_action("send", services.report_send_for_comment, "送各处室征求意见")
_action("approve", services.report_approve, "主要负责人审定")
_action("freeze", services.report_freeze, "定稿（固定数字与正文并记录哈希）")
