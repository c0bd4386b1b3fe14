"""Staff pages of the annual report. Thin: each action calls one service and translates its
refusal; what a page may offer comes from accounts.permissions."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import (
    REPORTS_APPROVE,
    REPORTS_COMMENT,
    REPORTS_DRAFT,
    REPORTS_FOLLOW,
    allowed,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import jobs
from fazhi.reports import selectors, services
from fazhi.reports.documents import annex_csv, annex_json, report_docx
from fazhi.reports.domain.flow import EDITABLE, Status, publication_due, submission_due
from fazhi.reports.domain.layouts import LAYOUTS, prompts
from fazhi.reports.jobs import KIND, params_and_key


def _staff(user) -> None:
    if not allowed(user, REPORTS_COMMENT) and not allowed(user, REPORTS_DRAFT):
        raise PermissionDenied("您没有查看年度报告的权限。")


@login_required
def report_list(request):
    _staff(request.user)
    reports = selectors.report_list()
    this_year = timezone.localdate().year
    context = {
        "reports": reports,
        "layouts": LAYOUTS.values(),
        "years": range(this_year - 1, this_year - 8, -1),
        "can_draft": allowed(request.user, REPORTS_DRAFT),
        # The reminder is for those who answer for the report (法规处 and the head), as on 待办.
        "reminder": (
            selectors.annual_reminder(timezone.localdate())
            if allowed(request.user, REPORTS_FOLLOW)
            else None
        ),
    }
    return render(request, "reports/list.html", context)


@login_required
@require_POST
def report_create(request):
    """Start drafting as a background job; its page shows the progress and opens the draft."""
    try:
        params, key = params_and_key(
            year=request.POST.get("year", ""), layout=request.POST.get("layout", "default")
        )
        job = jobs.job_start(kind=KIND, params=params, key=key, actor=request.user)
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect("reports:list")
    return redirect("core:job_detail", pk=job.pk)


@login_required
def report_detail(request, pk: int):
    _staff(request.user)
    report = selectors.report_get(pk=pk)
    previous = selectors.previous_year_figures(report)
    sections = [
        {
            **section,
            "rendered": [selectors.pieces(p, report.figures) for p in section["paragraphs"]],
            "text": "\n\n".join(section["paragraphs"]),
            "comments": [c for c in report.comments.all() if c.section_key == section["key"]],
            "prompts": sum(len(prompts(p)) for p in section["paragraphs"]),
        }
        for section in report.sections
    ]
    rows = [
        {
            "key": key,
            **figure,
            "previous": previous.get(key),
            "pending": report.pending.get(key),
        }
        for key, figure in sorted(report.figures.items(), key=lambda kv: kv[1]["title"])
    ]
    editable = report.status in EDITABLE
    context = {
        "report": report,
        "sections": sections,
        "figures": rows,
        "editing": request.GET.get("edit", ""),
        "can_draft": allowed(request.user, REPORTS_DRAFT) and editable,
        "can_comment": allowed(request.user, REPORTS_COMMENT)
        and report.status == Status.COMMENTING,
        "can_approve": allowed(request.user, REPORTS_APPROVE) and editable,
        "can_freeze": allowed(request.user, REPORTS_DRAFT) and report.status == Status.APPROVED,
        "submission_due": submission_due(report.year),
        "publication_due": publication_due(report.year),
    }
    return render(request, "reports/detail.html", context)


@login_required
def figure_records(request, pk: int, key: str):
    _staff(request.user)
    report = selectors.report_get(pk=pk)
    figure = report.figures.get(key)
    if figure is None:
        raise selectors.Http404("报告中没有该数字")
    context = {"report": report, "figure": figure, "links": selectors.record_links(figure)}
    return render(request, "reports/figure.html", context)


ACTIONS = {
    "refresh": services.report_refresh,
    "accept": services.report_accept_changes,
    "send": services.report_send_for_comment,
    "approve": services.report_approve,
    "freeze": services.report_freeze,
}
DONE = {
    "accept": "已采用最新数字。",
    "send": "已送各处室征求意见。",
    "approve": "已审定。",
    "freeze": "已定稿：数字与正文已固定，并记录内容哈希。",
}


@login_required
@require_POST
def report_action(request, pk: int, action: str):
    report = selectors.report_get(pk=pk)
    service = ACTIONS.get(action)
    if service is None:
        raise selectors.Http404("未知操作")
    try:
        result = service(report=report, actor=request.user)
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect(report)
    if action == "refresh":
        messages.success(
            request,
            f"数字已重新核对：{len(result)}项有变化，请在右侧确认。"
            if result
            else "数字已重新核对，没有变化。",
        )
    else:
        messages.success(request, DONE[action])
    return redirect(report)


@login_required
@require_POST
def section_edit(request, pk: int, key: str):
    report = selectors.report_get(pk=pk)
    paragraphs = request.POST.get("text", "").replace("\r\n", "\n").split("\n\n")
    try:
        services.report_edit_section(
            report=report, section_key=key, paragraphs=paragraphs, actor=request.user
        )
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect(f"{report.get_absolute_url()}?edit={key}#{key}")
    messages.success(request, "已保存。")
    return redirect(f"{report.get_absolute_url()}#{key}")


@login_required
@require_POST
def section_comment(request, pk: int, key: str):
    report = selectors.report_get(pk=pk)
    try:
        services.report_comment(
            report=report, section_key=key, text=request.POST.get("text", ""), actor=request.user
        )
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "意见已提交。")
    return redirect(f"{report.get_absolute_url()}#{key}")


@login_required
def report_download(request, pk: int, fmt: str):
    _staff(request.user)
    report = selectors.report_get(pk=pk)
    stem = f"{report.year}年法治政府建设情况报告"
    if fmt == "docx":
        content = report_docx(
            title=report.title,
            opening=report.opening,
            sections=report.sections,
            figures=report.figures,
            day=(report.approved_at or timezone.now()).date(),
        )
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    elif fmt == "json":
        content = annex_json(
            year=report.year,
            layout=report.layout,
            figures=report.figures,
            sha256=report.content_sha256,
        ).encode()
        kind, stem = "application/json", stem + "（数字附件）"
    elif fmt == "csv":
        content = annex_csv(figures=report.figures).encode()
        kind, stem = "text/csv", stem + "（数字附件）"
    else:
        raise selectors.Http404("未知格式")
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(stem)}.{fmt}"
    return response
