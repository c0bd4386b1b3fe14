"""Staff form for receiving a paper application (shape only; rules live in the services)."""

from __future__ import annotations

from django import forms

from fazhi.core.validators import validate_phone
from fazhi.govservices.domain.licensing import APPLICANT_CATEGORY_LABELS, APPLICANT_ID_TYPES


class ApplicationForm(forms.Form):
    applicant_name = forms.CharField(label="申请人名称", max_length=200)
    applicant_category = forms.ChoiceField(
        label="申请人类别", choices=[(k.value, v) for k, v in APPLICANT_CATEGORY_LABELS.items()]
    )
    applicant_uscc = forms.CharField(label="统一社会信用代码", max_length=32, required=False)
    applicant_id_type = forms.ChoiceField(
        label="证件类型",
        required=False,
        choices=[("", "居民身份证（默认）")] + [(t, t) for t in APPLICANT_ID_TYPES[1:]],
        help_text="申请人为自然人时填写",
    )
    applicant_id_type_note = forms.CharField(
        label="证件名称",
        max_length=50,
        required=False,
        help_text="证件类型选“其他”时填写，如“军官证”",
    )
    applicant_id_number = forms.CharField(
        label="证件号码", max_length=32, required=False, help_text="申请人为自然人时必填"
    )
    legal_representative = forms.CharField(label="法定代表人", max_length=50, required=False)
    contact_name = forms.CharField(label="联系人", max_length=50, required=False)
    contact_phone = forms.CharField(
        label="联系电话", max_length=32, required=False, validators=[validate_phone]
    )
    contact_address = forms.CharField(label="联系地址", max_length=200, required=False)
    received_on = forms.DateField(label="收件日期", widget=forms.DateInput(attrs={"type": "date"}))
    materials = forms.MultipleChoiceField(
        label="收到的材料", required=False, widget=forms.CheckboxSelectMultiple
    )
    registered_capital_yuan = forms.IntegerField(
        label="注册资本（元）", required=False, min_value=0
    )
    full_time_staff = forms.IntegerField(label="专职工作人员（人）", required=False, min_value=0)

    def __init__(self, *args, items=(), **kwargs):
        """``items``: the item applied for, or every item of a 主题审批 bundle (a material
        several items list is handed in once, so it is offered once)."""
        super().__init__(*args, **kwargs)
        names = dict.fromkeys(
            m.name for item in items for m in item.materials.all() if not m.is_shared
        )
        self.fields["materials"].choices = [(n, n) for n in names]

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        facts = {k: data.pop(k) for k in ("registered_capital_yuan", "full_time_staff")}
        data["facts"] = {k: v for k, v in facts.items() if v is not None}
        return data
