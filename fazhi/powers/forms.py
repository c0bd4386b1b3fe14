"""Staff forms for power items: shape only; the rules are in the services."""

from __future__ import annotations

from django import forms

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.selectors import visible_unit_ids
from fazhi.powers.selectors import KIND_LABELS

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label="职权类别", choices=list(KIND_LABELS.items()))
    name = forms.CharField(label="事项名称", max_length=200)
    org_unit = forms.ModelChoiceField(label="实施主体（责任单位）", queryset=OrgUnit.objects.none())
    legal_basis_text = forms.CharField(
        label="设定依据",
        widget=TEXTAREA,
        help_text="写明法规名称和条款，如《劳动保障监察条例》第二十六条；多条依据用分号隔开。"
        "法规库收录的条文会自动关联。",
    )
    process = forms.CharField(label="办理流程", widget=TEXTAREA, required=False)
    time_limit_text = forms.CharField(label="办理时限", max_length=500, required=False)
    remedy = forms.CharField(label="救济渠道", widget=TEXTAREA, required=False)
    accountability = forms.CharField(label="追责情形", widget=TEXTAREA, required=False)
    effective_from = forms.DateField(
        label="生效日期", widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label="变更理由",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="如：机构改革职责调整、某法律修改。理由随变更记录向社会公开。",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.filter(
            pk__in=visible_unit_ids(user), is_active=True
        ).order_by("path")


class CreateForm(ItemForm):
    code = forms.CharField(
        label="事项编码",
        max_length=64,
        help_text="字母、数字和连字符，如 CF-JC-26；编码一经确定不再变更。",
    )
    field_order = ["code"]


class ReviseForm(ItemForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    resolves_review = forms.BooleanField(label="本次修订已处理“待复核”提示", required=False)


class DeactivateForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    effective_from = forms.DateField(
        label="取消生效日期", widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label="取消理由", widget=forms.Textarea(attrs={"rows": 2}))


class ClearReviewForm(forms.Form):
    note = forms.CharField(
        label="复核意见",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="如：新版本该条仅调整条号，本事项内容无需调整。",
    )
