"""The one locked counter every register number is taken from (案号, 文号, 复议, 抽查批次 …).

A number is never computed by counting rows: counting races (two filings read the same count
and the second fails on the unique reference) and a deleted row would hand its number out
again. `fazhi.core.services.numbering.take_serial` locks the row of ``(key, year)`` for the
caller's transaction instead, so concurrent takers queue, and a rolled-back filing also rolls
back its increment (no gap).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SerialCounter(models.Model):
    key = models.CharField(_("编号种类"), max_length=64)
    year = models.PositiveSmallIntegerField(_("年度"))
    last = models.PositiveIntegerField(_("已用最大顺序号"), default=0)

    class Meta:
        verbose_name = _("编号计数器")
        verbose_name_plural = _("编号计数器")
        constraints = [
            models.UniqueConstraint(fields=["key", "year"], name="core_serial_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.year}: {self.last}"
