"""第一责任人: who is the 主要负责人 of a unit, and from when (党政主要负责人履行推进法治建设第一责任人
职责规定, 2016). The annual report is approved by the one in office on the day of approval."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Principal(models.Model):
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        on_delete=models.PROTECT,
        related_name="principals",
        verbose_name=_("单位"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("主要负责人"),
    )
    title = models.CharField(_("职务"), max_length=50, default="局长")
    start = models.DateField(_("任职日期"))
    end = models.DateField(_("离任日期"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("主要负责人任职")
        verbose_name_plural = _("主要负责人任职")
        ordering = ["org_unit", "-start"]

    def __str__(self) -> str:
        return f"{self.org_unit.name} {self.title} {self.user.full_name or self.user.username}"
