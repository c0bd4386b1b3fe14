"""The log of typed dates beside their entry (issue 18.5), shared by every record that takes one.

A concrete log adds the foreign key to what the date belongs to, a ``step`` field with its
choices and ``step_labels``; only ``fazhi.core.services.entry_dates.record_typed_date`` writes
the rows. The flags are computed by ``fazhi.core.domain.entry_dates``.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.core.domain import entry_dates as entry_rules

__all__ = ["TypedDateEntry"]


class TypedDateEntry(models.Model):
    """A typed date beside the system's day and time of entry and the person who entered it."""

    #: step key → Chinese label (the concrete log's steps)
    step_labels: ClassVar[dict[str, str]] = {}
    #: whose time limit ``due`` is when it is not the bureau's own (met by the date of entry):
    #: e.g. an employer's 缴纳期限, met by the typed date of payment
    due_of: ClassVar[str] = ""
    #: the concrete log's foreign key to the record the dates belong to (``case``, ``draw`` …)
    subject_field: ClassVar[str]

    typed_on = models.DateField(_("填写日期"))
    entered_on = models.DateField(_("录入日期（系统）"), db_index=True)
    entered_at = models.DateTimeField(_("录入时间（系统）"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    previous_step = models.CharField(_("上一环节"), max_length=20, blank=True)
    previous_entered_on = models.DateField(_("上一环节录入日期"), null=True, blank=True)
    due = models.DateField(_("所答期限届满日"), null=True, blank=True)
    backdated = models.BooleanField(_("疑似倒签"), default=False)
    hides_lateness = models.BooleanField(_("补录掩盖超期"), default=False)
    flagged = models.BooleanField(_("日期异常"), default=False, db_index=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        subject_id = getattr(self, f"{self.subject_field}_id")
        return f"{subject_id} {self.step_label} {self.typed_on}（{self.entered_on}录入）"

    @property
    def step_label(self) -> str:
        step = getattr(self, "step", "")
        return self.step_labels.get(step, step)

    @property
    def notes(self) -> list[str]:
        flags = entry_rules.EntryFlags(self.backdated, self.hides_lateness)
        return entry_rules.flag_notes(
            flags,
            previous_label=self.step_labels.get(self.previous_step, "上一环节"),
            previous_entered_on=self.previous_entered_on,
            due=self.due,
            due_of=self.due_of,
        )
