"""The power list (权责清单): one row per power item, its versions hold the content."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.powers.domain.kinds import POWER_KIND_LABELS


class PowerItem(models.Model):
    """A power item under its stable code. What it says lives in its versions."""

    code = models.CharField(_("事项编码"), max_length=64, unique=True)
    kind = models.CharField(
        _("职权类别"),
        max_length=16,
        choices=[(k.value, label) for k, label in POWER_KIND_LABELS.items()],
        db_index=True,
    )
    name = models.CharField(_("事项名称"), max_length=200)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("实施主体（责任单位）"),
        on_delete=models.PROTECT,
        related_name="power_items",
    )
    is_active = models.BooleanField(_("有效"), default=True)
    needs_review = models.BooleanField(_("待复核"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("权责事项")
        verbose_name_plural = _("权责事项")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
