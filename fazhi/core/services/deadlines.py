"""Writes on the statutory clock. Every module opens its deadlines through `deadline_open`.

A deadline's due date is always computed here from (rule code, start, extended), so a
calendar change can be replayed by `deadlines_recompute`.
"""

from __future__ import annotations

from datetime import date

from django.db import models, transaction

from fazhi.accounts.permissions import CORE_CALENDAR, require
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.time_limits import UnknownRule, due_date, format_date
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
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
    if subject.pk is None:
        raise ValueError("subject must be saved before a deadline can hang on it")
    result = deadline_compute(code=rule_code, start=start, extended=extended)
    if org_unit is None and owner is not None:
        org_unit = getattr(owner, "org_unit", None)
    deadline = Deadline.objects.create(
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        subject_label=str(subject)[:255],
        owner=owner,
        org_unit=org_unit,
        rule_code=rule_code,
        extended=extended,
        start=start,
        due=result.due,
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
    if subject.pk is None:
        raise ValueError("subject must be saved before a deadline can hang on it")
    if due < start:
        raise DeadlineStateError("届满日不能早于起算日。")
    if org_unit is None and owner is not None:
        org_unit = getattr(owner, "org_unit", None)
    deadline = Deadline.objects.create(
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        subject_label=str(subject)[:255],
        owner=owner,
        org_unit=org_unit,
        rule_code=rule_code,
        title=title,
        start=start,
        due=due,
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
    deadline.extended, deadline.due = True, result.due
    deadline.save(update_fields=["extended", "due", "updated_at"])
    audit.record(
        actor=actor,
        action="core.deadline.extend",
        target=deadline,
        data={"from": previous, "to": deadline.due, "days": result.days, "reason": reason},
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


def deadlines_recompute(*, actor, batch_size: int = 500) -> int:
    """Recompute the due date of every open deadline on the current calendar.

    Run after holiday data changes. Each changed deadline gets a ``core.deadline.recompute``
    event; one batch is one transaction, so an interrupted run can simply be repeated.
    Returns how many due dates changed.
    """
    require(actor, CORE_CALENDAR)
    # One calendar for the whole run: the point is to apply the new holiday data everywhere.
    calendar, overrides = work_calendar(), time_limit_overrides()
    changed = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(
                Deadline.objects.select_for_update()
                .filter(status=DeadlineStatus.OPEN, pk__gt=last_pk)
                .order_by("pk")[:batch_size]
            )
            if not batch:
                return changed
            for deadline in batch:
                try:
                    due = due_date(
                        deadline.rule_code,
                        deadline.start,
                        calendar,
                        extended=deadline.extended,
                        overrides=overrides,
                    ).due
                except (CalendarDataMissing, UnknownRule):
                    continue  # keep the stored due date rather than guess
                if due != deadline.due:
                    previous, deadline.due = deadline.due, due
                    deadline.save(update_fields=["due", "updated_at"])
                    audit.record(
                        actor=actor,
                        action="core.deadline.recompute",
                        target=deadline,
                        data={"from": previous, "to": due},
                    )
                    changed += 1
            last_pk = batch[-1].pk
