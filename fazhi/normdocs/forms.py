"""Staff and public forms: shape only. Every rule lives in the services."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from fazhi.core.choices import label_choices
from fazhi.core.domain.comments import ADOPTION_LABELS, COMMENT_MAX_CHARS
from fazhi.decisions.domain.competition import EXCEPTION_GROUNDS
from fazhi.decisions.forms import ChecklistMixin, review_day
from fazhi.normdocs.domain.cleanup import OUTCOME_LABELS
from fazhi.normdocs.domain.reviews import (
    COMPETITION_CONCLUSION_LABELS,
    DELIBERATION_DECISION_LABELS,
    LEGALITY_CONCLUSION_LABELS,
    LEGALITY_POINTS,
)
from fazhi.normdocs.domain.states import Action
from fazhi.normdocs.models.document import FilingResult


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        # <input type="date"> only accepts ISO dates, whatever the locale's format.
        super().__init__(attrs, format="%Y-%m-%d")


class StepForm(forms.Form):
    on = forms.DateField(label="办理日期", widget=DateInput, initial=timezone.localdate)


class DraftForm(forms.Form):
    title = forms.CharField(label="文件标题", max_length=200)
    body = forms.CharField(
        label="正文（每条以“第X条”开头）", widget=forms.Textarea(attrs={"rows": 12})
    )
    drafting_note = forms.CharField(
        label="起草说明", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    basis = forms.CharField(
        label="制定依据", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewForm(StepForm):
    conclusion = forms.ChoiceField(
        label="审核结论", choices=label_choices(LEGALITY_CONCLUSION_LABELS)
    )
    opinion = forms.CharField(label="书面审核意见", widget=forms.Textarea(attrs={"rows": 4}))
    urgent_reason = forms.CharField(
        label="紧急情况说明（送审不满5个工作日出具意见时必填）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, point in enumerate(LEGALITY_POINTS, start=1):
            self.fields[f"check_{point.code}"] = forms.BooleanField(
                label=f"（{number}）{point.text}：符合", required=False
            )

    def checks(self) -> dict[str, bool]:
        return {p.code: self.cleaned_data.get(f"check_{p.code}", False) for p in LEGALITY_POINTS}


class EditDraftForm(StepForm):
    title = forms.CharField(label="文件标题", max_length=200)
    body = forms.CharField(
        label="正文（每条以“第X条”开头）", widget=forms.Textarea(attrs={"rows": 10})
    )
    drafting_note = forms.CharField(
        label="起草说明", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ResubmitForm(StepForm):
    body = forms.CharField(label="修改后的正文", widget=forms.Textarea(attrs={"rows": 10}))
    note = forms.CharField(
        label="修改说明", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CompetitionForm(ChecklistMixin, StepForm):
    """The 公平竞争审查 step, with the checklist of the review day (the decisions' form mixin: one
    review, one checklist); 不涉及 leaves the checklist blank and states why."""

    conclusion = forms.ChoiceField(
        label="审查结论", choices=label_choices(COMPETITION_CONCLUSION_LABELS)
    )
    affects_reason = forms.CharField(
        label="是否涉及经营者经济活动的判断理由", widget=forms.Textarea(attrs={"rows": 2})
    )
    explanation = forms.CharField(label="结论说明", widget=forms.Textarea(attrs={"rows": 3}))
    consulted_who = forms.CharField(
        label="听取意见对象（经营者、行业协会等；涉及经营者时必填）", max_length=100, required=False
    )
    consulted_how = forms.CharField(
        label="听取方式（座谈会、书面征求、网上征求等）", max_length=50, required=False
    )
    consulted_on = forms.DateField(label="听取日期", required=False, widget=DateInput)
    consulted_views = forms.CharField(
        label="利害关系人意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    ground = forms.ChoiceField(
        label="例外情形（第十二条）",
        choices=[("", "—"), *EXCEPTION_GROUNDS.items()],
        required=False,
    )
    alternatives = forms.CharField(
        label="对替代方案的比较说明（适用例外时必填）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    term_end = forms.DateField(
        label="例外规定的实施期限（适用例外时必填）", required=False, widget=DateInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_checklist(review_day(self.data if self.is_bound else None, self.prefix))

    def step_data(self) -> dict:
        """The service's arguments (``document_review_competition``)."""
        data = self.cleaned_data
        heard = data["consulted_on"]
        return {
            "conclusion": data["conclusion"],
            "affects_reason": data["affects_reason"],
            "explanation": data["explanation"],
            "answers": self.answers(),
            "stakeholders": [
                {
                    "who": data["consulted_who"],
                    "how": data["consulted_how"],
                    "on": heard.isoformat() if heard else "",
                    "views": data["consulted_views"],
                }
            ],
            "ground": data["ground"],
            "alternatives": data["alternatives"],
            "term_end": data["term_end"],
        }


class DeliberateForm(StepForm):
    meeting = forms.CharField(label="会议名称", max_length=100)
    decision = forms.ChoiceField(
        label="审议决定", choices=label_choices(DELIBERATION_DECISION_LABELS)
    )
    minutes = forms.CharField(
        label="会议纪要摘要", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PublishForm(StepForm):
    effective_on = forms.DateField(
        label="施行日期（空则自公布之日起）", required=False, widget=DateInput
    )
    interpretation_title = forms.CharField(label="政策解读标题", max_length=200)
    interpretation_text = forms.CharField(
        label="政策解读", widget=forms.Textarea(attrs={"rows": 6})
    )


class FileForm(StepForm):
    body = forms.CharField(label="备案机关", max_length=100, required=False)


class FilingResultForm(StepForm):
    result = forms.ChoiceField(label="备案审查结果", choices=FilingResult.choices)
    opinion = forms.CharField(
        label="审查意见 / 纠正要求", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CorrectForm(StepForm):
    note = forms.CharField(label="纠正情况", widget=forms.Textarea(attrs={"rows": 3}))


ACTION_FORMS: dict[Action, type[forms.Form]] = {
    Action.EDIT_DRAFT: EditDraftForm,
    Action.OPEN_COMMENT: StepForm,
    Action.SUBMIT_REVIEW: StepForm,
    Action.REVIEW: ReviewForm,
    Action.RESUBMIT: ResubmitForm,
    Action.FAIR_COMPETITION: CompetitionForm,
    Action.DELIBERATE: DeliberateForm,
    Action.REGISTER: StepForm,
    Action.PUBLISH: PublishForm,
    Action.FILE: FileForm,
    Action.FILING_RESULT: FilingResultForm,
    Action.CORRECT: CorrectForm,
    Action.EXPIRE: StepForm,
}


class CommentHandleForm(forms.Form):
    OPERATIONS = [("valid", "有效"), ("spam", "无效"), ("merge", "合并"), ("mark", "标记采纳")]
    operation = forms.ChoiceField(choices=OPERATIONS)
    into = forms.IntegerField(label="合并到意见编号", required=False)
    adoption = forms.ChoiceField(
        label="采纳情况", choices=label_choices(ADOPTION_LABELS), required=False
    )
    reason = forms.CharField(label="理由", required=False, max_length=1000)


class PublicCommentForm(forms.Form):
    text = forms.CharField(
        label="您的意见", max_length=COMMENT_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 3})
    )
    author_name = forms.CharField(label="姓名（可不填）", max_length=50, required=False)
    contact = forms.CharField(label="联系方式（可不填）", max_length=100, required=False)
    # A field people never see: bots fill it in (cheap first line before the throttle).
    website = forms.CharField(required=False, widget=forms.HiddenInput)


class CleanupStartForm(StepForm):
    title = forms.CharField(label="清理名称", max_length=200)


class AssessForm(forms.Form):
    document = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label="清理意见", choices=label_choices(OUTCOME_LABELS))
    reason = forms.CharField(label="理由", required=False, max_length=1000)


class AnnounceForm(StepForm):
    announcement_title = forms.CharField(label="公告标题", max_length=200)
