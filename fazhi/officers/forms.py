"""Staff forms (shape only; the rules live in the domain and services)."""

from __future__ import annotations

from django import forms

from fazhi.accounts.models import OrgUnit, User
from fazhi.officers.models import Post

DATE = forms.DateInput(attrs={"type": "date"})


def _units():
    return OrgUnit.objects.filter(is_active=True).order_by("path")


class OfficerForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    org_unit = forms.ModelChoiceField(label="所在单位", queryset=_units())
    post = forms.ChoiceField(label="岗位", choices=Post.choices)
    user = forms.ModelChoiceField(
        label="系统账号（可不填）",
        queryset=User.objects.filter(is_active=True).order_by("username"),
        required=False,
    )
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = _units()


class IssueForm(forms.Form):
    number = forms.CharField(label="执法证号", max_length=32)
    area = forms.CharField(label="执法区域", max_length=100)
    issued_on = forms.DateField(label="发证日期", widget=DATE)
    expires_on = forms.DateField(
        label="有效期至（不填按规定年限计算）", widget=DATE, required=False
    )


class RenewForm(forms.Form):
    number = forms.CharField(label="新证号", max_length=32)
    issued_on = forms.DateField(label="换证日期", widget=DATE)
    area = forms.CharField(label="执法区域（不填沿用旧证）", max_length=100, required=False)


class StatusForm(forms.Form):
    on = forms.DateField(label="日期", widget=DATE)
    reason = forms.CharField(label="原因", max_length=200, required=False)


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label="年审日期", widget=DATE)
    passed = forms.TypedChoiceField(
        label="结论", choices=[("1", "合格"), ("0", "不合格")], coerce=lambda v: v == "1"
    )
    note = forms.CharField(label="说明（不合格须写明原因）", max_length=200, required=False)


class TrainingForm(forms.Form):
    attended_on = forms.DateField(label="培训日期", widget=DATE)
    course = forms.CharField(label="培训内容", max_length=200)
    hours = forms.DecimalField(label="学时", max_digits=5, decimal_places=1, min_value=0)


class ExamForm(forms.Form):
    exam = forms.CharField(label="考试名称", max_length=200)
    taken_on = forms.DateField(label="考试日期", widget=DATE)
    score = forms.DecimalField(
        label="成绩（可不填）", max_digits=5, decimal_places=1, required=False
    )
    passed = forms.TypedChoiceField(
        label="结论", choices=[("1", "合格"), ("0", "不合格")], coerce=lambda v: v == "1"
    )


class DeactivateForm(forms.Form):
    on = forms.DateField(label="离岗日期", widget=DATE)
    reason = forms.CharField(label="离岗原因", max_length=200)


class ImportForm(forms.Form):
    file = forms.FileField(label="Excel（.xlsx）或 CSV 文件")
