"""Social-insurance arrears cases (社会保险费欠缴) and their steps (社会保险法 第六十三条、第八十六条).

Only `fazhi.enforcement.services.arrears` writes these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.domain.identifiers import validate_uscc
from fazhi.core.models.entry_dates import TypedDateEntry
from fazhi.core.models.subject import DeadlineSubject
from fazhi.enforcement.domain import arrears as rules

__all__ = ["ArrearsCase", "ArrearsDateEntry", "ArrearsStep"]


def validate_uscc_field(value: str) -> None:
    result = validate_uscc(value)
    if not result.is_valid:
        raise ValidationError(f"统一社会信用代码无效：{result.reason}", code="invalid_uscc")


class ArrearsCase(DeadlineSubject, models.Model):
    Status = models.TextChoices(
        "Status", [(s.name, (s.value, rules.STATUS_LABELS[s])) for s in rules.Status]
    )

    reference = models.CharField(_("案件编号"), max_length=64, unique=True)
    employer_name = models.CharField(_("用人单位"), max_length=200)
    employer_uscc = models.CharField(
        _("统一社会信用代码"), max_length=18, db_index=True, validators=[validate_uscc_field]
    )
    period_from = models.DateField(_("欠缴所属期起"))
    period_to = models.DateField(_("欠缴所属期止"))
    principal = models.DecimalField(_("欠缴本金（元）"), max_digits=14, decimal_places=2)
    due_date = models.DateField(_("应缴期限"))
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("办理单位"),
        on_delete=models.PROTECT,
        related_name="arrears_cases",
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default="registered", db_index=True
    )
    version = models.PositiveIntegerField(_("版本"), default=1)
    note = models.TextField(_("备注"), blank=True)
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
        ordering = ["-due_date", "reference"]
        indexes = [models.Index(fields=["org_unit", "status"], name="arrears_unit_status_idx")]
        verbose_name = _("社会保险费欠缴案件")
        verbose_name_plural = _("社会保险费欠缴案件")

    def __str__(self) -> str:
        return f"{self.reference} {self.employer_name}"

    # DeadlineSubject: the staff page a deadline on it links to, the list where they are worked
    detail_url_name = "enforcement:arrears_detail"
    list_url_name = "enforcement:arrears_list"


class ArrearsStep(models.Model):
    Kind = models.TextChoices(
        "Kind", [(k.name, (k.value, rules.STEP_LABELS[k])) for k in rules.StepKind]
    )

    case = models.ForeignKey(
        ArrearsCase, verbose_name=_("欠缴案件"), on_delete=models.CASCADE, related_name="steps"
    )
    seq = models.PositiveIntegerField(_("序号"))
    kind = models.CharField(_("步骤"), max_length=16, choices=Kind.choices)
    on = models.DateField(_("日期"))
    amount = models.DecimalField(
        _("金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    deadline = models.DateField(_("期限"), null=True, blank=True)
    balance = models.DecimalField(
        _("账户余额（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    bank = models.CharField(_("开户银行"), max_length=200, blank=True)
    acting_body = models.CharField(_("实施机关（征收机构）"), max_length=100)
    power_item_code = models.CharField(_("权责事项编码"), max_length=32, blank=True)
    document_number = models.CharField(_("文书编号"), max_length=64, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("说明"), blank=True)
    evidence = models.ForeignKey(
        "core.EvidenceFile",
        verbose_name=_("证据材料"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["case", "seq"], name="arrears_step_unique_seq")
        ]
        verbose_name = _("欠缴案件办理步骤")
        verbose_name_plural = _("欠缴案件办理步骤")

    def __str__(self) -> str:
        return f"{self.case.reference} {self.get_kind_display()}"

    def as_fact(self) -> rules.StepFact:
        return rules.StepFact(
            kind=self.kind,
            on=self.on,
            amount=self.amount,
            deadline=self.deadline,
            balance=self.balance,
        )


class ArrearsDateEntry(TypedDateEntry):
    """The typed date of an arrears step beside the day it was entered and by whom (issue 18.5),
    flagged 疑似倒签 / 补录掩盖超期 like a case step's (``core/domain/entry_dates.py``).
    ``due``: the payment deadline a 缴纳 answers (a back-dated payment would also lower the
    滞纳金). Written only by ``services.arrears.arrears_step_record``."""

    subject_field = "case"

    step_labels = rules.DATE_LABELS
    due_of = "用人单位缴纳期限"  # a 缴纳 answers the employer's limit, not the bureau's

    case = models.ForeignKey(ArrearsCase, on_delete=models.PROTECT, related_name="date_entries")
    arrears_step = models.OneToOneField(
        ArrearsStep, verbose_name=_("办理步骤"), on_delete=models.PROTECT, related_name="date_entry"
    )
    step = models.CharField(
        _("环节"), max_length=16, choices=[(str(k), v) for k, v in rules.DATE_LABELS.items()]
    )

    class Meta:
        ordering = ["case", "entered_at", "pk"]
        verbose_name = _("欠缴案件日期录入记录")
        verbose_name_plural = _("欠缴案件日期录入记录")

    def get_absolute_url(self) -> str:
        return reverse("enforcement:arrears_detail", args=[self.case_id])

    @property
    def subject_reference(self) -> str:
        return self.case.reference
