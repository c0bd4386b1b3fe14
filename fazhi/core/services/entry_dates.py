"""Write a typed date beside the system's date and time of entry and the person (issue 18.5).

One writer for every log built on ``core.models.entry_dates.TypedDateEntry`` (enforcement case
steps, arrears steps, draws, 重大行政决策 steps), so the rule and the flags are the same everywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from fazhi.core.domain import entry_dates as entry_rules
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_meet


def system_today() -> date:
    """The system's date (local): the day a step is entered."""
    return timezone.localdate()


def check_typed(on: date, label: str) -> None:
    """Refuse a typed date after today, before anything is written (call it first)."""
    entry_rules.check_not_future(on, system_today(), label)


def record_typed_date(
    model: Any,
    *,
    owner: dict[str, Any],
    step: str,
    on: date,
    actor,
    meets=None,
    due: date | None = None,
    previous_of: dict[str, Any] | None = None,
    previous_entered_on: date | None = None,
    previous_step: str = "",
):
    """Log the typed date ``on`` of ``step`` for ``owner`` (the log's foreign key, e.g.
    ``{"case": case}``) beside the system's date and time of entry and the person, flagged.

    The previous step is the last logged entry of ``previous_of`` (default ``owner``) unless
    given. ``meets``: the bureau's open deadline this step answers, met here on the system's
    date (never the typed one, which could hide lateness); ``due``: the last day of a clock the
    step answers that is not the bureau's to meet (logged and flagged, not met here)."""
    now = timezone.now()
    today = timezone.localtime(now).date()
    label = model.step_labels.get(step, "日期")
    entry_rules.check_not_future(on, today, label)
    if previous_entered_on is None:
        previous = (
            model.objects.filter(**(previous_of or owner)).order_by("-entered_at", "-pk").first()
        )
        if previous is not None:
            previous_entered_on, previous_step = previous.entered_on, previous.step
    if meets is not None:
        due = meets.due
    flags = entry_rules.assess(
        typed_on=on, entered_on=today, previous_entered_on=previous_entered_on, due=due
    )
    if meets is not None:
        deadline_meet(deadline=meets, met_on=today, actor=actor)
    return model.objects.create(
        **owner,
        step=step,
        typed_on=on,
        entered_on=today,
        entered_at=now,
        entered_by=audit.person(actor),
        previous_step=previous_step,
        previous_entered_on=previous_entered_on,
        due=due,
        backdated=flags.backdated,
        hides_lateness=flags.hides_lateness,
        flagged=flags.any,
    )
