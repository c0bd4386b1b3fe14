"""The evidence store: files content-addressed by SHA-256 at ingestion, with a custody log.

One stored blob (``EvidenceFile``) per distinct content; each case it is attached to gets an
``EvidenceAttachment`` carrying the name it was submitted under. Rows are written only by
``fazhi.core.services.evidence``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceFile(models.Model):
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    mime_type = models.CharField(_("类型（按内容识别）"), max_length=100)
    original_name = models.CharField(_("首次提交时的文件名"), max_length=255)
    storage_name = models.CharField(_("存储位置"), max_length=255, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("首次提交人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("入库时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("证据文件")
        verbose_name_plural = _("证据文件")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.sha256[:12]})"


class EvidenceAttachment(models.Model):
    """A stored file as an exhibit of one case; the same content may serve several cases."""

    evidence = models.ForeignKey(
        EvidenceFile,
        verbose_name=_("证据文件"),
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    case_ref = models.CharField(_("所属案件"), max_length=100, blank=True, db_index=True)
    original_name = models.CharField(_("提交时的文件名"), max_length=255)
    declared_type = models.CharField(_("声明的类型"), max_length=100, blank=True)
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    attached_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("证据关联")
        verbose_name_plural = _("证据关联")
        ordering = ["-attached_at"]
        constraints = [
            models.UniqueConstraint(fields=["evidence", "case_ref"], name="evidence_once_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.case_ref or '—'}: {self.original_name}"


class CustodyAction(models.TextChoices):
    INGEST = "ingest", _("提交入库")
    VIEW = "view", _("查看")
    EXPORT = "export", _("导出")
    VERIFY = "verify", _("校验")


class CustodyEntry(models.Model):
    evidence = models.ForeignKey(
        EvidenceFile, verbose_name=_("证据"), on_delete=models.PROTECT, related_name="custody"
    )
    attachment = models.ForeignKey(
        EvidenceAttachment,
        verbose_name=_("证据关联"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="custody",
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经手人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("动作"), max_length=32, choices=CustodyAction.choices)
    note = models.CharField(_("说明"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("保管记录")
        verbose_name_plural = _("保管记录")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["evidence", "at"], name="custody_evidence_at")]

    def __str__(self) -> str:
        return f"{self.evidence_id} {self.action}"
