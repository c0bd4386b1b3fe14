"""Staff screens: catalogues, items, the comparison, the licensing register and application pages."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.models import User
from fazhi.accounts.permissions import LICENSING_HANDLE, allowed
from fazhi.accounts.roles import LEADER
from fazhi.accounts.selectors import units_allowed, users_with_role
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.deadlines import by_nearest_deadline
from fazhi.core.selectors.paging import bounded_page, page_number, query_without_page
from fazhi.govservices import selectors
from fazhi.govservices.domain.auto_approval import rule_for
from fazhi.govservices.domain.licensing import STATUS_LABELS
from fazhi.govservices.forms import ApplicationForm
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.services.licensing import missing_for
from fazhi.publicity.selectors import record_of, undone


def _int(value: str, default: int | None = None) -> int | None:
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else default


@login_required
def catalogue_index(request):
    from fazhi.accounts.permissions import CATALOGUE_MANAGE

    catalogues = list(selectors.catalogue_list())
    context = {"catalogues": catalogues, "can_manage": allowed(request.user, CATALOGUE_MANAGE)}
    return render(request, "services/catalogue_index.html", context)


@login_required
def catalogue_detail(request, year: int):
    from fazhi.accounts.permissions import CATALOGUE_MANAGE

    catalogue = selectors.catalogue_get(year=year)
    items = selectors.catalogue_items(catalogue=catalogue)
    return render(
        request,
        "services/catalogue_detail.html",
        {
            "catalogue": catalogue,
            "items": items,
            "bundles": catalogue.bundles.all(),
            "can_manage": allowed(request.user, CATALOGUE_MANAGE),
        },
    )


@login_required
def item_detail(request, pk: int):
    item = selectors.item_get(pk=pk)
    return render(request, "services/item_detail.html", {"item": item})


@login_required
def compare(request):
    years = [c.year for c in selectors.catalogue_list()]
    old = _int(request.GET.get("from", ""), years[1] if len(years) > 1 else None)
    new = _int(request.GET.get("to", ""), years[0] if years else None)
    result, error = None, ""
    if old and new:
        try:
            result = selectors.catalogue_comparison(from_year=old, to_year=new)
        except Http404 as exc:
            error = str(exc)
    return render(
        request,
        "services/compare.html",
        {"result": result, "error": error, "years": years, "old": old, "new": new},
    )


@login_required
def register(request):
    status = request.GET.get("status", "")
    qs = selectors.application_list(
        user=request.user,
        status=status if status in {s.value for s in STATUS_LABELS} else "",
        year=_int(request.GET.get("year", "")),
        query=request.GET.get("q", "")[:100],
    )
    today = timezone.localdate()
    records = by_nearest_deadline(qs)
    page = bounded_page(records, page=page_number(request.GET))
    rows = selectors.nearest_rows(page.rows, today=today)
    changes = undone(row.application for row in rows)
    for row in rows:
        row.application.undone = changes.get(row.application.pk, "")
    context = {
        "page": page,
        "rows": rows,
        "query": query_without_page(request.GET),
        "overdue": records.filter(nearest_due__lt=today).count(),
        "filters": request.GET,
        "statuses": [(k.value, v) for k, v in STATUS_LABELS.items()],
        "bundles": selectors.bundle_application_list(user=request.user),
    }
    return render(request, "services/register.html", context)


@login_required
def application_create(request):
    """Receive a paper application: pick the item, then tick the materials handed in."""
    if not allowed(request.user, LICENSING_HANDLE):
        raise PermissionDenied("只有业务处室经办人可以办理行政许可")
    items = selectors.licensing_items_current()
    item = next((i for i in items if i.code == request.GET.get("item", "")), None)
    form = ApplicationForm(
        request.POST or None,
        items=[item] if item else [],
        initial={"received_on": timezone.localdate()},
    )
    error = ""
    if item is not None and request.method == "POST" and form.is_valid():
        try:
            app = lic.application_submit(
                item=item, actor=request.user, handler=request.user, **form.service_arguments()
            )
        except (Refused, CalendarDataMissing) as exc:
            error = str(exc)
        else:
            messages.success(request, received_message(app))
            return redirect("services:application_detail", app.pk)
    context = {"items": items, "item": item, "form": form, "error": error}
    context["auto_rule"] = rule_for(item.auto_rule) if item and item.auto_rule else None
    # a refusal or a field error returns the form as typed with the reason beside it
    status = 422 if request.method == "POST" and (error or form.errors) else 200
    return render(request, "services/application_form.html", context, status=status)


def received_message(app) -> str:
    """What the clerk is told after 收件, including what 无人审批 did with the application."""
    text = f"已收件，受理编号 {app.reference}，查询码 {app.tracking_code}。"
    if app.is_automatic:
        return (
            f"{text}系统按无人审批规则核验全部条件符合，已准予许可，许可文号 {app.licence_number}。"
        )
    if failures := app.auto_failures:
        unmet = "、".join(c["label"] for c in failures)
        return f"{text}无人审批未通过（{unmet}），已转人工办理。"
    return text


@login_required
def application_detail(request, pk: int):
    app = selectors.application_get_for_user(pk=pk, user=request.user)
    return render(request, "services/application_detail.html", _detail_context(request, app))


def _detail_context(request, app) -> dict:
    return {
        "app": app,
        "checklist": selectors.checklist(app),
        "entry_rows": selectors.step_entry_rows(app),
        "publicity": record_of(app),
        "missing": missing_for(app),
        "deadlines": selectors.deadline_rows(app, today=timezone.localdate()),
        "actions": selectors.next_actions(app)
        if allowed(request.user, LICENSING_HANDLE, unit=app.org_unit)
        else [],
        "leaders": users_with_role(LEADER),
        "today": timezone.localdate(),
    }


def _day(request) -> date:
    try:
        return date.fromisoformat(request.POST.get("on", ""))
    except ValueError:
        raise Refused("日期格式不正确") from None


def _act(request, app, action: str):
    actor = request.user
    if action == "accept":
        return lic.application_accept(application=app, on=_day(request), actor=actor)
    if action == "correction_notice":
        return lic.application_correction_notice(application=app, on=_day(request), actor=actor)
    if action == "supplement":
        return lic.application_supplement(
            application=app,
            on=_day(request),
            actor=actor,
            materials=request.POST.getlist("materials"),
        )
    if action == "extend":
        approver = User.objects.filter(pk=request.POST.get("approver") or 0, is_active=True).first()
        return lic.application_extend(
            application=app, approver=approver, actor=actor, reason=request.POST.get("reason", "")
        )
    if action == "grant":
        return lic.application_grant(
            application=app, on=_day(request), actor=actor, content=request.POST.get("content", "")
        )
    if action == "refuse":
        return lic.application_refuse(
            application=app, on=_day(request), actor=actor, reasons=request.POST.get("reasons", "")
        )
    raise Http404("未知的办理步骤")


@login_required
@require_POST
def application_action(request, pk: int, action: str):
    app = selectors.application_get_for_user(pk=pk, user=request.user)
    try:
        _act(request, app, action)
    except (Refused, CalendarDataMissing) as exc:
        # the page again with the step open, what was typed kept and the reason beside it
        context = {
            **_detail_context(request, app),
            "failed": action,
            "posted": request.POST,
            "ticked": request.POST.getlist("materials"),
            "error": str(exc),
        }
        return render(request, "services/application_detail.html", context, status=422)
    messages.success(request, "已办理。")
    return redirect("services:application_detail", app.pk)


# --- catalogue versions (issue 19.1): a draft, its items and publication had no page -----------

ITEM_FIELDS = (
    "code",
    "name",
    "kind",
    "org_unit",
    "accepting_body",
    "deciding_body",
    "promised_days",
    "statutory_days",
    "statutory_text",
    "legal_basis",
    "conditions",
    "is_instant",
    "is_online",
    "licence_category",
    "licence_name",
    "number_issuer",
    "validity_years",
    "materials",
    "steps",
    "change_note",
)


def _days(value: str, label: str, *, optional: bool = False) -> int | None:
    value = value.strip()
    if not value and optional:
        return None
    if not value.isdigit() or int(value) > 3650:
        raise Refused(f"{label}请填写工作日数（整数）")
    return int(value)


def _materials(text: str) -> list:
    """One material a line; a line ending in “（免提交）” is obtained by data sharing."""
    from fazhi.govservices.services.catalogue import MaterialIn

    out = []
    for line in text.splitlines():
        name = line.strip()
        shared = name.endswith("（免提交）")
        name = name.removesuffix("（免提交）").strip()
        if name:
            out.append(MaterialIn(name=name[:200], is_shared=shared))
    return out


@login_required
def catalogue_create(request):
    """Start the draft catalogue of a year (国办发〔2018〕118号: the list is published before it
    is used). A refusal returns the form as typed."""
    from fazhi.accounts.permissions import CATALOGUE_MANAGE
    from fazhi.govservices.services.catalogue import catalogue_create as create

    if not allowed(request.user, CATALOGUE_MANAGE):
        raise PermissionDenied("您没有维护政务服务事项目录的权限")
    values = {"year": str(timezone.localdate().year + 1), "label": "", "note": ""}
    error = ""
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip()[:500] for k in values}
        try:
            year = _int(values["year"])
            if year is None:
                raise Refused("请填写年度（四位数字）")
            catalogue = create(
                year=year, label=values["label"], note=values["note"], actor=request.user
            )
        except (Refused, PermissionDenied) as exc:
            error = str(exc)
        else:
            messages.success(request, f"已新建{catalogue.year}年度目录（编制中），请逐项增加事项。")
            return redirect("services:catalogue_detail", catalogue.year)
    return render(request, "services/catalogue_form.html", {"values": values, "error": error})


def _item_arguments(values: dict, units: list) -> dict:
    unit = next((u for u in units if str(u.pk) == values["org_unit"]), None)
    if unit is None:
        raise Refused("请选择实施单位")
    return {
        "code": values["code"],
        "name": values["name"],
        "kind": values["kind"],
        "org_unit": unit,
        "accepting_body": values["accepting_body"],
        "deciding_body": values["deciding_body"],
        "promised_days": _days(values["promised_days"] or "0", "承诺时限"),
        "statutory_days": _days(values["statutory_days"], "法定时限", optional=True),
        "statutory_text": values["statutory_text"],
        "legal_basis": values["legal_basis"],
        "conditions": values["conditions"],
        "is_instant": bool(values["is_instant"]),
        "is_online": bool(values["is_online"]),
        "licence_category": values["licence_category"],
        "licence_name": values["licence_name"],
        "number_issuer": values["number_issuer"],
        "validity_years": _days(values["validity_years"], "有效期限", optional=True),
        "materials": _materials(values["materials"]),
        "steps": [s.strip() for s in values["steps"].splitlines()],
        "change_note": values["change_note"],
    }


@login_required
def catalogue_item_add(request, year: int):
    """Add an item with its materials to a draft catalogue; publish the draft from its page."""
    from fazhi.accounts.permissions import CATALOGUE_MANAGE
    from fazhi.govservices.domain.catalogue import ITEM_KIND_LABELS
    from fazhi.govservices.domain.licensing import LICENCE_CATEGORY_LABELS
    from fazhi.govservices.services.catalogue import service_item_add

    catalogue = selectors.catalogue_get(year=year)
    units = list(units_allowed(request.user, CATALOGUE_MANAGE))
    if not units:
        raise PermissionDenied("您没有维护政务服务事项目录的权限")
    values = dict.fromkeys(ITEM_FIELDS, "")
    values["org_unit"] = str(getattr(request.user, "org_unit_id", "") or "")
    error = ""
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip()[:4000] for k in ITEM_FIELDS}
        try:
            item = service_item_add(
                catalogue=catalogue, actor=request.user, **_item_arguments(values, units)
            )
        except (Refused, PermissionDenied) as exc:
            error = str(exc)
        else:
            messages.success(request, f"已增加事项 {item.code} {item.name}。")
            return redirect("services:catalogue_detail", catalogue.year)
    context = {
        "catalogue": catalogue,
        "values": values,
        "error": error,
        "units": units,
        "kinds": [(k.value, v) for k, v in ITEM_KIND_LABELS.items()],
        "categories": [(k.value, v) for k, v in LICENCE_CATEGORY_LABELS.items()],
    }
    return render(request, "services/catalogue_item_form.html", context)


@login_required
@require_POST
def catalogue_publish(request, year: int):
    """Publish a draft: the 公布日期 is today's, set by the system."""
    from fazhi.govservices.services.catalogue import catalogue_publish as publish

    catalogue = selectors.catalogue_get(year=year)
    try:
        publish(catalogue=catalogue, on=timezone.localdate(), actor=request.user)
    except (Refused, PermissionDenied) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已公布{catalogue.year}年度目录，上一版目录同时废止。")
    return redirect("services:catalogue_detail", catalogue.year)
