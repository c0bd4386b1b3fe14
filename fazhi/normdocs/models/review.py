"""The record of each review step: 合法性审核, 公平竞争审查, 集体审议 (one row per round)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.core.choices import label_choices
from fazhi.normdocs.domain.reviews import (
    DELIBERATION_DECISION_LABELS,
    LEGALITY_CONCLUSION_LABELS,
)


class LegalityReview(models.Model):
    document = models.ForeignKey(
        "normdocs.NormativeDocument",
        verbose_name=_("文件"),
        on_delete=models.CASCADE,
        related_name="legality_reviews",
    )
    submitted_on = models.DateField(_("送审日期"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_on = models.DateField(_("审核日期"), null=True, blank=True)
    checks = models.JSONField(_("七项审核内容"), default=dict, blank=True)
    conclusion = models.CharField(
        _("审核结论"), max_length=10, choices=label_choices(LEGALITY_CONCLUSION_LABELS), blank=True
    )
    opinion = models.TextField(_("审核意见"), blank=True)

    class Meta:
        verbose_name = _("合法性审核")
        verbose_name_plural = _("合法性审核")
        ordering = ["document", "submitted_on", "id"]

    def __str__(self) -> str:
        return f"{self.document} 合法性审核 {self.submitted_on}"


class Deliberation(models.Model):
    document = models.ForeignKey(
        "normdocs.NormativeDocument",
        verbose_name=_("文件"),
        on_delete=models.CASCADE,
        related_name="deliberations",
    )
    meeting = models.CharField(_("会议名称"), max_length=100)
    held_on = models.DateField(_("会议日期"))
    decision = models.CharField(
        _("审议决定"), max_length=24, choices=label_choices(DELIBERATION_DECISION_LABELS)
    )
    minutes = models.TextField(_("会议纪要摘要"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("集体审议")
        verbose_name_plural = _("集体审议")
        ordering = ["document", "held_on", "id"]

    def __str__(self) -> str:
        return f"{self.document} {self.meeting} {self.held_on}"
