"""A cleanup campaign (清理) and its assessment of each document in force."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.normdocs.domain.cleanup import OUTCOME_LABELS


class CleanupCampaign(models.Model):
    title = models.CharField(_("清理名称"), max_length=200, unique=True)
    started_on = models.DateField(_("开始日期"))
    announced_on = models.DateField(_("结果公布日期"), null=True, blank=True, db_index=True)
    announcement_title = models.CharField(_("公告标题"), max_length=200, blank=True)
    announcement_lead = models.TextField(_("公告正文"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发起人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("规范性文件清理")
        verbose_name_plural = _("规范性文件清理")
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_announced(self) -> bool:
        return self.announced_on is not None


class CleanupAssessment(models.Model):
    campaign = models.ForeignKey(
        CleanupCampaign,
        verbose_name=_("清理"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    document = models.ForeignKey(
        "normdocs.NormativeDocument",
        verbose_name=_("文件"),
        on_delete=models.PROTECT,
        related_name="cleanup_assessments",
    )
    outcome = models.CharField(
        _("清理意见"), max_length=12, choices=[(k.value, v) for k, v in OUTCOME_LABELS.items()]
    )
    reason = models.TextField(_("理由"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("评估人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("清理评估")
        verbose_name_plural = _("清理评估")
        ordering = ["campaign", "document__number_year", "document__number_serial", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "document"], name="normdoc_cleanup_once_per_campaign"
            )
        ]
        indexes = [models.Index(fields=["campaign", "outcome"], name="normdoc_cleanup_outcome_idx")]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.document}"
