"""The one deadline record every module uses (every deadline lives on one clock)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("进行中")
    MET = "met", _("按期完成")
    MISSED = "missed", _("逾期完成")
    CANCELLED = "cancelled", _("已撤销")


class Deadline(models.Model):
    # What it belongs to: a generic pointer so every module can hang deadlines on its records.
    subject_type = models.CharField(_("所属对象类型"), max_length=100)
    subject_id = models.CharField(_("所属对象编号"), max_length=64)
    subject_label = models.CharField(_("所属对象"), max_length=255, blank=True)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("责任单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("责任人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deadlines",
    )
    rule_code = models.CharField(_("期限规则"), max_length=64, db_index=True)
    # A fixed deadline (its day set by the record, not counted by a rule of the time-limit table)
    # carries its own title; a counted one takes the rule's.
    title = models.CharField(_("期限名称"), max_length=100, blank=True)
    extended = models.BooleanField(_("已延长"), default=False)
    start = models.DateField(_("起算日"))
    due = models.DateField(_("届满日"), db_index=True)
    # 暂定: the due date was counted across a year whose 放假通知 is not out yet (statutory
    # holidays only); recomputed when the notice is entered.
    provisional = models.BooleanField(_("暂定"), default=False)
    met_on = models.DateField(_("完成日"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("期限")
        verbose_name_plural = _("期限")
        ordering = ["due", "id"]
        indexes = [
            # A record's deadlines; with status and due, its nearest open one is the first entry
            # (by_nearest_deadline probes it once per row when a register is sorted by it).
            models.Index(
                fields=["subject_type", "subject_id", "status", "due"],
                name="deadline_subject_status_idx",
            ),
            models.Index(fields=["status", "due"], name="deadline_status_due_idx"),
            # One module's overdue deadlines (e.g. enforcement cases) without the others'.
            models.Index(
                fields=["subject_type", "status", "due"], name="deadline_type_open_due_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_code} {self.start}→{self.due}{'（暂定）' if self.provisional else ''}"
