"""重大行政决策 (目录, decisions and their procedures), 法律顾问 and their opinions, and
公平竞争审查 (one review record any app's measure can point at)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.choices import label_choices
from fazhi.core.domain.comments import ADOPTION_LABELS
from fazhi.core.models.entry_dates import TypedDateEntry
from fazhi.decisions.domain.competition import CONCLUSION_LABELS as COMPETITION_LABELS
from fazhi.decisions.domain.counsel import (
    CONCLUSION_LABELS as OPINION_LABELS,
)
from fazhi.decisions.domain.counsel import (
    MATTER_LABELS,
    CounselKind,
)
from fazhi.decisions.domain.procedure import STAGE_LABELS, Stage, View

USER = settings.AUTH_USER_MODEL


class Recorded(models.Model):
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


# --- 决策事项目录 ---------------------------------------------------------------------------------


class Catalogue(Recorded):
    """The yearly 决策事项目录 (第三条): drafted, published after the 党组 agrees, adjusted."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("起草中")
        PUBLISHED = "published", _("已公布")

    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    party_agreed_on = models.DateField(_("党组同意日期"), null=True, blank=True)
    published_on = models.DateField(_("公布日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("决策事项目录")
        verbose_name_plural = _("决策事项目录")
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "year"], name="decisions_one_catalogue")
        ]

    def __str__(self) -> str:
        return f"{self.year}年度重大行政决策事项目录"


class CatalogueItem(Recorded):
    catalogue = models.ForeignKey(Catalogue, on_delete=models.PROTECT, related_name="items")
    title = models.CharField(_("决策事项"), max_length=200)
    sponsor = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("承办单位")
    )
    basis = models.TextField(_("决策依据"), blank=True)
    planned = models.CharField(_("计划完成时间"), max_length=50, blank=True)
    added_reason = models.TextField(
        _("调整增加理由"), blank=True
    )  # set when added after publication
    added_on = models.DateField(_("列入日期"), null=True, blank=True)
    withdrawn_on = models.DateField(_("调出日期"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("调出理由"), blank=True)

    class Meta:
        verbose_name = _("决策事项")
        verbose_name_plural = _("决策事项")
        ordering = ["catalogue", "id"]

    def __str__(self) -> str:
        return self.title


# --- decisions -------------------------------------------------------------------------------------


class Decision(Recorded):
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(
        CatalogueItem, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    title = models.CharField(_("决策名称"), max_length=200)
    stage = models.CharField(
        max_length=12, choices=label_choices(STAGE_LABELS), default=Stage.DRAFTING
    )
    started_on = models.DateField(_("启动日期"))
    affects_market = models.BooleanField(_("涉及市场主体经济活动"), default=False)
    # 公众参与 (第十四至十八条)
    comment_opens = models.DateField(_("征求意见开始"), null=True, blank=True)
    comment_closes = models.DateField(_("征求意见截止"), null=True, blank=True)
    comment_short_reason = models.TextField(_("征求意见期少于30日的理由"), blank=True)
    # 第十五条: the draft and its explanation are published with the call for comments
    comment_draft = models.TextField(_("决策草案及其说明"), blank=True)
    adoption_report = models.TextField(_("意见采纳情况"), blank=True)
    # 专家论证 / 风险评估: done, or not applicable with the reason recorded
    experts_waived_reason = models.TextField(_("不需专家论证的理由"), blank=True)
    risk_report = models.TextField(_("风险评估报告"), blank=True)
    risk_controllable = models.BooleanField(null=True)
    risk_assessor = models.CharField(_("风险评估单位"), max_length=100, blank=True)
    risk_waived_reason = models.TextField(_("不需风险评估的理由"), blank=True)
    # 集体讨论决定 (第三十条)
    meeting = models.CharField(_("会议"), max_length=100, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    outcome = models.TextField(_("决定内容"), blank=True)
    adopted = models.BooleanField(null=True)
    departure_reason = models.TextField(_("与多数意见不一致的理由"), blank=True)
    # 公布, 执行, 后评估, 档案
    published_on = models.DateField(_("公布日期"), null=True, blank=True)
    publication_channel = models.CharField(_("公布渠道"), max_length=100, blank=True)
    opinions_explained = models.TextField(_("公众和专家意见采纳说明"), blank=True)
    execution_notes = models.TextField(_("执行情况"), blank=True)
    evaluation = models.TextField(_("决策后评估结论"), blank=True)
    evaluation_trigger = models.CharField(_("后评估启动情形"), max_length=100, blank=True)
    evaluator = models.CharField(_("评估单位"), max_length=100, blank=True)
    archived_on = models.DateField(_("归档日期"), null=True, blank=True)
    archive_late_reason = models.TextField(_("逾期归档原因"), blank=True)

    class Meta:
        verbose_name = _("重大行政决策")
        verbose_name_plural = _("重大行政决策")
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('decisions:register')}#decision-{self.pk}"


class DecisionDateEntry(TypedDateEntry):
    """The typed date of a decision step beside the day and time it was entered and by whom
    (issue 18.5; 津政办发〔2021〕42号 过程记录): flagged 疑似倒签 when typed before the previous
    step was entered. Written only by ``services._common.enter_date``."""

    subject_field = "decision"

    step_labels = {
        "start": "启动决策",
        "adoption_report": "意见采纳情况报告",
        "hearing": "听证情况记录",
        "waive": "不适用程序说明",
        "risk": "风险评估",
        "submit_review": "送交合法性审查",
        "review": "合法性审查意见",
        "discuss": "集体讨论决定",
        "publish": "公布",
        "execution": "执行情况报告",
        "evaluate": "决策后评估",
        "archive": "归档",
        "expert": "专家论证意见",
        "counsel_request": "委托法律顾问",
        "counsel_answer": "法律意见出具",
        "counsel_sign_off": "首席法律顾问签发",
        "competition_consult": "公平竞争审查听取意见",
        "competition_conclude": "公平竞争审查结论",
    }

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="date_entries")
    step = models.CharField(_("环节"), max_length=20, choices=list(step_labels.items()))

    class Meta:
        ordering = ["decision", "entered_at", "pk"]
        verbose_name = _("决策日期录入记录")
        verbose_name_plural = _("决策日期录入记录")


class PublicComment(models.Model):
    """A comment from the public on a decision draft (normdocs' checks: length, spam and flood
    limits); shown only after moderation, never with the commenter's name or contact."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField()
    fingerprint = models.CharField(max_length=64, db_index=True)
    author_name = models.CharField(max_length=50, blank=True)
    contact = models.CharField(max_length=100, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    submitted_at = models.DateTimeField()
    article = models.CharField(_("针对条款"), max_length=20, blank=True)  # e.g. 第三条
    is_flagged = models.BooleanField(default=False)
    flag_reason = models.CharField(max_length=200, blank=True)
    approved = models.BooleanField(null=True)  # None: not yet moderated
    # moderation: a hidden comment stays in the record with why and who (never deleted)
    moderation_reason = models.TextField(_("审核理由"), blank=True)
    moderated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    # the 采纳情况 of an accepted comment, gathered into the decision's adoption report
    adoption = models.CharField(
        _("采纳情况"), max_length=10, choices=label_choices(ADOPTION_LABELS), blank=True
    )
    adoption_reason = models.TextField(_("采纳理由"), blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]

    def __str__(self) -> str:
        return f"意见 {self.pk}"


class Hearing(Recorded):
    """A 听证会 on a decision draft (第十六条): notice with the materials out at least 7 days
    before, who took part, the minutes and what came of it. The dates are those typed, kept
    beside who recorded them and when (``Recorded``)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="hearings")
    notice_on = models.DateField(_("公告及材料公开日期"))
    materials = models.TextField(_("公开的听证材料"))
    held_on = models.DateField(_("听证日期"))
    place = models.CharField(_("听证地点"), max_length=100)
    participants = models.JSONField(default=list)  # [{name, represents}]
    minutes = models.TextField(_("听证笔录"))
    outcome = models.TextField(_("听证意见处理情况"))

    class Meta:
        verbose_name = _("决策听证")
        verbose_name_plural = _("决策听证")
        ordering = ["decision", "held_on", "id"]

    def __str__(self) -> str:
        return f"{self.decision}听证会"


class ExpertOpinion(Recorded):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="experts")
    expert = models.CharField(_("专家"), max_length=50)
    affiliation = models.CharField(_("单位"), max_length=100, blank=True)
    declaration = models.TextField(_("利害关系声明"))
    opinion = models.TextField(_("书面论证意见"))
    signed = models.BooleanField(_("已署名"), default=True)
    given_on = models.DateField(_("出具日期"))

    def __str__(self) -> str:
        return f"{self.expert}的论证意见"


class LegalityReview(Recorded):
    """合法性审查 (第二十五至二十八条): package sent, ≥7 working days, opinion with counsel's."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="reviews")
    submitted_on = models.DateField(_("送审日期"))
    earliest_on = models.DateField(_("最早出具日期"))
    materials = models.TextField(_("送审材料"))
    reviewer = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    reviewed_on = models.DateField(_("审查日期"), null=True, blank=True)
    conclusion = models.CharField(max_length=20, choices=label_choices(OPINION_LABELS), blank=True)
    opinion = models.TextField(_("审查意见"), blank=True)
    counsel_opinion = models.ForeignKey(
        "decisions.CounselOpinion", on_delete=models.PROTECT, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.decision}合法性审查"


class Speaker(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=50)
    order = models.PositiveSmallIntegerField()
    view = models.CharField(
        max_length=10,
        choices=[(View.AGREE, "同意"), (View.DISAGREE, "不同意"), (View.RESERVED, "保留意见")],
    )
    remarks = models.TextField(blank=True)
    is_head = models.BooleanField(default=False)

    class Meta:
        ordering = ["decision", "order"]

    def __str__(self) -> str:
        return self.name


# --- 法律顾问 -------------------------------------------------------------------------------------


class Counsel(Recorded):
    kind = models.CharField(
        max_length=10,
        choices=[(CounselKind.INTERNAL, "公职律师"), (CounselKind.EXTERNAL, "外聘律师")],
    )
    name = models.CharField(_("姓名"), max_length=50)
    firm = models.CharField(_("律师事务所"), max_length=100, blank=True)
    licence_no = models.CharField(_("执业证号/公职律师证号"), max_length=50, blank=True)
    contract_start = models.DateField(_("聘用起始"), null=True, blank=True)
    contract_end = models.DateField(_("聘用截止"), null=True, blank=True)
    contract_terms = models.TextField(_("合同约定"), blank=True)
    is_chief = models.BooleanField(_("首席法律顾问"), default=False)
    user = models.OneToOneField(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="counsel"
    )

    class Meta:
        verbose_name = _("法律顾问")
        verbose_name_plural = _("法律顾问")

    def __str__(self) -> str:
        return self.name


class ConflictDeclaration(Recorded):
    counsel = models.ForeignKey(Counsel, on_delete=models.CASCADE, related_name="conflicts")
    matter_type = models.CharField(max_length=12, choices=label_choices(MATTER_LABELS))
    matter_id = models.PositiveIntegerField()
    description = models.TextField()
    declared_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.counsel}利益冲突申报"


class CounselOpinion(Recorded):
    """An opinion asked of one counsel by any module about one matter (domain-rules-2 §19)."""

    matter_type = models.CharField(max_length=12, choices=label_choices(MATTER_LABELS))
    matter_id = models.PositiveIntegerField()
    matter_title = models.CharField(_("事项"), max_length=200)
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    counsel = models.ForeignKey(Counsel, on_delete=models.PROTECT, related_name="opinions")
    question = models.TextField(_("咨询事项"))
    materials = models.TextField(_("提供材料"))
    requested_on = models.DateField(_("委托日期"))
    due_on = models.DateField(_("答复期限"))
    given_on = models.DateField(_("出具日期"), null=True, blank=True)
    facts = models.TextField(_("所依据的事实"), blank=True)
    legal_basis = models.TextField(_("法律依据"), blank=True)
    conclusion = models.CharField(max_length=20, choices=label_choices(OPINION_LABELS), blank=True)
    opinion = models.TextField(_("意见内容"), blank=True)
    signed_by = models.ForeignKey(
        Counsel, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_on = models.DateField(null=True, blank=True)
    adopted = models.BooleanField(null=True)
    not_adopted_reason = models.TextField(_("未采纳理由"), blank=True)

    class Meta:
        verbose_name = _("法律意见")
        verbose_name_plural = _("法律意见")
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"{self.matter_title}法律意见"


# --- 公平竞争审查 ---------------------------------------------------------------------------------


class CompetitionReview(Recorded):
    """One 公平竞争审查 of one measure, whichever app holds the measure (``matter_type`` /
    ``matter_id``)."""

    matter_type = models.CharField(max_length=12, choices=label_choices(MATTER_LABELS))
    matter_id = models.PositiveIntegerField()
    title = models.CharField(_("政策措施"), max_length=200)
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    affects_market = models.BooleanField(_("涉及经营者经济活动"), default=True)
    affects_reason = models.TextField(_("判断理由"), blank=True)
    answers = models.JSONField(default=dict)
    stakeholders = models.JSONField(default=list)  # [{who, how, on, views}]
    conclusion = models.CharField(
        max_length=10, choices=label_choices(COMPETITION_LABELS), blank=True
    )
    explanation = models.TextField(_("结论说明"), blank=True)
    exception_ground = models.CharField(max_length=20, blank=True)
    alternatives = models.TextField(_("替代方案说明"), blank=True)
    term_end = models.DateField(_("例外实施期限"), null=True, blank=True)
    market_regulator_joint = models.BooleanField(_("市场监管部门会同审查"), default=False)
    reviewer = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    reviewed_on = models.DateField(_("审查日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("公平竞争审查")
        verbose_name_plural = _("公平竞争审查")
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('decisions:register')}#competition-{self.pk}"
