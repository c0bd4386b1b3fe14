"""Writes for the annual report: draft, refresh and accept figures, edit, comment, send for
comment, approve, freeze. Each checks the actor on the report (accounts.permissions) and writes
an audit event; a refusal writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import (
    REPORTS_APPROVE,
    REPORTS_COMMENT,
    REPORTS_DRAFT,
    require,
)
from fazhi.core.caching import bump
from fazhi.core.documents import agency_name
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.figures import differences
from fazhi.core.selectors import figures as registry
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_open_fixed
from fazhi.planning.domain.duties import next_year_paragraphs
from fazhi.planning.selectors import next_year_lines, principal_on
from fazhi.reports.domain.flow import (
    EDITABLE,
    Status,
    content_hash,
    publication_due,
    submission_due,
)
from fazhi.reports.domain.layouts import LAYOUTS, fill, prompts
from fazhi.reports.models import Report, ReportComment

BASIS = "《法治政府建设与责任落实督察工作规定》"
MAX_PARAGRAPH = 4000


def _bureau() -> OrgUnit | None:
    return OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()


def snapshot(year: int, progress: Callable[[int, int], None] | None = None) -> dict[str, dict]:
    return {key: v.as_dict() for key, v in registry.compute_all(year, progress).items()}


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


def _editable(report: Report) -> None:
    if report.status not in EDITABLE:
        raise Refused(f"报告{report.status_label}，不能再修改", code="report_not_editable")


def _paragraphs(section, *, year: int, agency: str) -> list[str]:
    """A section's opening paragraphs; 下一年度安排 starts from the next year's plan tasks
    (planning: the bureau's 法治建设工作要点), and keeps its prompt when there is no plan yet."""
    if section.key == "next_year":
        lines = next_year_lines(year=year + 1)
        if lines:
            return next_year_paragraphs(year + 1, lines)
    return [fill(p, year=year, agency=agency) for p in section.paragraphs]


@transaction.atomic
def report_draft(
    *,
    year: int,
    layout: str,
    actor,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """The year's draft in ``layout``, generated from the records. Refused when a draft in that
    layout exists (refresh it instead) or the year has no records at all."""
    require(actor, REPORTS_DRAFT)
    if layout not in LAYOUTS:
        raise Refused(f"未知的报告格式：{layout}", code="unknown_layout")
    if not 2000 <= year <= timezone.localdate().year:
        raise Refused(f"年度不正确：{year}", code="bad_year")
    if Report.objects.filter(year=year, layout=layout).exists():
        raise Refused(f"{year}年该格式的报告已经存在，请在原稿上更新数字", code="report_exists")
    figures = snapshot(year, progress)
    if not any(f["value"] not in (None, "0") for f in figures.values()):
        raise Refused(f"{year}年没有任何可用于报告的记录", code="no_records")
    spec, agency = LAYOUTS[layout], agency_name()
    report = Report.objects.create(
        year=year,
        layout=layout,
        title=f"{agency}{year}年法治政府建设情况报告",
        opening=fill(spec.opening, year=year, agency=agency),
        sections=[
            {
                "key": s.key,
                "heading": fill(s.heading, year=year),
                "paragraphs": _paragraphs(s, year=year, agency=agency),
            }
            for s in spec.sections
        ],
        figures=figures,
        figures_checked_at=timezone.now(),
        drafted_by=audit.person(actor),
    )
    # 报送 by 1 March, 公开 by 1 April of the next year (工作规定 第二十四条).
    bureau = _bureau()
    for code, title, due in (
        ("report.submission", "年度法治政府建设报告报送", submission_due(year)),
        ("report.publication", "年度法治政府建设报告公开", publication_due(year)),
    ):
        deadline_open_fixed(
            subject=report,
            rule_code=code,
            title=title,
            start=date(year + 1, 1, 1),  # the reporting period opens when the year ends
            due=due,
            actor=actor,
            owner=audit.person(actor),
            org_unit=bureau,
            basis=BASIS,
        )
    missing = sorted(k for k, f in figures.items() if f["value"] is None)
    audit.record(
        actor=actor,
        action="reports.report.draft",
        target=report,
        data={"year": year, "layout": layout, "figures": len(figures), "missing": missing},
    )
    return report


@transaction.atomic
def report_refresh(*, report: Report, actor) -> list[tuple[str, str, str]]:
    """Re-run every figure; changes are kept aside as differences to accept, never applied
    silently. Returns (key, old, new) for each change."""
    report = _locked(report)
    require(actor, REPORTS_DRAFT)
    _editable(report)
    fresh = snapshot(report.year)
    changes = differences(report.figures, fresh)
    report.pending = {key: fresh[key] for key, _, _ in changes}
    report.figures_checked_at = timezone.now()
    report.save(update_fields=["pending", "figures_checked_at", "updated_at"])
    audit.record(
        actor=actor,
        action="reports.report.refresh",
        target=report,
        data={"changes": [list(c) for c in changes]},
    )
    return changes


@transaction.atomic
def report_accept_changes(*, report: Report, actor) -> Report:
    report = _locked(report)
    require(actor, REPORTS_DRAFT)
    _editable(report)
    if not report.pending:
        raise Refused("没有待确认的数字变化", code="nothing_pending")
    accepted = sorted(report.pending)
    report.figures = {**report.figures, **report.pending}
    report.pending = {}
    report.save(update_fields=["figures", "pending", "updated_at"])
    audit.record(
        actor=actor, action="reports.report.accept", target=report, data={"keys": accepted}
    )
    return report


@transaction.atomic
def report_edit_section(
    *, report: Report, section_key: str, paragraphs: list[str], actor
) -> Report:
    """Replace the prose of one section; figure tokens stay live."""
    report = _locked(report)
    require(actor, REPORTS_DRAFT)
    _editable(report)
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    if not paragraphs:
        raise Refused("每一部分至少需要一段文字", code="empty_section")
    if any(len(p) > MAX_PARAGRAPH for p in paragraphs):
        raise Refused(f"每段不超过{MAX_PARAGRAPH}字", code="paragraph_too_long")
    sections = [dict(s) for s in report.sections]
    for section in sections:
        if section["key"] == section_key:
            section["paragraphs"] = paragraphs
            break
    else:
        raise Refused("报告中没有这一部分", code="unknown_section")
    report.sections = sections
    report.save(update_fields=["sections", "updated_at"])
    audit.record(
        actor=actor,
        action="reports.report.edit",
        target=report,
        data={"section": section_key, "paragraphs": len(paragraphs)},
    )
    return report


@transaction.atomic
def report_send_for_comment(*, report: Report, actor) -> Report:
    report = _locked(report)
    require(actor, REPORTS_DRAFT)
    if report.status != Status.DRAFT:
        raise Refused("只有起草中的报告可以征求处室意见", code="illegal_transition")
    report.status = Status.COMMENTING
    report.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, action="reports.report.send_for_comment", target=report)
    return report


@transaction.atomic
def report_comment(*, report: Report, section_key: str, text: str, actor) -> ReportComment:
    require(actor, REPORTS_COMMENT)
    report = _locked(report)
    if report.status != Status.COMMENTING:
        raise Refused("报告不在征求意见阶段", code="not_commenting")
    text = text.strip()
    if not text or len(text) > MAX_PARAGRAPH:
        raise Refused(f"意见不能为空，且不超过{MAX_PARAGRAPH}字", code="bad_comment")
    if section_key not in {s["key"] for s in report.sections}:
        raise Refused("报告中没有这一部分", code="unknown_section")
    comment = ReportComment.objects.create(
        report=report,
        section_key=section_key,
        org_unit=actor.org_unit if actor.org_unit_id else None,
        author=actor,
        text=text,
    )
    audit.record(
        actor=actor, action="reports.report.comment", target=report, data={"section": section_key}
    )
    return comment


@transaction.atomic
def report_approve(*, report: Report, actor) -> Report:
    """The 主要负责人 (第一责任人) in office approves; nothing may be left to fill in and no
    figure change may be waiting."""
    report = _locked(report)
    require(actor, REPORTS_APPROVE)
    bureau = _bureau()
    principal = principal_on(org_unit=bureau, day=timezone.localdate()) if bureau else None
    if principal is None or principal.user_id != actor.pk:
        raise Refused(
            "年度报告由主要负责人（法治建设第一责任人）审定",
            BASIS + "；党政主要负责人履行推进法治建设第一责任人职责规定",
            code="not_principal",
        )
    if report.status not in EDITABLE:
        raise Refused(f"报告{report.status_label}，不能审定", code="illegal_transition")
    if report.pending:
        raise Refused("有数字变化尚未确认，请法规处先确认后再审定", code="figures_pending")
    open_prompts = [p for s in report.sections for para in s["paragraphs"] for p in prompts(para)]
    if open_prompts:
        raise Refused(
            f"报告还有{len(open_prompts)}处待填写内容（如存在的不足及其原因）",
            BASIS,
            code="prompts_open",
        )
    report.status = Status.APPROVED
    report.approved_by = actor
    report.approved_at = timezone.now()
    report.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    audit.record(actor=actor, action="reports.report.approve", target=report)
    return report


@transaction.atomic
def report_freeze(*, report: Report, actor) -> Report:
    """定稿: the figures and the prose are kept as they are and hashed; a later change of the
    records does not alter the frozen report."""
    report = _locked(report)
    require(actor, REPORTS_DRAFT)
    if report.status != Status.APPROVED:
        raise Refused("报告须经主要负责人审定后才能定稿", code="not_approved")
    report.status = Status.FROZEN
    report.frozen_at = timezone.now()
    report.content_sha256 = content_hash(
        [{"key": "opening", "paragraphs": [report.opening]}, *report.sections], report.figures
    )
    report.save(update_fields=["status", "frozen_at", "content_sha256", "updated_at"])
    bump("reports")  # the portal's 法治政府建设 column shows it from now on
    audit.record(
        actor=actor,
        action="reports.report.freeze",
        target=report,
        data={"sha256": report.content_sha256},
    )
    return report
