"""Staff forms (shape only; the rules live in the domain and the services)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.selectors import user_sees_all_units, visible_unit_ids
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.identifiers import party_code_problem
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.services.cases import CASE_POWER_KINDS
from fazhi.enforcement.services.discretion import discretion_violations
from fazhi.powers.models import PowerItem

DATE = forms.DateInput(attrs={"type": "date"})


def violation_choices(on: date) -> list[tuple[str, str]]:
    try:
        return [("", "（不适用裁量基准）"), *discretion_violations(on=on)]
    except Refused:
        return [("", "（当日没有施行的裁量基准）")]


class CaseForm(forms.Form):
    power_item = forms.ModelChoiceField(
        label="权责事项",
        queryset=PowerItem.objects.filter(is_active=True, kind__in=CASE_POWER_KINDS).order_by(
            "code"
        ),
    )
    org_unit = forms.ModelChoiceField(label="办案单位", queryset=OrgUnit.objects.order_by("path"))
    source = forms.ChoiceField(
        label="案件来源", choices=[(k.value, v) for k, v in flow.SOURCE_LABELS.items()]
    )
    procedure = forms.ChoiceField(
        label="程序", choices=[(k.value, v) for k, v in flow.PROCEDURE_LABELS.items()]
    )
    received_on = forms.DateField(label="收到投诉举报或发现日期", widget=DATE)
    cause = forms.CharField(label="案由", max_length=300)
    party_name = forms.CharField(label="当事人名称或姓名", max_length=200)
    party_kind = forms.ChoiceField(
        label="当事人类别", choices=[("org", "法人或其他组织"), ("person", "公民")]
    )
    party_code = forms.CharField(label="统一社会信用代码/身份证号", max_length=32, required=False)
    party_address = forms.CharField(label="地址", max_length=300, required=False)
    party_legal_rep = forms.CharField(
        label="法定代表人/负责人（单位当事人）", max_length=100, required=False
    )
    complainant = forms.CharField(label="投诉举报人", max_length=100, required=False)
    violation_code = forms.ChoiceField(label="违法行为（裁量基准）", required=False, choices=())

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not (user.is_superuser or user_sees_all_units(user)):
            self.fields["org_unit"].queryset = OrgUnit.objects.filter(
                pk__in=visible_unit_ids(user)
            ).order_by("path")
            if getattr(user, "org_unit_id", None):
                self.fields["org_unit"].initial = user.org_unit_id
        self.fields["violation_code"].choices = violation_choices(timezone.localdate())

    def clean_party_code(self):
        # issue 17 item 15: a USCC or ID number with a wrong check digit is refused at 立案
        code = self.cleaned_data.get("party_code", "")
        kind = self.cleaned_data.get("party_kind", "org")
        if problem := party_code_problem(kind, code, today=timezone.localdate()):
            raise forms.ValidationError(problem)
        return code
