"""Staff pages of 执法监督: the warnings a user may see. Thin: reads through selectors; the
scan is a service (run daily by `fazhi supervision scan`, or from this page by 法规处)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.models import OrgUnit, User
from fazhi.accounts.permissions import (
    SUPERVISION_OVERSEE,
    SUPERVISION_REVIEW_MANAGE,
    SUPERVISION_REVIEW_SCORE,
    SUPERVISION_SCAN,
    allowed,
)
from fazhi.core.domain.errors import Refused
from fazhi.enforcement import selectors as enforcement_selectors
from fazhi.enforcement.models import Case
from fazhi.supervision import jobs as scan_jobs
from fazhi.supervision import selectors, services
from fazhi.supervision.documents import campaign_report_docx
from fazhi.supervision.domain import scoring
from fazhi.supervision.domain.scoring import GRADE_LABELS
from fazhi.supervision.domain.warnings import LEVEL_LABELS, NOT_EVALUATED, RULES
from fazhi.supervision.exports import yearbook_xlsx
from fazhi.supervision.models import Campaign, PushItem, ReviewFile, ScanRun, Warning


@login_required
def warning_list(request):
    status = request.GET.get("status", Warning.Status.OPEN)
    if status not in (Warning.Status.OPEN, Warning.Status.CLOSED, ""):
        status = Warning.Status.OPEN
    rule = request.GET.get("rule", "")
    if rule and rule not in RULES:
        rule = ""
    rows = list(selectors.warnings_for(request.user, status=status or None, rule=rule)[:500])
    for w in rows:
        w.url = selectors.subject_url(w)
        w.level_label = LEVEL_LABELS[w.level]
    context = {
        "warnings": rows,
        "status": status,
        "rule": rule,
        "rules": [(code, r, NOT_EVALUATED.get(code, "")) for code, r in RULES.items()],
        "counts": selectors.open_counts_by_rule(request.user),
        "can_scan": allowed(request.user, SUPERVISION_SCAN),
        "last_run": ScanRun.objects.filter(finished_at__isnull=False).first(),
        "scan_job": scan_jobs.current() if allowed(request.user, SUPERVISION_SCAN) else None,
        # typed case and arrears step dates flagged 疑似倒签 / 补录掩盖超期 (issue 18.5), on the
        # cases the user sees
        "date_flags": enforcement_selectors.flagged_typed_dates(user=request.user),
        "push_pending": PushItem.objects.filter(status=PushItem.Status.PENDING).order_by(
            "created_at"
        )[:50]
        if allowed(request.user, SUPERVISION_SCAN)
        else None,
    }
    return render(request, "supervision/warnings.html", context)


@login_required
@require_POST
def warning_scan(request):
    """Start the scan as a background job (one at a time) and show its progress."""
    try:
        job = scan_jobs.start(actor=request.user)
    except (Refused, PermissionDenied) as exc:
        messages.error(request, str(exc))
        return redirect("supervision:warnings")
    return redirect("core:job_detail", pk=job.pk)


# --- 案卷评查 ------------------------------------------------------------------------------------


def _refusal(request, exc) -> None:
    messages.error(request, str(exc))


@login_required
def campaign_list(request):
    if not (
        allowed(request.user, SUPERVISION_REVIEW_MANAGE)
        or allowed(request.user, SUPERVISION_REVIEW_SCORE)
    ):
        raise PermissionDenied("您没有查看案卷评查的权限。")
    can_manage = allowed(request.user, SUPERVISION_REVIEW_MANAGE)
    campaigns = Campaign.objects.order_by("-year", "-pk")
    context = {
        "campaigns": campaigns,
        # linked only where campaign_detail opens: to its organisers and its reviewers
        "openable": set(
            (campaigns if can_manage else campaigns.filter(reviewers=request.user)).values_list(
                "pk", flat=True
            )
        ),
        "can_manage": can_manage,
        "reviewers": User.objects.filter(is_active=True, groups__isnull=False)
        .distinct()
        .order_by("username"),
        "my_files": ReviewFile.objects.filter(
            reviewers=request.user,
            submitted_at__isnull=True,
            campaign__status=Campaign.Status.SCORING,
        ).select_related("case", "campaign"),
        "this_year": timezone.localdate().year,
    }
    return render(request, "supervision/campaigns.html", context)


@login_required
@require_POST
def campaign_create(request):
    try:
        year = int(request.POST.get("year", ""))
        case_year = int(request.POST.get("case_year", ""))
    except ValueError:
        messages.error(request, "请填写年度")
        return redirect("supervision:campaigns")
    reviewers = User.objects.filter(pk__in=request.POST.getlist("reviewers"))
    try:
        c = services.review_campaign_create(
            year=year,
            title=request.POST.get("title", ""),
            case_year=case_year,
            share=request.POST.get("share", ""),
            reviewers=reviewers,
            actor=request.user,
        )
    except (Refused, PermissionDenied) as exc:
        _refusal(request, exc)
        return redirect("supervision:campaigns")
    return redirect("supervision:campaign", c.pk)


@login_required
def campaign_detail(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    if not (
        allowed(request.user, SUPERVISION_REVIEW_MANAGE)
        or campaign.reviewers.filter(pk=request.user.pk).exists()
    ):
        raise PermissionDenied("您没有查看该评查活动的权限。")
    context = {
        "campaign": campaign,
        "r": selectors.campaign_results(campaign),
        "can_manage": allowed(request.user, SUPERVISION_REVIEW_MANAGE),
        "grade_labels": GRADE_LABELS,
    }
    return render(request, "supervision/campaign.html", context)


@login_required
@require_POST
def campaign_action(request, pk: int, action: str):
    campaign = get_object_or_404(Campaign, pk=pk)
    try:
        if action == "draw":
            services.review_campaign_draw(campaign=campaign, actor=request.user)
            messages.success(request, "已抽取案卷并分配评查人员。")
        elif action == "close":
            services.review_campaign_close(campaign=campaign, actor=request.user)
            messages.success(request, "评查活动已结束。")
        else:
            raise Http404
    except (Refused, PermissionDenied) as exc:
        _refusal(request, exc)
    return redirect("supervision:campaign", campaign.pk)


@login_required
def campaign_report(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    if not allowed(request.user, SUPERVISION_REVIEW_MANAGE):
        raise PermissionDenied("您没有下载评查通报的权限。")
    data = campaign_report_docx(campaign)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(campaign.title)}.docx"
    return response


@login_required
def file_detail(request, pk: int):
    f = get_object_or_404(ReviewFile.objects.select_related("campaign", "case", "org_unit"), pk=pk)
    is_reviewer = f.reviewers.filter(pk=request.user.pk).exists()
    if not (is_reviewer or allowed(request.user, SUPERVISION_REVIEW_MANAGE)):
        raise PermissionDenied("您不是本案卷的评查人员。")
    sheet = scoring.parse_sheet(f.campaign.sheet)
    deductions = {d.item_code: d for d in f.deductions.all()}
    sections: dict = {}
    for item in sheet.items:
        sections.setdefault(item.section, []).append((item, deductions.get(item.code)))
    context = {
        "f": f,
        "sheet": sheet,
        "sections": sections.items(),
        "gaps": selectors.case_file_gaps(f.case),
        "can_score": is_reviewer and f.campaign.status == Campaign.Status.SCORING,
        "can_manage": allowed(request.user, SUPERVISION_REVIEW_MANAGE),
        "grade_label": GRADE_LABELS.get(f.grade, ""),
    }
    return render(request, "supervision/file.html", context)


@login_required
@require_POST
def file_action(request, pk: int, action: str):
    f = get_object_or_404(ReviewFile, pk=pk)
    p = request.POST
    try:
        if action == "score":
            services.review_score_item(
                file=f,
                item_code=p.get("item", ""),
                deducted=p.get("deducted", "0") or "0",
                note=p.get("note", ""),
                actor=request.user,
            )
        elif action == "veto":
            services.review_veto(
                file=f, codes=p.getlist("veto"), note=p.get("note", ""), actor=request.user
            )
        elif action == "submit":
            services.review_file_submit(file=f, actor=request.user)
            messages.success(request, "评查结果已提交。")
        elif action == "rectify":
            try:
                due = date.fromisoformat(p.get("due_on", ""))
            except ValueError:
                raise Refused("请填写整改期限", scoring.BASIS, code="review_due_missing") from None
            services.review_rectification_create(
                file=f, problem=p.get("problem", ""), due_on=due, actor=request.user
            )
            messages.success(request, "已下达整改任务。")
        else:
            raise Http404
    except (Refused, PermissionDenied) as exc:
        _refusal(request, exc)
    return redirect("supervision:file", f.pk)


# --- 行政执法统计年报 ----------------------------------------------------------------------------


@login_required
def yearbook(request):
    if not (
        allowed(request.user, SUPERVISION_REVIEW_MANAGE)
        or allowed(request.user, SUPERVISION_OVERSEE)
    ):
        raise PermissionDenied("您没有查看行政执法统计年报的权限。")
    try:
        year = int(request.GET.get("year") or timezone.localdate().year - 1)
    except ValueError:
        year = timezone.localdate().year - 1
    data = selectors.yearbook(year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            yearbook_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = quote(f"{year}年度行政执法统计年报.xlsx")
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
        return response
    show = request.GET.get("show", "")
    rows = [(code, label, data["penalty"].counts[code]) for code, label in data["types"]]
    records = data["penalty"].records.get(show) if show else None
    if show == "inspection":
        records = data["inspection_records"]
    cases = {}
    if records:
        cases = {c.reference: c for c in Case.objects.filter(reference__in=records)}
    context = {
        "d": data,
        "rows": rows,
        "show": show,
        "records": [(ref, cases.get(ref)) for ref in (records or [])],
        "years": range(timezone.localdate().year, 2014, -1),
        "published": selectors.published_yearbook(year),
        "can_publish": allowed(request.user, SUPERVISION_OVERSEE)
        and year < timezone.localdate().year,
    }
    return render(request, "supervision/yearbook.html", context)


@login_required
@require_POST
def yearbook_publish(request, year: int):
    try:
        row = services.yearbook_publish(
            year=year,
            actor=request.user,
            correction_note=request.POST.get("correction_note", "")[:2000],
        )
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{row}已在门户网站公布（第{row.version}版）。")
    return redirect(f"{reverse('supervision:yearbook')}?year={year}")


# --- 驾驶舱 -------------------------------------------------------------------------------------


@login_required
def dashboard(request):
    if not (allowed(request.user, SUPERVISION_OVERSEE)):
        raise PermissionDenied("驾驶舱供局领导和法规处使用。")
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = today.year
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = OrgUnit.objects.filter(pk=int(request.GET["unit"])).first()
    charts = selectors.dashboard(user=request.user, year=year, unit=unit, today=today)
    for c in charts:
        c["table"] = list(zip(c["rows"], c["links"], strict=False))
    context = {
        "charts": charts,
        "chart_data": [
            {k: c[k] for k in ("id", "title", "kind", "columns", "rows", "plot") if k in c}
            for c in charts
        ],
        "year": year,
        "unit": unit,
        "units": OrgUnit.objects.order_by("path"),
        "years": range(today.year, 2014, -1),
    }
    return render(request, "supervision/dashboard.html", context)


@login_required
def dashboard_cases(request):
    if not allowed(request.user, SUPERVISION_OVERSEE):
        raise PermissionDenied("驾驶舱供局领导和法规处使用。")
    g = request.GET
    year = int(g["year"]) if g.get("year", "").isdigit() else timezone.localdate().year
    month = int(g["month"]) if g.get("month", "").isdigit() else None
    unit = (
        OrgUnit.objects.filter(pk=int(g["unit"])).first() if g.get("unit", "").isdigit() else None
    )
    cases = selectors.dashboard_cases(user=request.user, year=year, month=month, unit=unit)[:1000]
    context = {"cases": cases, "year": year, "month": month, "unit": unit}
    return render(request, "supervision/dashboard_cases.html", context)


@login_required
def dashboard_disputes(request):
    """The 复议 or 应诉 records behind a row of the 纠错率 / 败诉率 charts."""
    if not allowed(request.user, SUPERVISION_OVERSEE):
        raise PermissionDenied("驾驶舱供局领导和法规处使用。")
    g = request.GET
    year = int(g["year"]) if g.get("year", "").isdigit() else timezone.localdate().year
    kind = "litigation" if g.get("kind") == "litigation" else "reconsideration"
    unit = (
        OrgUnit.objects.filter(pk=int(g["unit"])).first() if g.get("unit", "").isdigit() else None
    )
    rows = selectors.dashboard_disputes(user=request.user, kind=kind, year=year, unit=unit)[:1000]
    context = {"rows": rows, "kind": kind, "year": year, "unit": unit}
    return render(request, "supervision/dashboard_disputes.html", context)
