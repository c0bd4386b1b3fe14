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
from fazhi.accounts.selectors import users_with_role
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.deadlines import by_nearest_deadline
from fazhi.core.selectors.paging import bounded_page, page_number, query_without_page
from fazhi.govservices import selectors
from fazhi.govservices.domain.licensing import STATUS_LABELS
from fazhi.govservices.forms import ApplicationForm
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.services.licensing import missing_for
from fazhi.publicity.selectors import record_of, undone


def _int(value: str, default: int | None = None) -> int | None:
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else default


@login_required
def catalogue_index(request):
    catalogues = list(selectors.catalogue_list())
    return render(request, "services/catalogue_index.html", {"catalogues": catalogues})


@login_required
def catalogue_detail(request, year: int):
    catalogue = selectors.catalogue_get(year=year)
    items = selectors.catalogue_items(catalogue=catalogue)
    return render(
        request,
        "services/catalogue_detail.html",
        {"catalogue": catalogue, "items": items, "bundles": catalogue.bundles.all()},
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
        request.POST or None, item=item, initial={"received_on": timezone.localdate()}
    )
    if item is not None and request.method == "POST" and form.is_valid():
        try:
            app = lic.application_submit(
                item=item, actor=request.user, handler=request.user, **form.service_arguments()
            )
        except (Refused, CalendarDataMissing) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已收件，查询码 {app.tracking_code}。")
            return redirect("services:application_detail", app.pk)
    return render(
        request, "services/application_form.html", {"items": items, "item": item, "form": form}
    )


@login_required
def application_detail(request, pk: int):
    app = selectors.application_get_for_user(pk=pk, user=request.user)
    context = {
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
    return render(request, "services/application_detail.html", context)


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
        messages.error(request, str(exc))
    else:
        messages.success(request, "已办理。")
    return redirect("services:application_detail", app.pk)
