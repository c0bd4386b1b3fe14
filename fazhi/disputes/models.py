"""Reconsideration (行政复议) and litigation (行政应诉) cases."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.core.choices import label_choices
from fazhi.core.models.subject import DeadlineSubject
from fazhi.disputes.domain import jurisdiction
from fazhi.disputes.domain import litigation as lit
from fazhi.disputes.domain import reconsideration as rc


class Feedback(models.Model):
    """What links a dispute back to enforcement: the original case, power item and officers."""

    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("作出行为的单位"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    original_case_ref = models.CharField(_("原执法案件编号"), max_length=100, blank=True)
    power_item_code = models.CharField(_("权力事项编码"), max_length=64, blank=True, db_index=True)
    officers = models.CharField(_("承办执法人员"), max_length=200, blank=True)
    error_cause = models.CharField(
        _("纠错或败诉原因"), max_length=32, blank=True, choices=label_choices(rc.ERROR_CAUSE_LABELS)
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ReconsiderationCase(DeadlineSubject, Feedback):
    reference = models.CharField(_("案号"), max_length=64, unique=True)
    tracking_code = models.CharField(_("查询码"), max_length=16, unique=True)
    role = models.CharField(
        _("本局身份"),
        max_length=16,
        choices=[(rc.Role.BODY.value, "复议机关"), (rc.Role.RESPONDENT.value, "被申请人")],
    )
    is_online = models.BooleanField(_("网上申请"), default=False)
    status = models.CharField(
        _("状态"), max_length=16, choices=label_choices(rc.STATUS_LABELS), db_index=True
    )
    law = models.CharField(_("适用法律版本"), max_length=4)
    # 复议机关 by the date of the application (domain/jurisdiction.py): under the 1999/2017 law
    # 第十二条 the applicant's choice (body_choice), from 2024-01-01 the 本级人民政府 (2023 第二十四条)
    body_name = models.CharField(_("复议机关"), max_length=100, blank=True)
    body_choice = models.CharField(
        _("申请人选择的复议机关"),
        max_length=16,
        blank=True,
        choices=label_choices(jurisdiction.CHOICE_LABELS),
    )
    body_basis = models.CharField(_("复议机关的依据"), max_length=100, blank=True)
    applicant_name = models.CharField(_("申请人"), max_length=100)
    applicant_id_number = models.CharField(_("证件号码"), max_length=32, blank=True)
    applicant_phone = models.CharField(_("联系电话"), max_length=32, blank=True)
    respondent = models.CharField(_("被申请人"), max_length=100)
    act = models.CharField(_("被申请的行政行为"), max_length=300)
    act_known_on = models.DateField(_("知道该行为的日期"))
    requests = models.TextField(_("复议请求"))
    reasons = models.TextField(_("事实和理由"), blank=True)
    received_on = models.DateField(_("收到申请日期"), db_index=True)
    is_simplified = models.BooleanField(_("简易程序"), default=False)
    acceptance_note = models.TextField(_("补正事项或不予受理理由"), blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True, db_index=True)
    copy_sent_on = models.DateField(_("发送申请书副本日期"), null=True, blank=True)
    reply_received_on = models.DateField(_("收到答复日期"), null=True, blank=True)
    reply_summary = models.TextField(_("被申请人答复要点"), blank=True)
    suspended_on = models.DateField(_("中止日期"), null=True, blank=True)
    suspension_days_left = models.IntegerField(_("中止时剩余天数"), null=True, blank=True)
    is_extended = models.BooleanField(_("已延长审理期限"), default=False)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("延期批准人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField(
        _("决定类型"), max_length=24, blank=True, choices=label_choices(rc.DECISION_LABELS)
    )
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    decided_late = models.BooleanField(_("超期作出决定"), default=False)
    decision_text = models.TextField(_("决定理由"), blank=True)
    facts_found = models.TextField(_("审理查明的事实"), blank=True)
    decision_detail = models.TextField(_("变更内容、履行事项或重作要求"), blank=True)
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    closed_note = models.TextField(_("终止或不予受理说明"), blank=True)

    class Meta:
        verbose_name = _("行政复议案件")
        verbose_name_plural = _("行政复议案件")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["org_unit", "received_on"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.act[:40]}"

    # DeadlineSubject: the staff page a deadline on it links to, the list where they are worked
    detail_url_name = "disputes:reconsideration_detail"
    list_url_name = "disputes:register"

    @property
    def is_corrected(self) -> bool:
        return bool(self.decision) and rc.DecisionType(self.decision) in rc.CORRECTING


class ProceedingRecord(models.Model):
    """A hearing (听证), mediation (调解), suspension or other record in a reconsideration."""

    class Kind(models.TextChoices):
        HEARING = "hearing", _("听证")
        MEDIATION = "mediation", _("调解")
        SUSPENSION = "suspension", _("中止")
        RESUMPTION = "resumption", _("恢复审理")
        TERMINATION = "termination", _("终止")
        NOTE = "note", _("其他记录")

    case = models.ForeignKey(
        ReconsiderationCase,
        on_delete=models.CASCADE,
        related_name="records",
        verbose_name=_("案件"),
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    held_on = models.DateField(_("日期"))
    summary = models.TextField(_("内容"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("审理记录")
        verbose_name_plural = _("审理记录")
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class LitigationCase(DeadlineSubject, Feedback):
    court = models.CharField(_("法院"), max_length=100)
    case_number = models.CharField(_("案号"), max_length=64, unique=True)
    instance = models.CharField(_("审级"), max_length=8, choices=label_choices(lit.INSTANCE_LABELS))
    plaintiff = models.CharField(_("原告（上诉人）"), max_length=100)
    act = models.CharField(_("被诉行政行为"), max_length=300)
    claims = models.TextField(_("诉讼请求"))
    reconsideration = models.ForeignKey(
        ReconsiderationCase,
        verbose_name=_("相关复议案件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suits",
    )
    step = models.CharField(_("办理环节"), max_length=16, choices=label_choices(lit.STEP_LABELS))
    received_on = models.DateField(_("收到起诉状副本日期"), db_index=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("应诉审批人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField(_("审批日期"), null=True, blank=True)
    agent = models.CharField(_("委托代理人"), max_length=100, blank=True)
    answered_on = models.DateField(_("答辩举证日期"), null=True, blank=True)
    answer_late = models.BooleanField(_("超期答辩举证"), default=False)
    hearing_on = models.DateField(_("开庭日期"), null=True, blank=True)
    head_appeared = models.BooleanField(_("负责人出庭"), null=True, blank=True)
    head_name = models.CharField(_("出庭负责人"), max_length=50, blank=True)
    stand_in = models.CharField(_("代为出庭工作人员"), max_length=50, blank=True)
    absence_reason = models.CharField(
        _("负责人未出庭理由"), max_length=16, blank=True, choices=label_choices(lit.ABSENCE_LABELS)
    )
    outcome = models.CharField(
        _("裁判结果"), max_length=24, blank=True, choices=label_choices(lit.OUTCOME_LABELS)
    )
    judged_on = models.DateField(_("裁判送达日期"), null=True, blank=True)
    performed_on = models.DateField(_("履行日期"), null=True, blank=True)
    performance_note = models.TextField(_("履行情况"), blank=True)

    class Meta:
        verbose_name = _("行政应诉案件")
        verbose_name_plural = _("行政应诉案件")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["org_unit", "received_on"])]

    def __str__(self) -> str:
        return f"{self.case_number} {self.plaintiff}诉{self.act[:30]}"

    # DeadlineSubject: the staff page a deadline on it links to, the list where they are worked
    detail_url_name = "disputes:litigation_detail"
    list_url_name = "disputes:register"
    list_url_query = "?register=litigation"

    @property
    def step_label(self) -> str:
        return lit.STEP_LABELS[lit.Step(self.step)]

    @property
    def is_lost(self) -> bool:
        return bool(self.outcome) and lit.Outcome(self.outcome) in lit.LOSSES
