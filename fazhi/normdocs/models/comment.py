"""Comments from the public on one article of a draft open for comment."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.core.domain.comments import ADOPTION_LABELS
from fazhi.normdocs.domain.comments import MODERATION_LABELS, Moderation


class PublicComment(models.Model):
    document = models.ForeignKey(
        "normdocs.NormativeDocument",
        verbose_name=_("文件"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    article = models.ForeignKey(
        "normdocs.DocumentArticle",
        verbose_name=_("条文"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    text = models.TextField(_("意见内容"))
    fingerprint = models.CharField(_("内容指纹"), max_length=64, db_index=True)
    author_name = models.CharField(_("提交人"), max_length=50, blank=True)
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), db_index=True)
    is_flagged = models.BooleanField(_("疑似垃圾信息"), default=False, db_index=True)
    flag_reason = models.CharField(_("标记原因"), max_length=200, blank=True)
    moderation = models.CharField(
        _("审核状态"),
        max_length=10,
        choices=[(k.value, v) for k, v in MODERATION_LABELS.items()],
        default=Moderation.PENDING,
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("合并到"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    adoption = models.CharField(
        _("采纳情况"),
        max_length=10,
        choices=[(k.value, v) for k, v in ADOPTION_LABELS.items()],
        blank=True,
    )
    reason = models.TextField(_("理由"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("公众意见")
        verbose_name_plural = _("公众意见")
        ordering = ["article__number", "submitted_at", "id"]
        indexes = [
            models.Index(fields=["ip", "submitted_at"], name="normdoc_comment_ip_idx"),
            models.Index(fields=["document", "fingerprint"], name="normdoc_comment_fp_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.article} · {self.text[:20]}"
