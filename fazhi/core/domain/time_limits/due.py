"""The due date of a period (`due_date`), counted on the work calendar."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, NamedTuple

from fazhi.core.domain.calendar import WorkCalendar
from fazhi.core.domain.time_limits.rule import RuleNotExtendable, TimeLimit, Unit
from fazhi.core.domain.time_limits.table import rule_for

_NO_OVERRIDES: Mapping[str, int] = MappingProxyType({})


class Due(NamedTuple):
    """A computed due date (a named tuple: a million of them are built in the benchmark)."""

    rule: TimeLimit
    start: date
    due: date
    days: int
    extended: bool = False
    # 暂定: the period runs into a year whose 放假通知 is not published yet; the due date counts
    # the statutory holidays only and is recomputed when the notice is entered.
    provisional: bool = False

    @property
    def unit(self) -> Unit:
        return self.rule.unit

    @property
    def basis(self) -> str:
        return self.rule.basis

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.code,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "unit": self.unit,
            "days": self.days,
            "basis": self.basis,
            "provisional": self.provisional,
        }


def due_date(
    code: str,
    start: date,
    calendar: WorkCalendar,
    *,
    extended: bool = False,
    overrides: Mapping[str, int] = _NO_OVERRIDES,
) -> Due:
    """When the period of rule ``code`` that starts on ``start`` ends.

    ``extended`` adds the rule's extension, counted from the end of the original period (the
    law extends "期限"; a rolled-forward end is where the original period legally ends).
    ``overrides`` applies only to unverified rules: a confirmed statute is not configurable.
    """
    rule = rule_for(code, start)
    days = overrides.get(code, rule.days) if not rule.verified else rule.days
    if extended and not rule.extension_days:
        raise RuleNotExtendable(f"期限规则“{code}”（{rule.title}）依法不能延长。")
    if rule.before:
        if rule.unit == "working":
            due = calendar.subtract_working_days(start, days)
        else:
            due = calendar.calendar_days_before(start, days)
        return Due(rule, start, due, days, False, calendar.is_provisional(due, start))
    if rule.unit == "working":
        total = days + rule.extension_days if extended else days
        due = calendar.add_working_days(start, total)
        return Due(rule, start, due, total, extended, calendar.is_provisional(start, due))
    due = calendar.calendar_days_end(start, days)
    if extended:
        due = calendar.calendar_days_end(due, rule.extension_days)
        days += rule.extension_days
    return Due(rule, start, due, days, extended, calendar.is_provisional(start, due))
