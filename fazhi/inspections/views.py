"""Staff pages (/staff/inspections/): item list, directory with import, plans and their draws
(commit → draw → reveal as separate buttons), checks with result entry, coverage per item."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import INSPECTIONS_ENTER_RESULTS, INSPECTIONS_MANAGE, allowed
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.inspections import selectors
from fazhi.inspections.models import Check, CheckResult, Draw, InspectionPlan
from fazhi.inspections.services import checks as check_services
from fazhi.inspections.services import draws as draw_services
from fazhi.inspections.services.directory import employer_import

FAILURES = (Refused, PermissionDenied, CalendarDataMissing)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Refused("日期格式不正确") from None


def _optional_day(value: str) -> date | None:
    return _day(value) if value.strip() else None


@login_required
def index(request):
    context = {
        "items": selectors.item_list(),
        "plans": selectors.plan_list(),
        "draws": selectors.draw_list()[:50],
        "can_manage": allowed(request.user, INSPECTIONS_MANAGE),
    }
    return render(request, "inspections/index.html", context)


@login_required
def directory(request):
    errors = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "请选择 CSV 文件")
        else:
            try:
                run = employer_import(
                    fileobj=upload.file,
                    file_name=upload.name,
                    actor=request.user,
                    report=lambda n, r: errors.append((n, r)),
                )
            except FAILURES as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    f"已导入：新增 {run.created}，更新 {run.updated}，"
                    f"未变 {run.unchanged}，拒收 {run.rejected}",
                )
    query = request.GET.get("q", "").strip()[:50]
    employers = selectors.employer_search(
        query=query,
        district=request.GET.get("district", "")[:50],
        stratum=request.GET.get("stratum", "")[:50],
    )
    page = Paginator(employers, selectors.PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": query,
        "errors": errors[:200],
        "error_count": len(errors),
        "can_manage": allowed(request.user, INSPECTIONS_MANAGE),
    }
    return render(request, "inspections/directory.html", context)


@login_required
def plan_detail(request, pk: int):
    plan = get_object_or_404(InspectionPlan, pk=pk)
    context = {
        "plan": plan,
        "draws": selectors.draw_list().filter(plan=plan),
        "today": timezone.localdate(),
        "can_manage": allowed(request.user, INSPECTIONS_MANAGE, unit=plan.org_unit),
    }
    return render(request, "inspections/plan_detail.html", context)


@login_required
@require_POST
def plan_commit(request, pk: int):
    plan = get_object_or_404(InspectionPlan, pk=pk)
    try:
        draw = draw_services.draw_commit(
            plan=plan,
            on=_day(request.POST.get("on", "")),
            actor=request.user,
            beacon_source=request.POST.get("beacon_source", ""),
            beacon_date=_optional_day(request.POST.get("beacon_date", "")),
            redraw_reason=request.POST.get("redraw_reason", ""),
        )
    except FAILURES as exc:
        messages.error(request, str(exc))
        return redirect("inspections:plan_detail", pk)
    messages.success(request, f"已公布抽取 {draw.number} 的承诺值")
    return redirect("inspections:draw_detail", draw.pk)


DRAW_ACTIONS = {
    "draw": lambda d, r: draw_services.draw_execute(
        draw=d, actor=r.user, beacon=r.POST.get("beacon", "")
    ),
    "reveal": lambda d, r: draw_services.draw_reveal(draw=d, actor=r.user),
    "cancel": lambda d, r: draw_services.draw_cancel(
        draw=d, reason=r.POST.get("reason", ""), actor=r.user
    ),
}


@login_required
@require_POST
def draw_action(request, pk: int, action: str):
    draw = get_object_or_404(Draw, pk=pk)
    if action not in DRAW_ACTIONS:
        raise PermissionDenied("未知操作")
    try:
        DRAW_ACTIONS[action](draw, request)
    except FAILURES as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已完成")
    return redirect("inspections:draw_detail", pk)


@login_required
def draw_detail(request, pk: int):
    draw = get_object_or_404(selectors.draw_list(), pk=pk)
    page = Paginator(selectors.check_list(draw=draw), selectors.PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "draw": draw,
        "page": page,
        "outcomes": CheckResult.Outcome.choices,
        "today": timezone.localdate(),
        "can_manage": allowed(request.user, INSPECTIONS_MANAGE, unit=draw.plan.org_unit),
        "can_enter": allowed(request.user, INSPECTIONS_ENTER_RESULTS),
    }
    return render(request, "inspections/draw_detail.html", context)


@login_required
@require_POST
def check_result(request, pk: int):
    check = get_object_or_404(Check, pk=pk)
    try:
        check_services.check_result_enter(
            check=check,
            outcome=request.POST.get("outcome", ""),
            checked_on=_day(request.POST.get("checked_on", "")),
            summary=request.POST.get("summary", ""),
            case_ref=request.POST.get("case_ref", ""),
            actor=request.user,
        )
    except FAILURES as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已录入 {check.employer_name} 的检查结果")
    return redirect("inspections:draw_detail", check.draw_id)


@login_required
@require_POST
def result_publish(request, pk: int):
    result = get_object_or_404(CheckResult.objects.select_related("check_record"), pk=pk)
    try:
        check_services.check_result_publish(result=result, actor=request.user)
    except FAILURES as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已公示")
    return redirect("inspections:draw_detail", result.check_record.draw_id)


@login_required
def coverage(request):
    value = request.GET.get("year", "")
    year = int(value) if value.isdigit() else timezone.localdate().year
    rows, rate = selectors.coverage(year=year)
    return render(request, "inspections/coverage.html", {"rows": rows, "rate": rate, "year": year})


# --- 回避 relations (issue 19.1): the register had no screen, only the service ---------------


@login_required
def relations(request):
    """List the 回避 register and, for a manager, register a relation (《劳动保障监察条例》第十六条:
    an inspector with an interest in an employer does not inspect it; the draw excludes the pair).
    A refused registration comes back with what was typed."""
    from fazhi.accounts.permissions import INSPECTIONS_MANAGE, allowed
    from fazhi.inspections.models import Employer, OfficerEmployerRelation
    from fazhi.inspections.services.directory import relation_register
    from fazhi.officers.models import Officer

    can_manage = allowed(request.user, INSPECTIONS_MANAGE)
    values = {"officer": "", "uscc": "", "relation": "", "since": "", "until": ""}
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip()[:100] for k in values}
        try:
            officer = Officer.objects.filter(pk=values["officer"] or 0).first()
            employer = Employer.objects.filter(uscc=values["uscc"].upper()).first()
            if officer is None:
                raise Refused("请选择执法人员")
            if employer is None:
                raise Refused("检查对象名录中没有该统一社会信用代码的单位")
            relation_register(
                officer=officer,
                employer=employer,
                relation=values["relation"],
                since=_day(values["since"]),
                until=_optional_day(values["until"]),
                actor=request.user,
            )
        except FAILURES as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
        else:
            messages.success(
                request, f"已登记回避关系：{officer.name} — {employer.name}（{values['relation']}）"
            )
            return redirect("inspections:relations")
    rows = OfficerEmployerRelation.objects.select_related("officer", "employer").order_by(
        "-created_at"
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "can_manage": can_manage,
        "values": values,
        "officers": Officer.objects.order_by("name").only("pk", "name")[:2000]
        if can_manage
        else [],
    }
    return render(request, "inspections/relations.html", context)
