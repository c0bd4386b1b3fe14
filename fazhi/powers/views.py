"""Staff screens of the power list: the list with review flags and usage, the item page,
create, revise (a new version with its reason), cancel and clear-review."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import POWERS_EDIT, allowed
from fazhi.core.domain.errors import Refused
from fazhi.powers import forms, selectors
from fazhi.powers import presentation as p
from fazhi.powers.services import (
    power_item_create,
    power_item_deactivate,
    power_item_review_clear,
    power_item_revise,
)
from fazhi.powers.services.items import NO_PERMISSION

CONTENT_FIELDS = (
    "kind",
    "name",
    "org_unit",
    "legal_basis_text",
    "process",
    "time_limit_text",
    "remedy",
    "accountability",
)


@login_required
def item_list(request):
    kind, status = request.GET.get("kind", ""), request.GET.get("status", "active")
    review = request.GET.get("review", "")
    filters = selectors.ItemFilters(
        kind=kind if kind in selectors.KIND_LABELS else "",
        unit_id=p.int_param(request.GET.get("unit")),
        query=request.GET.get("q", "")[:100],
        status=status if status in selectors.STATUSES else "active",
        needs_review=True if review == "1" else None,
    )
    year = p.year_param(request.GET.get("year"), timezone.localdate().year)
    page = Paginator(selectors.power_item_staff_list(filters=filters), 50).get_page(
        request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filters": filters,
        "review": review == "1",
        "year": year,
        "page": page,
        "rows": p.rows_with_usage(page.object_list, year=year),
        "kinds": selectors.KIND_LABELS,
        "statuses": selectors.STATUSES,
        "units": selectors.power_item_units(),
        "review_count": selectors.power_item_staff_list(
            filters=selectors.ItemFilters(needs_review=True)
        ).count(),
        "can_create": allowed(request.user, POWERS_EDIT),
        "query_string": params.urlencode(),
    }
    return render(request, "powers/item_list.html", context)


@login_required
def item_detail(request, pk: int):
    item = selectors.power_item_get(pk=pk)
    versions = selectors.power_item_versions(item=item)
    current = versions[0]
    can_edit = allowed(request.user, POWERS_EDIT, unit=item.org_unit)
    context = {
        "item": item,
        "current": current,
        "bases": p.basis_links(list(current.bases.all()), on=timezone.localdate()),
        "log": p.change_log(versions),
        "row": p.rows_with_usage([item], year=timezone.localdate().year)[0],
        "year": timezone.localdate().year,
        "can_edit": can_edit,
        "clear_form": forms.ClearReviewForm(),
        "deactivate_form": forms.DeactivateForm(
            initial={"expected_version": item.version_count, "effective_from": timezone.localdate()}
        ),
    }
    return render(request, "powers/item_detail.html", context)


@login_required
def item_create(request):
    if not allowed(request.user, POWERS_EDIT):
        raise PermissionDenied("只有业务处室经办人、法规处工作人员或系统管理员可以新增事项")
    form = forms.CreateForm(
        request.POST or None,
        user=request.user,
        initial={"effective_from": timezone.localdate(), "reason": "列入权责清单"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = power_item_create(actor=request.user, **form.cleaned_data)
        except (Refused, PermissionDenied) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已新增事项 {item.code}。")
            return redirect("powers:item_detail", item.pk)
    return render(request, "powers/item_form.html", {"form": form, "creating": True})


@login_required
def item_revise(request, pk: int):
    item = selectors.power_item_get(pk=pk)
    if not allowed(request.user, POWERS_EDIT, unit=item.org_unit):
        raise PermissionDenied(NO_PERMISSION)
    current = selectors.power_item_current_version(item=item)
    initial = {
        "kind": current.kind,
        "name": current.name,
        "org_unit": current.org_unit,
        "legal_basis_text": current.legal_basis_text,
        "process": current.process,
        "time_limit_text": current.time_limit_text,
        "remedy": current.remedy,
        "accountability": current.accountability,
        "effective_from": timezone.localdate(),
        "expected_version": item.version_count,
    }
    form = forms.ReviseForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = power_item_revise(
                item=item,
                actor=request.user,
                reason=data["reason"],
                effective_from=data["effective_from"],
                expected_version=data["expected_version"],
                resolves_review=data["resolves_review"],
                **{f: data[f] for f in CONTENT_FIELDS},
            )
        except (Refused, PermissionDenied) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已保存为第{version.number}版。")
            return redirect("powers:item_detail", item.pk)
    context = {"form": form, "item": item, "current": current, "creating": False}
    return render(request, "powers/item_form.html", context)


@login_required
@require_POST
def item_deactivate(request, pk: int):
    item = selectors.power_item_get(pk=pk)
    form = forms.DeactivateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写取消理由和生效日期")
        return redirect("powers:item_detail", item.pk)
    try:
        power_item_deactivate(item=item, actor=request.user, **form.cleaned_data)
    except (Refused, PermissionDenied) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "事项已取消，变更记录已公开。")
    return redirect("powers:item_detail", item.pk)


@login_required
@require_POST
def item_clear_review(request, pk: int):
    item = selectors.power_item_get(pk=pk)
    form = forms.ClearReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        power_item_review_clear(item=item, actor=request.user, note=note)
    except (Refused, PermissionDenied) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已记录复核意见，待复核提示已解除。")
    return redirect("powers:item_detail", item.pk)
