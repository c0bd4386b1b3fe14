"""Staff forms of the 立法 registers: shape only, the rules live in the services."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.core.views.steps import date_field, text_field
from fazhi.legislation.domain import rules as r

OPINION_ROWS = 5  # article-by-article rows offered at once; a longer reply is entered twice


class ProjectForm(forms.Form):
    kind = forms.ChoiceField(
        label="项目类型", choices=[(str(k), v) for k, v in r.KIND_LABELS.items()]
    )
    title = forms.CharField(label="项目名称", max_length=200)
    org_unit = forms.ModelChoiceField(label="承办单位", queryset=OrgUnit.objects.none())
    year = forms.IntegerField(label="计划年度", min_value=2000, max_value=2100)
    application = text_field("立项申请（必要性、拟解决的主要问题、拟确立的主要制度）", rows=5)
    revises = forms.BooleanField(label="修订现行规章", required=False)
    on = date_field("申请日期")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units if units is not None else OrgUnit.objects.all()
        self.fields["year"].initial = timezone.localdate().year


class DraftForm(forms.Form):
    title = forms.CharField(label="草案名称", max_length=200)
    level = forms.ChoiceField(label="层级", choices=list(r.LEVEL_LABELS.items()))
    requester = forms.CharField(label="征求意见机关", max_length=100)
    doc_number = forms.CharField(label="来文文号", max_length=50, required=False)
    received_on = date_field("收文日期")
    due_on = date_field("反馈期限", today=False)
    org_unit = forms.ModelChoiceField(label="承办单位", queryset=OrgUnit.objects.none())
    offices = forms.ModelMultipleChoiceField(
        label="征求意见的内部处室", queryset=OrgUnit.objects.all(), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units if units is not None else OrgUnit.objects.all()


class StartDraftingForm(forms.Form):
    pass


class OpenCommentForm(forms.Form):
    opens = date_field("征求意见开始日期")
    closes = date_field("征求意见截止日期", today=False)
    short_reason = text_field("征求意见期少于30日的理由", rows=2, required=False)


class HearingForm(forms.Form):
    announced = date_field("听证公告日期", today=False)
    held = date_field("听证会日期")
    record = text_field("听证笔录（要点）", rows=3)


class ResearchForm(forms.Form):
    report = text_field("调研报告", rows=5)
    on = date_field("完成日期")


class SubmitForm(forms.Form):
    draft = text_field(r.SUBMISSION_PARTS["draft"], rows=4)
    explanation = text_field(r.SUBMISSION_PARTS["explanation"], rows=3)
    materials = text_field(r.SUBMISSION_PARTS["materials"], rows=3)
    on = date_field("报送日期")


class OutcomeForm(forms.Form):
    number = forms.CharField(label="公布文号（如政府令第14号）", max_length=50)
    published_on = date_field("公布日期")


class ModerateForm(forms.Form):
    comment = forms.ModelChoiceField(label="公众意见", queryset=None)
    approve = forms.TypedChoiceField(
        label="审核结果",
        choices=[("yes", "公开"), ("no", "不公开")],
        coerce=lambda v: v == "yes",
    )

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].queryset = project.comments.filter(approved__isnull=True)
        self.fields["comment"].label_from_instance = lambda c: c.text[:60]


class OpinionsForm(forms.Form):
    """Article-by-article opinions: each with the article, the proposal, the reason and the
    legal basis (the service refuses a row that lacks one)."""

    no_opinion = forms.BooleanField(label="无修改意见", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, OPINION_ROWS + 1):
            self.fields[f"article_{i}"] = forms.CharField(
                label=f"意见{i}：条款", max_length=50, required=False
            )
            self.fields[f"proposal_{i}"] = forms.CharField(
                label=f"意见{i}：修改建议", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"reason_{i}"] = forms.CharField(
                label=f"意见{i}：理由", max_length=500, required=False
            )
            self.fields[f"basis_{i}"] = forms.CharField(
                label=f"意见{i}：依据", max_length=200, required=False
            )

    def opinions(self) -> list[dict]:
        data = self.cleaned_data
        rows = []
        for i in range(1, OPINION_ROWS + 1):
            row = {k: data.get(f"{k}_{i}", "") for k in ("article", "proposal", "reason", "basis")}
            if any(v.strip() for v in row.values()):
                rows.append(row)
        return rows


class SignForm(forms.Form):
    on = date_field("签发日期")


class SendForm(forms.Form):
    channel = forms.CharField(label="反馈方式（公文、电子邮件等）", max_length=50)
    on = date_field("报送日期")


class AdoptionForm(forms.Form):
    adopted = text_field("采纳情况（最终文本公布后填写，可注明采纳的条款）", rows=2)
