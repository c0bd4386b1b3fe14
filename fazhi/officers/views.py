"""Staff screens: the register (filters, 持证率, 换证, expiring cards) and each officer's page
with the forms for every service."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import OFFICERS_MANAGE, allowed
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.domain.errors import Refused
from fazhi.core.views.exports import cell, xlsx_download
from fazhi.officers import forms, selectors
from fazhi.officers.domain import certificates as rules
from fazhi.officers.models import Certificate
from fazhi.officers.services import certificates as cards
from fazhi.officers.services import officers as people
from fazhi.officers.services import training
from fazhi.officers.services.importing import COLUMNS, TEMPLATE_EXAMPLE, officers_import

PAGE_SIZE = 50


def _require_manager(user) -> None:
    """Whether to show the register's forms at all; each service checks the record itself."""
    if not allowed(user, OFFICERS_MANAGE):
        raise PermissionDenied("只有法规处工作人员、局领导或管理员可以维护执法人员名册")


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _year(request, default: int) -> int:
    value = _int(request.GET.get("year", ""))
    return value if value and 1990 <= value <= 2100 else default


@login_required
def register(request):
    today = timezone.localdate()
    year = _year(request, today.year)
    filters = {
        "org_unit_id": _int(request.GET.get("unit", "")),
        "query": request.GET.get("q", "")[:50],
        "status": request.GET.get("status", ""),
        "active": request.GET.get("active", "yes"),
    }
    qs = selectors.officer_list(user=request.user, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "rows": selectors.register_rows(page.object_list, today=today),
        "page": page,
        "filters": request.GET,
        "units": scope_queryset(
            OrgUnit.objects.filter(officers__isnull=False).distinct(),
            user=request.user,
            unit_field="",
        ).order_by("path"),
        "statuses": Certificate.Status.choices,
        "year": year,
        "stats": selectors.certification_stats(year=year),
        "by_unit": selectors.unit_counts(user=request.user, on=today),
        "expiring": selectors.expiring_soon(user=request.user, today=today)[:20],
        "can_manage": allowed(request.user, OFFICERS_MANAGE),
        "today": today,
        # the article as in force on the day the 持证率 is taken (the year's end, or today)
        "basis_qualified": rules.basis_qualified(min(today, date(year, 12, 31))),
    }
    return render(request, "officers/register.html", context)


@login_required
def register_xlsx(request):
    """导出 Excel of the register as filtered (issue 19.7): each officer with the latest card and
    whether it is usable today, in the user's units."""
    today = timezone.localdate()
    qs = selectors.officer_list(
        user=request.user,
        org_unit_id=_int(request.GET.get("unit", "")),
        query=request.GET.get("q", "")[:50],
        status=request.GET.get("status", ""),
        active=request.GET.get("active", "yes"),
    )
    header = [
        "姓名",
        "单位",
        "岗位",
        "在岗",
        "执法证号",
        "发证日期",
        "有效期至",
        "今日可用",
        "不可用原因",
    ]
    rows = (
        [
            row.officer.name,
            row.officer.org_unit.name,
            row.officer.get_post_display(),
            cell(row.officer.is_active),
            row.card.number if row.card else "",
            cell(row.card.issued_on if row.card else None),
            cell(row.card.expires_on if row.card else None),
            cell(row.reason is None),
            row.reason or "",
        ]
        for row in selectors.register_rows(qs, today=today)
    )
    return xlsx_download(header=header, rows=rows, title="执法人员", what="执法人员与执法证")


@login_required
def officer_create(request):
    _require_manager(request.user)
    form = forms.OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            officer = people.officer_create(actor=request.user, **form.cleaned_data)
        except Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "已登记执法人员。")
            return redirect("officers:officer_detail", officer.pk)
    return render(request, "officers/officer_form.html", {"form": form})


@login_required
def officer_import(request):
    _require_manager(request.user)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = officers_import(
                data=upload.read(), actor=request.user, today=timezone.localdate(), name=upload.name
            )
        except Refused as exc:
            messages.error(request, str(exc))
    return render(request, "officers/import.html", {"form": form, "result": result})


@login_required
def officer_import_template(request):
    """The import sheet: the columns and one example row."""
    _require_manager(request.user)
    return xlsx_download(
        header=list(COLUMNS), rows=[TEMPLATE_EXAMPLE], title="执法人员导入", what="执法人员导入模板"
    )


@login_required
def officer_detail(request, pk: int):
    officer = selectors.officer_get_for_user(pk=pk, user=request.user)
    today = timezone.localdate()
    current = selectors.valid_certificate(officer=officer, on=today)
    context = {
        "officer": officer,
        "current": current,
        "reason": None if current else selectors._why_not(officer, today),
        **selectors.officer_history(officer),
        "can_manage": allowed(request.user, OFFICERS_MANAGE),
        "can_issue": not officer.certificates.exclude(status=Certificate.Status.REVOKED)
        .filter(expires_on__gte=today)
        .exists(),
        "today": today,
        "edit_form": forms.OfficerForm(
            initial={
                "name": officer.name,
                "org_unit": officer.org_unit_id,
                "post": officer.post,
                "user": officer.user_id,
                "note": officer.note,
            }
        ),
    }
    return render(request, "officers/officer_detail.html", context)


def _card(officer, request) -> Certificate:
    pk = _int(request.POST.get("certificate", ""))
    return get_object_or_404(Certificate, pk=pk or 0, officer=officer)


def _valid(form_class, request) -> dict:
    form = form_class(request.POST)
    if not form.is_valid():
        errors = "；".join(
            f"{form.fields[f].label}：{'，'.join(e)}" if f in form.fields else "，".join(e)
            for f, e in form.errors.items()
        )
        raise Refused(errors)
    return form.cleaned_data


def _update(o, r, u):
    return people.officer_update(officer=o, actor=u, **_valid(forms.OfficerForm, r))


def _deactivate(o, r, u):
    return people.officer_deactivate(officer=o, actor=u, **_valid(forms.DeactivateForm, r))


def _issue(o, r, u):
    return cards.certificate_issue(officer=o, actor=u, **_valid(forms.IssueForm, r))


def _renew(o, r, u):
    data = _valid(forms.RenewForm, r)
    return cards.certificate_renew(
        certificate=_card(o, r),
        number=data["number"],
        issued_on=data["issued_on"],
        area=data["area"] or None,
        actor=u,
    )


def _status(service):
    def act(o, r, u):
        data = _valid(forms.StatusForm, r)
        if service is cards.certificate_reinstate:
            return service(certificate=_card(o, r), on=data["on"], note=data["reason"], actor=u)
        return service(certificate=_card(o, r), on=data["on"], reason=data["reason"], actor=u)

    return act


def _review(o, r, u):
    return cards.certificate_review_record(
        certificate=_card(o, r), actor=u, **_valid(forms.ReviewForm, r)
    )


def _training(o, r, u):
    return training.training_record_add(officer=o, actor=u, **_valid(forms.TrainingForm, r))


def _exam(o, r, u):
    return training.exam_result_add(officer=o, actor=u, **_valid(forms.ExamForm, r))


ACTIONS = {
    "update": _update,
    "deactivate": _deactivate,
    "issue": _issue,
    "renew": _renew,
    "suspend": _status(cards.certificate_suspend),
    "reinstate": _status(cards.certificate_reinstate),
    "revoke": _status(cards.certificate_revoke),
    "review": _review,
    "training": _training,
    "exam": _exam,
}


@login_required
@require_POST
def officer_action(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404("未知操作")
    officer = selectors.officer_get_for_user(pk=pk, user=request.user)
    _require_manager(request.user)
    try:
        ACTIONS[action](officer, request, request.user)
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已办理。")
    return redirect("officers:officer_detail", officer.pk)
