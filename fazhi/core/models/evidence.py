"""The evidence store: files content-addressed by SHA-256 at ingestion, with a custody log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceFile(models.Model):
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    mime_type = models.CharField(_("类型（按内容识别）"), max_length=100)
    original_name = models.CharField(_("原文件名"), max_length=255)
    storage_name = models.CharField(_("存储位置"), max_length=255)
    case_ref = models.CharField(_("所属案件"), max_length=100, blank=True, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("证据文件")
        verbose_name_plural = _("证据文件")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.sha256[:12]})"


class CustodyEntry(models.Model):
    evidence = models.ForeignKey(
        EvidenceFile, verbose_name=_("证据"), on_delete=models.PROTECT, related_name="custody"
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经手人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("动作"), max_length=32)  # ingest, attach, view, export, verify
    note = models.CharField(_("说明"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("保管记录")
        verbose_name_plural = _("保管记录")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.evidence_id} {self.action}"
