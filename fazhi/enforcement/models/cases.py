"""Enforcement cases (执法案件) and what happens in them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Case"]


class Case(models.Model):
    """One enforcement case, from the first record of its source to the archive."""

    reference = models.CharField(_("案件编号"), max_length=64, unique=True)
    power_item = models.ForeignKey(
        "powers.PowerItem",
        verbose_name=_("权责事项"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("办案单位"),
        on_delete=models.PROTECT,
        related_name="enforcement_cases",
    )
    status = models.CharField(_("状态"), max_length=24, db_index=True)
    filed_on = models.DateField(_("立案日期"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("执法案件")
        verbose_name_plural = _("执法案件")

    def __str__(self) -> str:
        return self.reference
