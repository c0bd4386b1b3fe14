"""Staff forms of 重大行政决策, 法律顾问 and 公平竞争审查: shape only, every rule lives in the
services (a form never refuses what the law allows)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.core.choices import label_choices
from fazhi.core.domain.comments import ADOPTION_LABELS
from fazhi.core.views.steps import date_field, text_field, yes_no
from fazhi.decisions.domain import competition as comp
from fazhi.decisions.domain.counsel import CONCLUSION_LABELS as OPINION_LABELS
from fazhi.decisions.domain.procedure import View
from fazhi.decisions.models import CatalogueItem, Counsel, CounselOpinion


class StartForm(forms.Form):
    title = forms.CharField(label="决策名称", max_length=200)
    org_unit = forms.ModelChoiceField(label="承办单位", queryset=OrgUnit.objects.none())
    affects_market = forms.BooleanField(
        label="涉及市场主体经济活动（须经公平竞争审查）", required=False
    )
    on = date_field("启动日期")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units if units is not None else OrgUnit.objects.all()


class OpenCommentForm(forms.Form):
    draft = text_field("决策草案及其说明（在门户公布，公众据此提意见）", rows=8)
    opens = date_field("征求意见开始日期")
    closes = date_field("征求意见截止日期", today=False)
    short_reason = text_field(
        "征求意见期少于30日的理由", rows=2, required=False, help_text="不少于30日的可不填。"
    )


class AdoptionReportForm(forms.Form):
    report = text_field("意见采纳情况（收到多少条、采纳多少条、未采纳的理由）", rows=4)
    on = date_field("报告日期")


class ExpertForm(forms.Form):
    expert = forms.CharField(label="专家姓名", max_length=50)
    affiliation = forms.CharField(label="工作单位", max_length=100, required=False)
    declaration = text_field("利害关系声明", rows=2)
    direct_interest = yes_no("与决策事项有直接利害关系")
    opinion = text_field("书面论证意见", rows=4)
    given_on = date_field("出具日期")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direct_interest"].initial = "no"


class WaiveForm(forms.Form):
    gate = forms.ChoiceField(label="程序", choices=[("experts", "专家论证"), ("risk", "风险评估")])
    reason = text_field("不适用该程序的理由", rows=2)
    on = date_field("办理日期")


class RiskForm(forms.Form):
    report = text_field("风险评估报告（风险点、防范措施、处置预案）", rows=5)
    assessor = forms.CharField(label="评估单位（可为第三方）", max_length=100, required=False)
    controllable = yes_no("风险可控")
    on = date_field("评估日期")


class SubmitReviewForm(forms.Form):
    materials = text_field("送审材料（草案、起草说明、依据、程序履行情况）", rows=3)
    on = date_field("送审日期")


class LegalityReviewForm(forms.Form):
    conclusion = forms.ChoiceField(label="审查结论", choices=label_choices(OPINION_LABELS))
    opinion = text_field("审查意见", rows=4)
    counsel_opinion = forms.ModelChoiceField(
        label="法律顾问意见（须经首席法律顾问签发）",
        queryset=CounselOpinion.objects.none(),
        empty_label="（请选择）",
        required=False,
    )
    on = date_field("审查日期")

    def __init__(self, *args, decision=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsel_opinion"].queryset = CounselOpinion.objects.filter(
            matter_type="decision", matter_id=getattr(decision, "pk", 0)
        ).exclude(given_on=None)
        self.fields["counsel_opinion"].label_from_instance = lambda o: (
            f"{o.counsel.name} {o.get_conclusion_display()}"
            f"（{'已签发' if o.signed_on else '未签发'}）"
        )


class CounselRequestForm(forms.Form):
    counsel = forms.ModelChoiceField(label="法律顾问", queryset=Counsel.objects.all())
    question = text_field("咨询事项", rows=2)
    materials = text_field("提供的材料", rows=2)
    due_on = date_field("答复期限", today=False)
    on = date_field("委托日期")


_VIEWS = {
    "同意": View.AGREE,
    "不同意": View.DISAGREE,
    "保留": View.RESERVED,
    "保留意见": View.RESERVED,
}


def parse_speakers(text: str, head: str) -> list[dict]:
    """One line per speaker in speaking order: ``姓名，意见，发言要点`` (意见: 同意 / 不同意 /
    保留). The 行政首长 is named in its own field.

    >>> parse_speakers("甲，同意\\n局长，同意，原则通过", "局长")[1]["is_head"]
    True
    """
    rows = []
    for number, line in enumerate(filter(None, (x.strip() for x in text.splitlines())), 1):
        parts = [p.strip() for p in line.replace(",", "，").split("，", 2)]
        if len(parts) < 2 or parts[1] not in _VIEWS:
            raise ValidationError(f"第{number}行应为“姓名，同意/不同意/保留，发言要点”")
        rows.append(
            {
                "name": parts[0],
                "order": number,
                "view": str(_VIEWS[parts[1]]),
                "remarks": parts[2] if len(parts) > 2 else "",
                "is_head": parts[0] == head.strip(),
            }
        )
    return rows


class DiscussForm(forms.Form):
    meeting = forms.CharField(label="会议名称", max_length=100)
    speakers = text_field(
        "发言情况（按发言顺序每行一人：姓名，同意/不同意/保留，发言要点）",
        rows=5,
        help_text="行政首长应当最后发言。",
    )
    head = forms.CharField(label="行政首长姓名", max_length=50)
    adopted = yes_no("决定通过")
    outcome = text_field("决定内容", rows=2)
    departure_reason = text_field(
        "与多数人意见不一致的理由", rows=2, required=False, help_text="决定与多数意见一致的可不填。"
    )
    on = date_field("会议日期")

    def clean(self):
        data = super().clean()
        if "speakers" in data and "head" in data:
            try:
                data["speakers"] = parse_speakers(data["speakers"], data["head"])
            except ValidationError as exc:
                self.add_error("speakers", exc)
        return data


class HearingForm(forms.Form):
    notice_on = date_field("听证公告和材料公开日期", today=False)
    materials = text_field("公开的听证材料", rows=2)
    held_on = date_field("听证日期", today=False)
    place = forms.CharField(label="听证地点", max_length=100)
    participants = text_field(
        "听证参加人（每行一人：姓名，代表方面）", rows=4, help_text="如：张某，用人单位代表"
    )
    minutes = text_field("听证笔录要点", rows=4)
    outcome = text_field("听证意见处理情况", rows=3)

    def clean_participants(self) -> list[dict[str, str]]:
        rows = []
        for line in self.cleaned_data["participants"].splitlines():
            name, _, represents = line.replace(",", "，").partition("，")
            if name.strip():
                rows.append({"name": name.strip(), "represents": represents.strip()})
        return rows


class ModerateForm(forms.Form):
    """One public comment: publish it with its 采纳情况, or hide it; the reason either way."""

    approve = forms.TypedChoiceField(
        label="审核结果",
        choices=[("yes", "公开"), ("no", "不予公开")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    adoption = forms.ChoiceField(
        label="采纳情况（公开的意见必选）",
        choices=[("", "—"), *label_choices(ADOPTION_LABELS)],
        required=False,
    )
    reason = text_field("理由（采纳或不予公开的理由）", rows=2)


# --- 决策事项目录 ---------------------------------------------------------------------------------


class CatalogueDraftForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    org_unit = forms.ModelChoiceField(label="编制单位", queryset=OrgUnit.objects.none())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units if units is not None else OrgUnit.objects.all()
        self.fields["year"].initial = timezone.localdate().year


class CatalogueItemForm(forms.Form):
    title = forms.CharField(label="决策事项", max_length=200)
    sponsor = forms.ModelChoiceField(label="承办单位", queryset=OrgUnit.objects.all())
    basis = text_field("决策依据", rows=2, required=False)
    planned = forms.CharField(label="计划完成时间", max_length=50, required=False)
    reason = text_field("调整理由（目录公布后增加事项的必填）", rows=2, required=False)


class CataloguePublishForm(forms.Form):
    party_agreed_on = date_field("党组同意日期", today=False)
    on = date_field("公布日期")


class CatalogueWithdrawForm(forms.Form):
    item = forms.ModelChoiceField(label="调出的事项", queryset=CatalogueItem.objects.none())
    reason = text_field("调出理由", rows=2)
    on = date_field("调整日期")

    def __init__(self, *args, catalogue=None, **kwargs):
        super().__init__(*args, **kwargs)
        if catalogue is not None:
            self.fields["item"].queryset = catalogue.items.filter(withdrawn_on__isnull=True)


class PublishForm(forms.Form):
    channel = forms.CharField(label="公布渠道", max_length=100, initial="市人社局门户网站")
    opinions_explained = text_field("公众和专家意见采纳情况说明", rows=3)
    on = date_field("公布日期")


class ExecutionForm(forms.Form):
    notes = text_field("执行情况", rows=3)
    on = date_field("报告日期")


class EvaluateForm(forms.Form):
    trigger = forms.CharField(label="后评估启动情形", max_length=100)
    evaluator = forms.CharField(label="评估单位", max_length=100, required=False)
    conclusion = text_field("评估结论", rows=3)
    on = date_field("评估日期")


class ArchiveForm(forms.Form):
    late_reason = text_field("逾期归档原因（超过30日的必填）", rows=2, required=False)
    on = date_field("归档日期")


class CompetitionOpenForm(forms.Form):
    affects_market = yes_no("涉及经营者经济活动")
    affects_reason = text_field("判断理由", rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["affects_market"].initial = "yes"


# --- 法律顾问 -------------------------------------------------------------------------------------


class CounselRegisterForm(forms.Form):
    kind = forms.ChoiceField(
        label="类别", choices=[("internal", "公职律师"), ("external", "外聘律师")]
    )
    name = forms.CharField(label="姓名", max_length=50)
    firm = forms.CharField(label="律师事务所（外聘必填）", max_length=100, required=False)
    licence_no = forms.CharField(label="执业证号或公职律师证号", max_length=50, required=False)
    contract_start = date_field("聘用起始", required=False, today=False)
    contract_end = date_field("聘用截止", required=False, today=False)
    contract_terms = text_field("合同约定", rows=2, required=False)
    is_chief = forms.BooleanField(label="首席法律顾问", required=False)


class ConflictForm(forms.Form):
    description = text_field("利益冲突情况", rows=2)
    on = date_field("申报日期")


class AnswerForm(forms.Form):
    facts = text_field("所依据的事实", rows=3)
    legal_basis = text_field("法律依据（写明法律文件和条款）", rows=2)
    conclusion = forms.ChoiceField(label="结论", choices=label_choices(OPINION_LABELS))
    text = text_field("意见内容", rows=4)
    on = date_field("出具日期")


class SignOffForm(forms.Form):
    on = date_field("签发日期")


class CounselAdoptionForm(forms.Form):
    adopted = yes_no("意见被采纳")
    reason = text_field("未采纳的理由", rows=2, required=False)


# --- 公平竞争审查 ---------------------------------------------------------------------------------


class ConsultForm(forms.Form):
    who = forms.CharField(label="听取意见对象（经营者、行业协会等）", max_length=100)
    how = forms.CharField(label="听取方式（座谈会、书面征求、网上征求等）", max_length=50)
    views = text_field("意见内容", rows=2)
    on = date_field("听取日期")


def review_day(data, prefix: str | None) -> date:
    """The review day posted with a checklist form (the standards in force depend on it), else
    today: a form re-shown after a refusal lists the standards of the day typed."""
    if data is not None:
        try:
            return date.fromisoformat(data.get(f"{prefix}-on" if prefix else "on", ""))
        except (TypeError, ValueError):
            pass
    return timezone.localdate()


class ChecklistMixin:
    """The 公平竞争审查 checklist in force on the review day (``comp.standards_on``), one
    verdict and one reason per standard; decisions' and normative documents' forms both use it.
    A standard missing from the post (the day changed the list) is refused by the service,
    which names it, so the fields are not required here."""

    standards: tuple[comp.Standard, ...] = ()

    def add_checklist(self, day: date, enabled: bool = True) -> None:
        self.standards = comp.standards_on(day) if enabled else ()
        for st in self.standards:
            self.fields[f"v_{st.code}"] = forms.ChoiceField(  # type: ignore[attr-defined]
                label=f"{st.code} {st.text}",
                choices=[("no", "不违反"), ("yes", "违反")],
                initial="no",
                required=False,
            )
            self.fields[f"r_{st.code}"] = forms.CharField(  # type: ignore[attr-defined]
                label=f"{st.code} 理由", max_length=500, required=False
            )

    def answers(self) -> dict[str, dict]:
        data = self.cleaned_data  # type: ignore[attr-defined]
        return {
            st.code: {
                "violates": data.get(f"v_{st.code}") == "yes",
                "reason": data.get(f"r_{st.code}", ""),
            }
            for st in self.standards
        }

    def head_fields(self):
        return [self[name] for name in self.fields if not name.startswith(("v_", "r_"))]  # type: ignore[attr-defined,index]

    def checklist(self):
        """(standard, verdict field, reason field) rows for the template."""
        return [(st, self[f"v_{st.code}"], self[f"r_{st.code}"]) for st in self.standards]  # type: ignore[index]


class ConcludeForm(ChecklistMixin, forms.Form):
    """The checklist in force on the review day: every standard answered with a reason."""

    on = date_field("审查日期")
    conclusion = forms.ChoiceField(label="审查结论", choices=label_choices(comp.CONCLUSION_LABELS))
    explanation = text_field("结论说明", rows=3)
    ground = forms.ChoiceField(
        label="例外情形（第十二条）",
        choices=[("", "—"), *comp.EXCEPTION_GROUNDS.items()],
        required=False,
    )
    alternatives = text_field("对替代方案的比较说明（适用例外时必填）", rows=2, required=False)
    term_end = date_field("例外规定的实施期限（适用例外时必填）", required=False, today=False)

    def __init__(self, *args, affects_market: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_checklist(
            review_day(self.data if self.is_bound else None, self.prefix), affects_market
        )
