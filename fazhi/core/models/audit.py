"""The append-only audit chain (全过程记录).

Each event stores ``hash = SHA-256(prev_hash + canonical content)``; ``seq`` is dense and unique,
so an edited, deleted or inserted row breaks the chain at a point `fazhi audit verify` can name.
Rows are written only by `fazhi.core.services.audit.record`; code can neither update nor delete
them (the model and its queryset refuse, and so do database triggers — see
`fazhi.core.audit_guard`). Rewrites that keep the chain consistent are caught by the per-event
seal and the signed anchors outside the database (`fazhi.core.services.anchors`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit event."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("审计事件只能追加，不能修改")

    def delete(self):
        raise AppendOnlyError("审计事件只能追加，不能删除")

    def for_target(self, obj: models.Model) -> AuditEventQuerySet:
        return self.filter(target_type=obj._meta.label_lower, target_id=str(obj.pk))


# actor_label of events without an account (core.services.audit.record), as pages show them
SYSTEM_LABELS = {"system": "系统", "laws-import": "法规库导入", "laws-reindex": "法规库索引"}


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(_("序号"), unique=True)
    occurred_at = models.DateTimeField(_("时间"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("操作人标识"), max_length=150, blank=True)
    action = models.CharField(_("动作"), max_length=100, db_index=True)
    target_type = models.CharField(_("对象类型"), max_length=100, blank=True)
    target_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    target_label = models.CharField(_("对象名称"), max_length=255, blank=True)
    data = models.JSONField(_("数据"), default=dict, blank=True)
    request_id = models.CharField(_("请求编号"), max_length=64, blank=True)
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    prev_hash = models.CharField(_("前一事件哈希"), max_length=64)
    hash = models.CharField(_("本事件哈希"), max_length=64, unique=True)
    # HMAC-SHA256 of seq and hash with FAZHI["AUDIT_KEY"], a key the database does not hold:
    # a row forged in the database cannot carry a valid seal. Blank on events written before
    # sealing began (or with no key configured).
    seal = models.CharField(_("签名"), max_length=64, blank=True, default="")

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")
        ordering = ["seq"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("审计事件只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("审计事件只能追加，不能删除")

    @property
    def who(self) -> str:
        """Who acted, as a page names them: the person's name, never a login name or a
        program's label (issue 19.8)."""
        if self.actor_id is not None:
            return str(self.actor)  # User.__str__: the full name, the login only without one
        return SYSTEM_LABELS.get(self.actor_label, self.actor_label or "系统")


class AuditChainHead(models.Model):
    """A single row holding the chain's tip; writers lock it so the chain never forks."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("审计链头")
        verbose_name_plural = _("审计链头")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
