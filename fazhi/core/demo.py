"""Core's demo records for `fazhi demo` (found by ``accounts.scenario.demo_modules`` like every
app's ``demo.py``): the holiday calendar and one deadline of each colour on the staff home."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.time_limits import Urgency, remaining
from fazhi.core.models import Deadline
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.selectors.deadlines import deadline_compute, warning_working_days
from fazhi.core.services.calendar import holidays_load_files
from fazhi.core.services.deadlines import deadline_open

# ``ctx`` below is the scenario's ``DemoContext`` (accounts.scenario; core sits below accounts).


@contextmanager
def on_day(day: date):
    """The clock at 10:00 local time on ``day`` for what runs inside: an app's demo replays the
    bureau's past through services that date their acts by the clock (time-machine: `fazhi
    demo` is a development command)."""
    import time_machine

    with time_machine.travel(timezone.make_aware(datetime.combine(day, time(10))), tick=False):
        yield


class EnteredOnTheDay:
    """A services module whose calls with a typed ``on`` run with the clock on that day: a demo's
    staff enter each step the day it is done, so no typed date is flagged in the 日期录入记录 and
    the bureau's clocks are met (or missed) by that day (issue 18.5). Other attributes pass."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._module, name)
        if not callable(attr):
            return attr

        def entered(**kwargs: Any) -> Any:
            if kwargs.get("on") is None:
                return attr(**kwargs)
            with on_day(kwargs["on"]):
                return attr(**kwargs)

        return entered


_HOLIDAY_FILE = re.compile(r"^\d{4}\.json$")

# owner, rule code, wanted urgency: one of each colour on the staff home's "我的期限".
# The "ok" ones use short periods so the due day stays in a year whose holidays are known.
DEMO_DEADLINES: tuple[tuple[str, str, str], ...] = (
    ("zhifa1", "labor_inspection.investigation", "overdue"),
    ("zhifa1", "labor_inspection.complaint_acceptance", "due-soon"),
    ("zhifa1", "penalty.service", "ok"),
    ("fagui", "normdoc.legality_review", "overdue"),
    ("fagui", "reconsideration.acceptance", "due-soon"),
    ("fagui", "reconsideration.reply", "ok"),
)


def load(ctx: Any) -> None:
    _load_holidays(ctx)
    _open_deadlines(ctx)


def _load_holidays(ctx: Any) -> None:
    folder = Path(settings.FAZHI["SHARED_DATA_DIR"]) / "holidays" / "holiday-cn"
    if not folder.is_dir():
        ctx.notes.append(f"未加载节假日：{folder} 不存在")
        return
    paths = sorted(p for p in folder.iterdir() if _HOLIDAY_FILE.match(p.name))
    summaries = holidays_load_files(paths=paths, actor=ctx.actor)
    ctx.created["holiday_days"] += sum(s.created for s in summaries)


def _start_for(rule_code: str, urgency: str, today: date) -> date | None:
    """The latest start day that gives a deadline of the wanted urgency as of ``today``."""
    calendar, warn = work_calendar(), warning_working_days()
    wanted = {
        "overdue": lambda r: r.urgency is Urgency.OVERDUE and r.calendar_days <= -3,
        "due-soon": lambda r: r.urgency is Urgency.DUE_SOON and r.calendar_days >= 1,
        "ok": lambda r: r.urgency is Urgency.OK,
    }[urgency]
    for back in range(0, 200):
        start = date.fromordinal(today.toordinal() - back)
        try:
            due = deadline_compute(code=rule_code, start=start).due
        except CalendarDataMissing:  # due day in a year not yet declared: start earlier
            continue
        left = remaining(due, today, calendar, warn_within=warn)
        if wanted(left):
            return start
    return None


def _open_deadlines(ctx: Any) -> None:
    for username, rule_code, urgency in DEMO_DEADLINES:
        owner = ctx.users[username]
        subject = owner.org_unit
        exists = Deadline.objects.filter(
            subject_type=subject._meta.label_lower,
            subject_id=str(subject.pk),
            rule_code=rule_code,
            owner=owner,
        ).exists()
        if exists:
            continue
        try:
            start = _start_for(rule_code, urgency, ctx.today)
        except LookupError as exc:  # no calendar data for the year, or the rule is unknown
            ctx.notes.append(f"未创建演示期限 {rule_code}：{exc}")
            continue
        if start is None:
            ctx.notes.append(f"未创建演示期限 {rule_code}：找不到合适的起算日")
            continue
        deadline_open(
            subject=subject,
            rule_code=rule_code,
            start=start,
            actor=ctx.actor,
            owner=owner,
            org_unit=subject,
        )
        ctx.created["deadlines"] += 1
