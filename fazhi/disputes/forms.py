"""Staff and public forms (shape only; the rules live in the domain and services)."""

from __future__ import annotations

from django import forms

from fazhi.accounts.models import OrgUnit
from fazhi.core.validators import validate_phone, validate_resident_id
from fazhi.disputes.domain import jurisdiction
from fazhi.disputes.domain import litigation as lit
from fazhi.disputes.domain import reconsideration as rc

DATE = forms.DateInput(attrs={"type": "date"})
ORIGINAL_REF_HELP = (
    "执法案件的案件编号或决定书文号，或行政许可的受理编号或许可文号；"
    "复议决定、判决撤销或变更原决定时，据此撤回其公示"
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ApplicationForm(forms.Form):
    """Public online application (网上申请行政复议)."""

    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=100)
    applicant_id_number = forms.CharField(
        label="身份证件号码", max_length=32, validators=[validate_resident_id]
    )
    applicant_phone = forms.CharField(label="联系电话", max_length=32, validators=[validate_phone])
    respondent = forms.CharField(label="被申请人", max_length=100)
    act = forms.CharField(label="被申请的行政行为（名称、文号或作出日期）", max_length=300)
    act_known_on = forms.DateField(label="知道该行政行为的日期", widget=DATE)
    requests = forms.CharField(label="复议请求", widget=forms.Textarea(attrs={"rows": 3}))
    reasons = forms.CharField(label="事实和理由", widget=forms.Textarea(attrs={"rows": 5}))
    attachments = MultipleFileField(label="证据材料（PDF、图片，可多选）", required=False)


class StaffApplicationForm(ApplicationForm):
    """A paper application entered by staff, or (as respondent) the copy received."""

    org_unit = forms.ModelChoiceField(
        label="作出行为的单位", queryset=OrgUnit.objects.order_by("path")
    )
    role = forms.ChoiceField(
        label="本局身份",
        choices=[(rc.Role.BODY.value, "复议机关"), (rc.Role.RESPONDENT.value, "被申请人")],
    )
    received_on = forms.DateField(label="收到申请（副本）日期", widget=DATE)
    body_choice = forms.ChoiceField(
        label="申请人选择的复议机关（2024年1月1日前的申请）",
        required=False,
        choices=[("", "—")] + [(k.value, v) for k, v in jurisdiction.CHOICE_LABELS.items()],
        help_text="2024年1月1日前，申请人可选择本级人民政府或者上一级主管部门（行政复议法第十二条）；"
        "此后由本级人民政府管辖（2023年修订第二十四条），无需选择。",
    )
    is_simplified = forms.BooleanField(label="适用简易程序", required=False)
    power_item_code = forms.CharField(label="权力事项编码", max_length=64, required=False)
    original_case_ref = forms.CharField(
        label="原执法案件编号", max_length=100, required=False, help_text=ORIGINAL_REF_HELP
    )
    officers = forms.CharField(label="承办执法人员", max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("applicant_id_number", "applicant_phone", "reasons"):
            self.fields[name].required = False


class LitigationForm(forms.Form):
    org_unit = forms.ModelChoiceField(
        label="作出行为的单位", queryset=OrgUnit.objects.order_by("path")
    )
    court = forms.CharField(label="法院", max_length=100)
    case_number = forms.CharField(label="案号", max_length=64)
    instance = forms.ChoiceField(
        label="审级", choices=[(k.value, v) for k, v in lit.INSTANCE_LABELS.items()]
    )
    plaintiff = forms.CharField(label="原告（上诉人）", max_length=100)
    act = forms.CharField(label="被诉行政行为", max_length=300)
    claims = forms.CharField(label="诉讼请求", widget=forms.Textarea(attrs={"rows": 3}))
    received_on = forms.DateField(label="收到起诉状副本日期", widget=DATE)
    power_item_code = forms.CharField(label="权力事项编码", max_length=64, required=False)
    original_case_ref = forms.CharField(
        label="原执法案件编号", max_length=100, required=False, help_text=ORIGINAL_REF_HELP
    )
    officers = forms.CharField(label="承办执法人员", max_length=200, required=False)
