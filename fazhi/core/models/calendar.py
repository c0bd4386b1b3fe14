"""Holiday data staff maintain on top of the chinesecalendar package.

A year the package does not know yet becomes answerable once staff enter the State Council
notice's days and declare the year complete (`CalendarYear`); a local extra day off is a single
`HolidayOverride` row.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarYear(models.Model):
    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(_("依据（国务院办公厅通知）"), max_length=255)
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    # The in-process calendar cache compares (row count, latest updated_at) to see changes.
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("已录入年度放假安排")
        verbose_name_plural = _("已录入年度放假安排")
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)


class HolidayOverride(models.Model):
    day = models.DateField(_("日期"), unique=True)
    is_off_day = models.BooleanField(_("是否休息"), help_text=_("勾选为放假；不勾选为调休上班"))
    name = models.CharField(_("名称"), max_length=100, blank=True)
    source = models.CharField(_("依据"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("节假日调整")
        verbose_name_plural = _("节假日调整")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day} {'休' if self.is_off_day else '班'} {self.name}"
