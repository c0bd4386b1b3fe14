"""Staff screens for 裁量基准 (sets, set page, 试算) and 社会保险费欠缴 (register, case page, steps),
and the public page of the benchmark in force (行政处罚法 第三十四条: benchmarks are published)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import ENFORCEMENT_BENCHMARKS, ENFORCEMENT_HANDLE, allowed
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.domain.errors import Refused
from fazhi.core.services.evidence import EvidenceRejected
from fazhi.enforcement.domain import arrears as arrears_rules
from fazhi.enforcement.domain import discretion as rules
from fazhi.enforcement.models import ArrearsCase, DiscretionBenchmarkSet
from fazhi.enforcement.services import arrears as arrears_services
from fazhi.enforcement.services import discretion as services


def _date(value: str, default: date | None = None) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        if default is not None:
            return default
        raise Refused("日期格式不正确（应为 YYYY-MM-DD）") from None


def _money(value: str) -> Decimal | None:
    value = (value or "").replace(",", "").strip()
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise Refused(f"金额“{value}”不是数字") from None


# ----------------------------------------------------------------------------- 裁量基准


@login_required
def discretion_list(request):
    today = timezone.localdate()
    in_force = services.discretion_set_in_force(on=today)
    return render(
        request,
        "enforcement/rules/discretion_list.html",
        {
            "sets": services.discretion_set_list(),
            "in_force": in_force,
            "today": today,
            "can_manage": allowed(request.user, ENFORCEMENT_BENCHMARKS),
        },
    )


@login_required
def discretion_detail(request, pk: int):
    try:
        benchmark_set = services.discretion_set_get(pk=pk)
    except DiscretionBenchmarkSet.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "enforcement/rules/discretion_detail.html",
        {
            "set": benchmark_set,
            "can_manage": allowed(request.user, ENFORCEMENT_BENCHMARKS),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def discretion_publish(request, pk: int):
    try:
        benchmark_set = DiscretionBenchmarkSet.objects.get(pk=pk)
    except DiscretionBenchmarkSet.DoesNotExist:
        raise Http404 from None
    try:
        services.discretion_set_publish(
            benchmark_set=benchmark_set,
            effective_from=_date(request.POST.get("effective_from", "")),
            actor=request.user,
        )
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "裁量基准已发布。")
    return redirect("enforcement:discretion_detail", pk)


class CalculatorForm(forms.Form):
    on = forms.DateField(label="违法行为发生日", widget=forms.DateInput(attrs={"type": "date"}))
    violation = forms.CharField(label="违法行为", max_length=32)
    workers = forms.IntegerField(label="涉及人数", min_value=0, required=False)
    months = forms.IntegerField(label="持续月数", min_value=0, required=False)
    amount = forms.DecimalField(
        label="涉及金额（元）", min_value=0, required=False, max_digits=14, decimal_places=2
    )
    party_kind = forms.ChoiceField(label="当事人", choices=list(rules.PARTY_KINDS.items()))
    harm = forms.ChoiceField(label="危害后果", choices=list(rules.HARMS.items()), required=False)
    first_offence = forms.BooleanField(label="初次违法", required=False)
    corrected = forms.BooleanField(label="已及时改正", required=False)
    circumstances = forms.MultipleChoiceField(
        label="情节",
        choices=list(rules.CIRCUMSTANCES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def facts(self) -> rules.Facts:
        d = self.cleaned_data
        return rules.Facts(
            workers=d.get("workers") or 0,
            months=d.get("months") or 0,
            amount=d.get("amount") or Decimal(0),
            party_kind=d["party_kind"],
            first_offence=d["first_offence"],
            corrected=d["corrected"],
            harm=d.get("harm") or "",
            circumstances=tuple(d.get("circumstances") or ()),
        )


@login_required
def discretion_calculator(request):
    """试算: violation + facts → proposed range (GET form, nothing is written)."""
    data = request.GET if "violation" in request.GET else None
    form = CalculatorForm(data, initial={"on": timezone.localdate(), "party_kind": "org"})
    on = _date(request.GET.get("on", ""), timezone.localdate())
    proposal, error = None, ""
    if form.is_bound and form.is_valid():
        on = form.cleaned_data["on"]
        try:
            proposal = services.discretion_propose(
                violation_code=form.cleaned_data["violation"], facts=form.facts(), on=on
            )
        except Refused as exc:
            error = str(exc)
    return render(
        request,
        "enforcement/rules/discretion_calculator.html",
        {
            "form": form,
            "proposal": proposal,
            "error": error,
            "on": on,
            "violations": services.discretion_violations(on=on),
            "selected": request.GET.get("violation", ""),
        },
    )


def discretion_public(request):
    """The benchmark in force (today, or on ``?on=``), for the public. Published sets only."""
    on = _date(request.GET.get("on", ""), timezone.localdate())
    benchmark_set = services.discretion_set_in_force(on=on)
    if benchmark_set is not None:
        benchmark_set = services.discretion_set_get(pk=benchmark_set.pk)
    return render(
        request,
        "enforcement/rules/discretion_public.html",
        {
            "set": benchmark_set,
            "on": on,
        },
    )


# ----------------------------------------------------------------------------- 社保欠费


@login_required
def arrears_list(request):
    today = timezone.localdate()
    status = request.GET.get("status", "")
    status = status if status in arrears_rules.STATUS_LABELS else ""
    qs = arrears_services.arrears_case_list(
        user=request.user, status=status, query=request.GET.get("q", "")[:100]
    )
    total = qs.count()
    rows = arrears_services.arrears_rows(qs[:200], today=today)
    return render(
        request,
        "enforcement/rules/arrears_list.html",
        {
            "rows": rows,
            "total": total,
            "today": today,
            "filters": request.GET,
            "statuses": arrears_rules.STATUS_LABELS.items(),
            "can_handle": allowed(request.user, ENFORCEMENT_HANDLE),
            "outstanding": sum((r.statement.principal_outstanding for r in rows), Decimal(0)),
            "late_fees": sum((r.statement.late_fee_outstanding for r in rows), Decimal(0)),
        },
    )


class ArrearsCaseForm(forms.Form):
    reference = forms.CharField(label="案件编号", max_length=64)
    employer_name = forms.CharField(label="用人单位", max_length=200)
    employer_uscc = forms.CharField(label="统一社会信用代码", max_length=30)
    period_from = forms.DateField(
        label="欠缴所属期起", widget=forms.DateInput(attrs={"type": "date"})
    )
    period_to = forms.DateField(
        label="欠缴所属期止", widget=forms.DateInput(attrs={"type": "date"})
    )
    principal = forms.DecimalField(label="欠缴本金（元）", max_digits=14, decimal_places=2)
    due_date = forms.DateField(label="应缴期限", widget=forms.DateInput(attrs={"type": "date"}))
    org_unit = forms.ModelChoiceField(label="办理单位", queryset=OrgUnit.objects.none())
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = scope_queryset(
            OrgUnit.objects.all(), user=user, unit_field=""
        )


@login_required
def arrears_create(request):
    if not allowed(request.user, ENFORCEMENT_HANDLE):  # offer the form; the service is the gate
        raise PermissionDenied("只有执法人员、局领导或系统管理员可以办理社会保险费欠缴案件")
    form = ArrearsCaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = arrears_services.arrears_case_register(actor=request.user, **form.cleaned_data)
        except Refused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "欠缴案件已登记。")
            return redirect("enforcement:arrears_detail", case.pk)
    return render(request, "enforcement/rules/arrears_form.html", {"form": form})


def _case_for(request, pk: int) -> ArrearsCase:
    try:
        return arrears_services.arrears_case_get(pk=pk, user=request.user)
    except ArrearsCase.DoesNotExist:
        raise Http404 from None


@login_required
def arrears_detail(request, pk: int):
    case = _case_for(request, pk)
    today = timezone.localdate()
    detail = arrears_services.arrears_case_detail(case=case, today=today)
    return render(
        request,
        "enforcement/rules/arrears_detail.html",
        {
            "case": case,
            "detail": detail,
            "row": detail.row,
            "today": today,
            "can_handle": allowed(request.user, ENFORCEMENT_HANDLE, unit=case.org_unit),
            "capped": arrears_services.late_fee_capped(),
            "labels": arrears_rules.STEP_LABELS,
            "basis": arrears_rules.STEP_BASIS,
        },
    )


@login_required
@require_POST
def arrears_step(request, pk: int, kind: str):
    case = _case_for(request, pk)
    if kind not in arrears_rules.STEP_LABELS:
        raise Http404
    post = request.POST
    upload = request.FILES.get("evidence")
    try:
        version = int(post.get("version", ""))
    except ValueError:
        version = None
    try:
        arrears_services.arrears_step_record(
            case=case,
            kind=kind,
            on=_date(post.get("on", "")),
            actor=request.user,
            expected_version=version,
            amount=_money(post.get("amount", "")),
            deadline=_date(post["deadline"]) if post.get("deadline") else None,
            balance=_money(post.get("balance", "")),
            bank=post.get("bank", ""),
            acting_body=post.get("acting_body", ""),
            document_number=post.get("document_number", ""),
            note=post.get("note", ""),
            evidence=arrears_services.EvidenceUpload(upload, upload.name) if upload else None,
        )
    except (Refused, EvidenceRejected) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已记录：{arrears_rules.STEP_LABELS[kind]}。")
    return redirect("enforcement:arrears_detail", pk)
