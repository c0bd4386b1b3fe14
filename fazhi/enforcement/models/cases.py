"""Enforcement cases (执法案件) and what happens in them.

Only `fazhi.enforcement.services.cases*` writes these rows. ``Case.version`` is bumped by every
service, which locks the row and compares the version the user saw (optimistic check under a
pessimistic lock): of two staff acting at once, one wins and the other is told.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.choices import label_choices
from fazhi.core.models.entry_dates import TypedDateEntry
from fazhi.core.models.subject import DeadlineSubject
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import discretion as discretion_rules
from fazhi.enforcement.domain import entry_dates as entry_rules
from fazhi.enforcement.domain import review as review_rules

__all__ = [
    "Case",
    "CaseAct",
    "CaseCounter",
    "CaseDateEntry",
    "CorrectionOrder",
    "Hearing",
    "LegalReview",
]


class Case(DeadlineSubject, models.Model):
    """One enforcement case, from the first record of its source to the archive."""

    reference = models.CharField(_("案件编号"), max_length=64, unique=True)
    power_item = models.ForeignKey(
        "powers.PowerItem",
        verbose_name=_("权责事项"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("办案单位"),
        on_delete=models.PROTECT,
        related_name="enforcement_cases",
    )
    status = models.CharField(
        _("状态"), max_length=24, db_index=True, choices=label_choices(flow.STATUS_LABELS)
    )
    filed_on = models.DateField(_("立案日期"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    source = models.CharField(
        _("案件来源"), max_length=16, choices=label_choices(flow.SOURCE_LABELS)
    )
    procedure = models.CharField(
        _("程序"),
        max_length=20,
        choices=label_choices(flow.PROCEDURE_LABELS),
        default=flow.Procedure.LABOR_INSPECTION,
    )
    received_on = models.DateField(_("收到/发现日期"), db_index=True)
    cause = models.CharField(_("案由"), max_length=300)
    party_name = models.CharField(_("当事人"), max_length=200)
    party_kind = models.CharField(
        _("当事人类别"),
        max_length=8,
        choices=[("org", "法人或其他组织"), ("person", "公民")],
        default="org",
    )
    party_code = models.CharField(_("统一社会信用代码/身份证号"), max_length=32, blank=True)
    party_address = models.CharField(_("地址"), max_length=300, blank=True)
    # 法定代表人/负责人 of an organisation: on the 决定书 and in 双公示 (CF_FRDB).
    party_legal_rep = models.CharField(_("法定代表人/负责人"), max_length=100, blank=True)
    complainant = models.CharField(_("投诉举报人"), max_length=100, blank=True)
    violation_code = models.CharField(_("违法行为（裁量基准）"), max_length=32, blank=True)
    facts = models.JSONField(_("裁量事实"), default=dict, blank=True)
    # Catalogue flags the investigators set (法制审核目录清单; 118号 (十二)).
    is_public_interest = models.BooleanField(_("涉及重大公共利益"), default=False)
    is_social_impact = models.BooleanField(_("可能造成重大社会影响"), default=False)
    is_major_rights = models.BooleanField(_("直接关系重大权益"), default=False)
    is_complex = models.BooleanField(_("疑难复杂"), default=False)
    is_serious = models.BooleanField(_("情节复杂或重大违法（须集体讨论）"), default=False)
    officers = models.ManyToManyField(
        "officers.Officer", verbose_name=_("承办执法人员"), related_name="enforcement_cases"
    )
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    rejected_reason = models.TextField(_("不予受理理由"), blank=True)
    filing_approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("立案审批人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # 告知
    notified_on = models.DateField(_("告知日期"), null=True, blank=True)
    proposed_outcome = models.CharField(
        _("拟处理结果"),
        max_length=16,
        choices=label_choices(review_rules.OUTCOME_LABELS),
        blank=True,
    )
    proposed_fine = models.DecimalField(
        _("拟罚款金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    proposed_measures = models.JSONField(_("拟作出的其他处罚"), default=list, blank=True)
    proposed_text = models.TextField(_("拟处罚内容与理由"), blank=True)
    proposal = models.JSONField(_("裁量建议"), default=dict, blank=True)
    hearing_reasons = models.JSONField(_("听证权利事由"), default=list, blank=True)
    # 罚款 or 加付赔偿金 (劳动保障监察条例 第二十六条: paid to the workers, not a penalty).
    sanction = models.CharField(
        _("处理种类"),
        max_length=16,
        choices=[(k.value, v) for k, v in discretion_rules.SANCTION_LABELS.items()],
        default=discretion_rules.Sanction.FINE,
    )
    proposed_compensation = models.DecimalField(
        _("拟加付赔偿金（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    # 处理意见: the officer proposes, the 负责人 decides (行政处罚法 2021 第五十七条; 2017 第三十八条).
    proposed_on = models.DateField(_("提出处理意见日期"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理意见提出人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_decision = models.JSONField(_("处理意见"), default=dict, blank=True)
    # 决定
    decision_number = models.CharField(_("决定书文号"), max_length=64, blank=True)
    decision_prefix = models.CharField(_("文号代字"), max_length=20, blank=True)
    decision_year = models.PositiveSmallIntegerField(_("文号年度"), null=True, blank=True)
    decision_serial = models.PositiveIntegerField(_("文号顺序号"), null=True, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True, db_index=True)
    outcome = models.CharField(
        _("处理结果"), max_length=16, choices=label_choices(review_rules.OUTCOME_LABELS), blank=True
    )
    fine = models.DecimalField(
        _("罚款金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    measures = models.JSONField(_("其他处罚"), default=list, blank=True)
    compensation = models.DecimalField(
        _("加付赔偿金（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("决定人（负责人）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    departure_reason = models.TextField(_("偏离裁量基准的理由"), blank=True)
    decision_text = models.TextField(_("决定内容"), blank=True)
    # 送达、执行
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    service_method = models.CharField(_("送达方式"), max_length=32, blank=True)
    service_recipient = models.CharField(_("受送达人"), max_length=100, blank=True)
    # 公告送达: the day the notice was published; ``served_on`` is the day it is deemed served.
    notice_published_on = models.DateField(_("公告发布日期"), null=True, blank=True)
    payment_due = models.DateField(_("缴款期限"), null=True, blank=True)
    paid_on = models.DateField(_("缴款日期"), null=True, blank=True)
    surcharge = models.DecimalField(_("加处罚款（元）"), max_digits=14, decimal_places=2, default=0)
    reminded_on = models.DateField(_("催告书送达日期"), null=True, blank=True)
    court_applied_on = models.DateField(_("申请法院强制执行日期"), null=True, blank=True)
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    close_note = models.TextField(_("结案说明"), blank=True)
    archived_on = models.DateField(_("归档日期"), null=True, blank=True)
    archive_sha256 = models.CharField(_("归档清单摘要"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("执法案件")
        verbose_name_plural = _("执法案件")
        indexes = [
            models.Index(fields=["org_unit", "status"], name="enf_case_unit_status_idx"),
            models.Index(fields=["received_on"], name="enf_case_received_idx"),
            # 我的案件: a unit's case ids newest first, read from the index alone (no table
            # access; see bench/bench_enforcement.py).
            models.Index(fields=["org_unit", "received_on", "id"], name="enf_case_unit_recv_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["decision_prefix", "decision_year", "decision_serial"],
                condition=models.Q(decision_serial__isnull=False),
                name="enf_case_decision_number_unique",
            )
        ]

    def __str__(self) -> str:
        # what a deadline on the case is labelled with on 我的期限: which case, and whose
        return f"{self.reference} {self.party_name}" if self.party_name else self.reference

    # DeadlineSubject: the staff page a deadline on it links to, the list where they are worked
    detail_url_name = "enforcement:case_detail"
    list_url_name = "enforcement:case_list"
    list_url_query = "?overdue=1"

    @property
    def is_compensation(self) -> bool:
        return self.sanction == discretion_rules.Sanction.COMPENSATION

    @property
    def amount_due(self):
        """What the party must pay under the decision: the 罚款, or the 加付赔偿金."""
        return self.compensation if self.is_compensation else self.fine

    @property
    def source_label(self) -> str:
        return flow.SOURCE_LABELS.get(flow.Source(self.source), self.source)

    @property
    def set_aside(self) -> dict | None:
        """The decision undone by a 复议 decision or a judgment (services/cases_disputes.py)."""
        for act in self.acts.filter(kind="note").order_by("-seq"):
            if "set_aside" in act.data:
                return act.data["set_aside"]
        return None


class CaseCounter(models.Model):
    """The last serial per key (case references by unit, decision numbers by 代字) and year."""

    key = models.CharField(_("编号代字"), max_length=32)
    year = models.PositiveSmallIntegerField(_("年度"))
    last_serial = models.PositiveIntegerField(_("已用最大顺序号"), default=0)

    class Meta:
        verbose_name = _("案件编号计数器")
        verbose_name_plural = _("案件编号计数器")
        constraints = [models.UniqueConstraint(fields=["key", "year"], name="enf_counter_unique")]

    def __str__(self) -> str:
        return f"{self.key}〔{self.year}〕{self.last_serial}"


class CaseAct(models.Model):
    """One recorded act of the case file (案卷): 笔录, evidence, orders, notices, meetings."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="acts")
    seq = models.PositiveIntegerField(_("卷内序号"))
    kind = models.CharField(_("类型"), max_length=20, choices=label_choices(act_rules.ACT_LABELS))
    on = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    summary = models.TextField(_("内容"))
    officers = models.ManyToManyField(
        "officers.Officer", verbose_name=_("执法人员"), related_name="enforcement_acts", blank=True
    )
    evidence = models.ManyToManyField(
        "core.EvidenceFile", verbose_name=_("证据文件"), related_name="enforcement_acts", blank=True
    )
    data = models.JSONField(_("附加信息"), default=dict, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "seq"]
        verbose_name = _("执法记录")
        verbose_name_plural = _("执法记录")
        constraints = [
            models.UniqueConstraint(fields=["case", "seq"], name="enf_act_case_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} #{self.seq} {self.get_kind_display()}"


class CorrectionOrder(models.Model):
    """责令改正指令书 with its own deadline (fixed by the order) and the follow-up."""

    class Status(models.TextChoices):
        OPEN = "open", _("整改期限内")
        COMPLIED = "complied", _("已改正")
        OVERDUE = "overdue", _("逾期未改正")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="orders")
    act = models.OneToOneField(CaseAct, on_delete=models.PROTECT, related_name="order")
    issued_on = models.DateField(_("下达日期"))
    due_on = models.DateField(_("改正期限"))
    items = models.TextField(_("责令改正事项"))
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.OPEN)
    followed_on = models.DateField(_("复查日期"), null=True, blank=True)
    # 责令限期支付 (劳动保障监察条例 第二十六条) rather than 责令改正: its 通知书 and its overdue
    # follow-up are what a 加付赔偿金 decision rests on.
    is_payment = models.BooleanField(_("责令支付"), default=False)

    class Meta:
        ordering = ["case", "issued_on", "pk"]
        verbose_name = _("责令改正指令")
        verbose_name_plural = _("责令改正指令")

    def __str__(self) -> str:
        return f"{self.case.reference} 责令改正（{self.due_on}前）"

    def get_absolute_url(self) -> str:
        """The case page, where the correction is checked."""
        return reverse("enforcement:case_detail", args=[self.case_id])

    @classmethod
    def list_url(cls) -> str:
        """The staff list where these records' deadlines are worked through."""
        return Case.list_url()


class LegalReview(models.Model):
    """One round of 法制审核: submitted, then 同意 or 存在问题 with the seven points."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reviews")
    round = models.PositiveSmallIntegerField(_("轮次"))
    triggers = models.JSONField(_("审核情形"), default=list)
    submitted_on = models.DateField(_("提交日期"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_on = models.DateField(_("审核日期"), null=True, blank=True)
    points = models.JSONField(_("七项审查"), default=dict, blank=True)
    opinion = models.CharField(
        _("审核意见"), max_length=12, choices=label_choices(review_rules.OPINION_LABELS), blank=True
    )
    comments = models.TextField(_("审核说明"), blank=True)

    class Meta:
        ordering = ["case", "round"]
        verbose_name = _("法制审核")
        verbose_name_plural = _("法制审核")
        constraints = [
            models.UniqueConstraint(fields=["case", "round"], name="enf_review_round_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case.reference} 法制审核第{self.round}轮"


class Hearing(models.Model):
    """听证: request, notice, the hearing and its 笔录."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="hearing")
    requested_on = models.DateField(_("申请日期"))
    presiding = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("主持人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notice_on = models.DateField(_("通知日期"), null=True, blank=True)
    hearing_on = models.DateField(_("听证日期"), null=True, blank=True)
    record = models.OneToOneField(
        CaseAct, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    waived = models.BooleanField(_("当事人放弃听证"), default=False)
    closed_on = models.DateField(_("结束日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("听证")
        verbose_name_plural = _("听证")

    def __str__(self) -> str:
        return f"{self.case.reference} 听证"


class CaseDateEntry(TypedDateEntry):
    """A typed date of a case step beside the day it was entered and by whom (issue 18.5).

    The case's own date fields (``filed_on``, ``decided_on`` …) keep the typed facts; these rows
    keep when each was entered. The bureau's clocks are met on ``entered_on`` (the system's
    date), and ``backdated`` / ``hides_lateness`` flag an entry for supervision
    (``core/domain/entry_dates.py``). Written only by ``services.cases_common.enter_date``.
    """

    subject_field = "case"

    step_labels = entry_rules.STEP_LABELS

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="date_entries")
    step = models.CharField(_("环节"), max_length=20, choices=list(entry_rules.STEP_LABELS.items()))

    class Meta:
        ordering = ["case", "entered_at", "pk"]
        verbose_name = _("案件日期录入记录")
        verbose_name_plural = _("案件日期录入记录")

    def get_absolute_url(self) -> str:
        return reverse("enforcement:case_detail", args=[self.case_id])

    @property
    def subject_reference(self) -> str:
        return self.case.reference
