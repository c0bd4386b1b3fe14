"""预警 records: one row per record and rule, opened by the scan and closed by it when fixed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.supervision.domain.warnings import LEVEL_LABELS, RULES


class Warning(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("未消除")
        CLOSED = "closed", _("已消除")

    rule = models.CharField(
        _("预警规则"), max_length=32, choices=[(c, r.title) for c, r in RULES.items()]
    )
    subject_type = models.CharField(_("记录类型"), max_length=100)
    subject_id = models.CharField(_("记录编号"), max_length=64)
    subject_label = models.CharField(_("记录"), max_length=200)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("单位")
    )
    level = models.CharField(_("级别"), max_length=8, choices=list(LEVEL_LABELS.items()))
    message = models.TextField(_("情况"))
    status = models.CharField(
        _("状态"), max_length=8, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    opened_at = models.DateTimeField(_("发出时间"))
    closed_at = models.DateTimeField(_("消除时间"), null=True, blank=True)
    times_opened = models.PositiveIntegerField(_("发出次数"), default=1)
    checked_at = models.DateTimeField(_("最近核查时间"))

    class Meta:
        verbose_name = _("执法预警")
        verbose_name_plural = _("执法预警")
        ordering = ["status", "-opened_at", "pk"]
        constraints = [
            # never two warnings for one record and rule: a scan killed halfway and run again, or
            # two scans at once, update the same row
            models.UniqueConstraint(
                fields=["rule", "subject_type", "subject_id"], name="supervision_warning_unique"
            )
        ]
        indexes = [
            models.Index(fields=["status", "rule"]),
            models.Index(fields=["org_unit", "status"]),
        ]

    def __str__(self) -> str:
        return f"{RULES[self.rule].title}：{self.subject_label}"

    @property
    def rule_def(self):
        return RULES[self.rule]


class ScanRun(models.Model):
    """One run of the scan: when it started, whether it finished, what it changed."""

    started_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    today = models.DateField(_("核查日期"))
    checked = models.PositiveIntegerField(_("核查记录数"), default=0)
    opened = models.PositiveIntegerField(_("新发预警"), default=0)
    closed = models.PositiveIntegerField(_("消除预警"), default=0)

    class Meta:
        verbose_name = _("预警扫描")
        verbose_name_plural = _("预警扫描")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"预警扫描 {self.today:%Y-%m-%d}"
