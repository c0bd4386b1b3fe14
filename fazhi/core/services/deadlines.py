"""Writes on the statutory clock. Every module opens its deadlines through `deadline_open`.

A deadline's due date is always computed here from (rule code, start, extended), so a
calendar change can be replayed by `deadlines_recompute`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models, transaction

from fazhi.core.domain.calendar import CalendarDataMissing, WorkCalendar
from fazhi.core.domain.time_limits import UnknownRule, due_date, format_date
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.permissions import CORE_CALENDAR, require
from fazhi.core.selectors.calendar import time_limit_overrides, work_calendar
from fazhi.core.selectors.deadlines import deadline_compute
from fazhi.core.services import audit


class DeadlineStateError(ValueError):
    """The deadline is not in a state that allows this action; nothing was written."""


def _locked(deadline: Deadline) -> Deadline:
    return Deadline.objects.select_for_update().get(pk=deadline.pk)


def _require_open(deadline: Deadline, verb: str) -> None:
    if deadline.status != DeadlineStatus.OPEN:
        raise DeadlineStateError(f"该期限已{deadline.get_status_display()}，不能再{verb}。")


def _check_saved(subject: models.Model) -> None:
    if subject.pk is None:
        raise ValueError("subject must be saved before a deadline can hang on it")


def _create(subject: models.Model, owner, org_unit, **fields) -> Deadline:
    """The deadline row on ``subject``; ``org_unit`` defaults to the owner's unit."""
    if org_unit is None and owner is not None:
        org_unit = getattr(owner, "org_unit", None)
    return Deadline.objects.create(
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        subject_label=str(subject)[:255],
        owner=owner,
        org_unit=org_unit,
        **fields,
    )


@transaction.atomic
def deadline_open(
    *,
    subject: models.Model,
    rule_code: str,
    start: date,
    actor,
    owner=None,
    org_unit=None,
    extended: bool = False,
) -> Deadline:
    """Start the period of ``rule_code`` on ``start`` for ``subject`` (any saved record).

    ``org_unit`` defaults to the owner's unit. Raises `UnknownRule`, `RuleNotExtendable` or
    `CalendarDataMissing` before anything is written. Audits ``core.deadline.open``.
    """
    _check_saved(subject)
    result = deadline_compute(code=rule_code, start=start, extended=extended)
    deadline = _create(
        subject,
        owner,
        org_unit,
        rule_code=rule_code,
        extended=extended,
        start=start,
        due=result.due,
        provisional=result.provisional,
    )
    audit.record(
        actor=actor,
        action="core.deadline.open",
        target=deadline,
        data={**result.as_dict(), "extended": extended, "subject": deadline.subject_label},
    )
    return deadline


@transaction.atomic
def deadline_open_fixed(
    *,
    subject: models.Model,
    rule_code: str,
    title: str,
    start: date,
    due: date,
    actor,
    owner=None,
    org_unit=None,
    basis: str = "",
) -> Deadline:
    """Open a deadline whose day is fixed by the record itself, not counted by a statutory rule;
    ``title`` names it wherever deadlines are listed.

    E.g. a normative document's evaluation reminder six months before its term ends, years
    beyond any published holiday notice. ``deadlines_recompute`` leaves such dates alone
    (their rule code is not in the time-limit table). Audits ``core.deadline.open``.
    """
    _check_saved(subject)
    if due < start:
        raise DeadlineStateError("届满日不能早于起算日。")
    deadline = _create(
        subject, owner, org_unit, rule_code=rule_code, title=title, start=start, due=due
    )
    audit.record(
        actor=actor,
        action="core.deadline.open",
        target=deadline,
        data={
            "rule": rule_code,
            "title": title,
            "start": start,
            "due": due,
            "fixed": True,
            "basis": basis,
        },
    )
    return deadline


@transaction.atomic
def deadline_meet(*, deadline: Deadline, met_on: date, actor) -> Deadline:
    """Close the deadline as done on ``met_on``: status met, or missed if after the due date."""
    deadline = _locked(deadline)
    _require_open(deadline, "办结")
    if met_on < deadline.start:
        raise DeadlineStateError(
            f"完成日（{format_date(met_on)}）早于起算日（{format_date(deadline.start)}）。"
        )
    deadline.met_on = met_on
    deadline.status = DeadlineStatus.MET if met_on <= deadline.due else DeadlineStatus.MISSED
    deadline.save(update_fields=["met_on", "status", "updated_at"])
    audit.record(
        actor=actor,
        action="core.deadline.meet",
        target=deadline,
        data={"met_on": met_on, "due": deadline.due, "status": deadline.status},
    )
    return deadline


@transaction.atomic
def deadline_extend(*, deadline: Deadline, actor, reason: str = "") -> Deadline:
    """Apply the rule's statutory extension (e.g. 行政许可法 第四十二条: +10 working days)."""
    deadline = _locked(deadline)
    _require_open(deadline, "延长")
    if deadline.extended:
        raise DeadlineStateError("该期限已经延长过，依法不能再次延长。")
    result = deadline_compute(code=deadline.rule_code, start=deadline.start, extended=True)
    previous = deadline.due
    deadline.extended, deadline.due, deadline.provisional = True, result.due, result.provisional
    deadline.save(update_fields=["extended", "due", "provisional", "updated_at"])
    audit.record(
        actor=actor,
        action="core.deadline.extend",
        target=deadline,
        data={
            "from": previous,
            "to": deadline.due,
            "days": result.days,
            "reason": reason,
            "provisional": result.provisional,
        },
    )
    return deadline


@transaction.atomic
def deadline_cancel(*, deadline: Deadline, actor, reason: str = "") -> Deadline:
    """Withdraw an open deadline (e.g. the case was closed another way)."""
    deadline = _locked(deadline)
    _require_open(deadline, "撤销")
    deadline.status = DeadlineStatus.CANCELLED
    deadline.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=actor, action="core.deadline.cancel", target=deadline, data={"reason": reason}
    )
    return deadline


@dataclass(frozen=True)
class MovedDeadline:
    """One open deadline whose due date or 暂定 mark changed on recompute."""

    deadline: Deadline
    previous_due: date
    was_provisional: bool

    @property
    def moved(self) -> bool:
        return self.previous_due != self.deadline.due

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.deadline.pk,
            "subject": self.deadline.subject_label,
            "rule": self.deadline.rule_code,
            "from": self.previous_due.isoformat(),
            "to": self.deadline.due.isoformat(),
            "provisional": self.deadline.provisional,
            "was_provisional": self.was_provisional,
        }

    def line(self) -> str:
        """One line for a command's or a page's list of what changed."""
        now = "（仍为暂定）" if self.deadline.provisional else "（已确定）"
        if self.moved:
            return (
                f"{self.deadline.subject_label}：届满日由{format_date(self.previous_due)}"
                f"改为{format_date(self.deadline.due)}{now}"
            )
        return f"{self.deadline.subject_label}：届满日{format_date(self.deadline.due)}不变{now}"


def _recompute_one(
    deadline: Deadline, calendar: WorkCalendar, overrides: dict[str, int], actor
) -> MovedDeadline | None:
    try:
        result = due_date(
            deadline.rule_code,
            deadline.start,
            calendar,
            extended=deadline.extended,
            overrides=overrides,
        )
    except (CalendarDataMissing, UnknownRule):
        return None  # keep the stored due date rather than guess
    if result.due == deadline.due and result.provisional == deadline.provisional:
        return None
    previous, was = deadline.due, deadline.provisional
    deadline.due, deadline.provisional = result.due, result.provisional
    deadline.save(update_fields=["due", "provisional", "updated_at"])
    audit.record(
        actor=actor,
        action="core.deadline.recompute",
        target=deadline,
        data={
            "from": previous,
            "to": result.due,
            "was_provisional": was,
            "provisional": result.provisional,
        },
    )
    return MovedDeadline(deadline, previous, was)


def deadlines_recompute_report(
    *,
    actor,
    batch_size: int = 500,
    provisional_only: bool = False,
    calendar: WorkCalendar | None = None,
) -> list[MovedDeadline]:
    """Recompute open deadlines on the current calendar; every one whose due date or 暂定 mark
    changed, each with a ``core.deadline.recompute`` audit event.

    ``provisional_only`` takes only the 暂定 ones (what a newly entered 放假通知 can move).
    ``calendar`` lets a service pass the calendar it just changed (before the cache is dropped
    on commit). One batch is one transaction, so an interrupted run can simply be repeated.
    """
    require(actor, CORE_CALENDAR)
    # One calendar for the whole run: the point is to apply the new holiday data everywhere.
    calendar = calendar or work_calendar()
    overrides = time_limit_overrides()
    changed: list[MovedDeadline] = []
    last_pk = 0
    open_ones = Deadline.objects.filter(status=DeadlineStatus.OPEN)
    if provisional_only:
        open_ones = open_ones.filter(provisional=True)
    while True:
        with transaction.atomic():
            batch = list(
                open_ones.select_for_update().filter(pk__gt=last_pk).order_by("pk")[:batch_size]
            )
            if not batch:
                return changed
            for deadline in batch:
                moved = _recompute_one(deadline, calendar, overrides, actor)
                if moved is not None:
                    changed.append(moved)
            last_pk = batch[-1].pk


def deadlines_recompute(*, actor, batch_size: int = 500) -> int:
    """Recompute the due date of every open deadline on the current calendar.

    Run after holiday data changes. Returns how many due dates (or 暂定 marks) changed; see
    `deadlines_recompute_report` for the list.
    """
    return len(deadlines_recompute_report(actor=actor, batch_size=batch_size))
