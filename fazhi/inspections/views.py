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
from fazhi.accounts.selectors import units_allowed
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.inspections import selectors
from fazhi.inspections.models import Check, CheckResult, Draw, InspectionItem, InspectionPlan
from fazhi.inspections.services import checks as check_services
from fazhi.inspections.services import draws as draw_services
from fazhi.inspections.services.directory import employer_import

FAILURES = (Refused, PermissionDenied, CalendarDataMissing)


def _say(exc: Exception) -> str:
    """The refusal for a person: its message and the law it cites, but not a developer
    document cited as a basis (a path means nothing on a page)."""
    basis = getattr(exc, "basis", "")
    if basis.startswith("docs/"):
        return exc.message
    return str(exc)


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


def _plan_page(request, plan, *, values=None, error: str = ""):
    context = {
        "plan": plan,
        "draws": selectors.draw_list().filter(plan=plan),
        "today": timezone.localdate(),
        "can_manage": allowed(request.user, INSPECTIONS_MANAGE, unit=plan.org_unit),
        "values": values or {"on": timezone.localdate().isoformat()},
        "error": error,
    }
    return render(request, "inspections/plan_detail.html", context)


@login_required
def plan_detail(request, pk: int):
    return _plan_page(request, get_object_or_404(InspectionPlan, pk=pk))


COMMIT_FIELDS = ("on", "beacon_source", "beacon_date", "redraw_reason")


@login_required
@require_POST
def plan_commit(request, pk: int):
    """Step 1 of a draw. A refusal returns the plan page with what was typed and the message."""
    plan = get_object_or_404(InspectionPlan, pk=pk)
    values = {k: request.POST.get(k, "").strip()[:2000] for k in COMMIT_FIELDS}
    try:
        draw = draw_services.draw_commit(
            plan=plan,
            on=_day(values["on"]),
            actor=request.user,
            beacon_source=values["beacon_source"],
            beacon_date=_optional_day(values["beacon_date"]),
            redraw_reason=values["redraw_reason"],
        )
    except FAILURES as exc:
        return _plan_page(request, plan, values=values, error=_say(exc))
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
        # the pool's typed day beside the commitment that entered it (issue 18.5)
        "date_entries": list(draw.date_entries.select_related("entered_by")),
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


# --- 一单两库 screens (issue 19.1): the item list and plans had no page, only the service ------


def _managed_units(user):
    """The units whose plans ``user`` may organise (INSPECTIONS_MANAGE in scope)."""
    return list(units_allowed(user, INSPECTIONS_MANAGE))


def _shares_from(post, strata: list[str]) -> dict[str, str]:
    """The shares typed per stratum (``share-<n>`` beside ``stratum-<n>``); blanks are left out."""
    shares = {}
    for n in range(len(strata) + 3):
        stratum = post.get(f"stratum-{n}", "").strip()[:50]
        value = post.get(f"share-{n}", "").strip()[:20]
        if stratum and value:
            shares[stratum] = value
    return shares


def _share_rows(strata: list[str], values: dict[str, str]) -> list[dict]:
    """One input row per known stratum, then the typed ones not in the directory, then two
    blank rows for a new stratum."""
    names = list(dict.fromkeys([*strata, *values]))
    rows = [{"n": n, "stratum": s, "share": values.get(s, "")} for n, s in enumerate(names)]
    rows += [{"n": len(names) + k, "stratum": "", "share": ""} for k in range(2)]
    return rows


@login_required
def item_create(request):
    """Add an item to the 随机抽查事项清单 (国办发〔2015〕58号): a 行政检查 power item, basis,
    method and default shares. A refusal returns the form as typed with the message."""
    from fazhi.inspections.services.plans import INSPECTION_KIND, inspection_item_create
    from fazhi.powers.models import PowerItem

    if not allowed(request.user, INSPECTIONS_MANAGE):
        raise PermissionDenied("您没有维护抽查事项的权限")
    fields = ("power_item", "code", "name", "basis", "method", "item_class", "subject", "content")
    values = dict.fromkeys(fields, "")
    values["item_class"] = InspectionItem.ItemClass.GENERAL
    strata = selectors.strata()
    shares: dict[str, str] = {}
    error = ""
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip()[:2000] for k in fields}
        shares = _shares_from(request.POST, strata)
        try:
            power_item = PowerItem.objects.filter(pk=values["power_item"] or 0).first()
            if power_item is None:
                raise Refused("请选择权责清单中的行政检查事项")
            item = inspection_item_create(
                power_item=power_item,
                code=values["code"],
                name=values["name"],
                basis=values["basis"],
                method=values["method"],
                item_class=values["item_class"],
                shares=shares,
                subject=values["subject"],
                content=values["content"],
                actor=request.user,
            )
        except FAILURES as exc:
            error = _say(exc)
        else:
            messages.success(request, f"已将 {item.code} {item.name}列入随机抽查事项清单（待公示）")
            return redirect("inspections:index")
    power_items = PowerItem.objects.filter(kind=INSPECTION_KIND, is_active=True).order_by("code")
    context = {
        "values": values,
        "error": error,
        "share_rows": _share_rows(strata, shares),
        "power_items": power_items.only("pk", "code", "name")[:2000],
        "classes": InspectionItem.ItemClass.choices,
    }
    return render(request, "inspections/item_form.html", context)


@login_required
@require_POST
def item_publish(request, pk: int):
    """事前公示 of an item: the 公示日期 is today's, set by the system."""
    from fazhi.inspections.services.plans import inspection_item_publish

    item = get_object_or_404(InspectionItem, pk=pk)
    try:
        inspection_item_publish(item=item, on=timezone.localdate(), actor=request.user)
    except FAILURES as exc:
        messages.error(request, _say(exc))
    else:
        messages.success(request, f"已公示抽查事项 {item.code} {item.name}")
    return redirect("inspections:index")


@login_required
def plan_create(request):
    """A yearly or ad hoc plan (国发〔2019〕5号): published items, a share per stratum, the
    organising unit and joint departments. A refusal returns the form as typed."""
    from fazhi.inspections.services.plans import plan_create as create

    units = _managed_units(request.user)
    if not units:
        raise PermissionDenied("您没有制定抽查计划的权限")
    strata = selectors.strata()
    published = list(selectors.item_list(published_only=True))
    values = {
        "year": str(timezone.localdate().year),
        "title": "",
        "org_unit": str(getattr(request.user, "org_unit_id", "") or ""),
        "joint_departments": "",
        "is_ad_hoc": "",
        "items": [],
    }
    shares: dict[str, str] = {}
    error = ""
    if request.method == "POST":
        values = {
            k: request.POST.get(k, "").strip()[:300]
            for k in ("year", "title", "org_unit", "joint_departments", "is_ad_hoc")
        }
        values["items"] = request.POST.getlist("items")
        shares = _shares_from(request.POST, strata)
        try:
            unit = next((u for u in units if str(u.pk) == values["org_unit"]), None)
            if unit is None:
                raise Refused("请选择组织抽查的单位")
            chosen = [i for i in published if str(i.pk) in values["items"]]
            plan = create(
                year=int(values["year"]) if values["year"].isdigit() else 0,
                title=values["title"],
                items=chosen,
                shares=shares,
                org_unit=unit,
                is_ad_hoc=bool(values["is_ad_hoc"]),
                joint_departments=values["joint_departments"],
                actor=request.user,
            )
        except FAILURES as exc:
            error = _say(exc)
        else:
            messages.success(request, f"已制定抽查计划：{plan.title}")
            return redirect("inspections:plan_detail", plan.pk)
    context = {
        "values": values,
        "error": error,
        "units": units,
        "items": published,
        "share_rows": _share_rows(strata, shares),
    }
    return render(request, "inspections/plan_form.html", context)


@login_required
def results_xlsx(request):
    """导出 Excel of the results of a draw (``?draw=``) or a year (``?year=``)."""
    from fazhi.core.views.exports import export_or_job, xlsx_download
    from fazhi.inspections import exports

    params = exports.params_from(request.GET)
    if not params:
        raise PermissionDenied("请指定抽取或年度")
    qs = exports.results(params=params)
    count = qs.count()
    return export_or_job(
        request,
        count=count,
        kind=exports.KIND,
        params=params,
        key_extra=str(count),
        download=lambda: xlsx_download(
            header=exports.HEADER, rows=exports.rows(qs), title=exports.WHAT, what=exports.WHAT
        ),
    )
