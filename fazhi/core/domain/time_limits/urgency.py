"""How close a due date is (`remaining`): overdue, due soon or ok."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fazhi.core.domain.calendar import CalendarDataMissing, WorkCalendar


class Urgency(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"  # also the CSS class
    OK = "ok"


@dataclass(frozen=True, slots=True)
class Remaining:
    urgency: Urgency
    calendar_days: int  # due − today; negative when overdue
    # working days in (today, due]; 0 when overdue or due today; None when ``due`` lies beyond
    # the declared years (an expiry reminder years ahead): then only calendar days are known
    working_days: int | None
    # the working days are counted across a year whose 放假通知 is not out yet (暂定)
    provisional: bool = False

    @property
    def label(self) -> str:
        if self.urgency is Urgency.OVERDUE:
            return f"已逾期{-self.calendar_days}日"
        if self.calendar_days == 0:
            return "今日届满"
        if self.working_days is None:
            return f"剩余{self.calendar_days}日"
        if self.provisional:
            return f"剩余{self.working_days}个工作日（暂定）"
        return f"剩余{self.working_days}个工作日"

    @property
    def urgency_label(self) -> str:
        return {"overdue": "已逾期", "due-soon": "即将到期", "ok": "正常"}[self.urgency]


def remaining(due: date, today: date, calendar: WorkCalendar, *, warn_within: int) -> Remaining:
    """How close ``due`` is: overdue, due within ``warn_within`` working days, or ok.

    >>> from fazhi.core.domain.calendar import WorkCalendar
    >>> cal = WorkCalendar.from_chinese_calendar()
    >>> remaining(date(2025, 10, 9), date(2025, 9, 30), cal, warn_within=3).label
    '剩余1个工作日'
    >>> remaining(date(2025, 9, 29), date(2025, 10, 1), cal, warn_within=3).urgency
    <Urgency.OVERDUE: 'overdue'>

    A due day in a year whose holidays are not yet declared (a fixed day such as an expiry
    reminder years ahead) counts in calendar days. It is ok when the declared days before it
    already hold more than ``warn_within`` working days, and otherwise due soon: warn rather
    than guess.

    >>> cal = WorkCalendar(known_years={2025})
    >>> left = remaining(date(2029, 4, 17), date(2025, 9, 30), cal, warn_within=3)
    >>> left.urgency, left.label
    (<Urgency.OK: 'ok'>, '剩余1295日')
    >>> remaining(date(2026, 1, 5), date(2025, 12, 30), cal, warn_within=3).urgency
    <Urgency.DUE_SOON: 'due-soon'>
    """
    if today > due:
        return Remaining(Urgency.OVERDUE, (due - today).days, 0)
    try:
        working = calendar.working_days_between(today, due)
    except CalendarDataMissing:
        declared_end = _last_declared_day(calendar, today)
        far = (
            declared_end is not None
            and calendar.working_days_between(today, declared_end) > warn_within
        )
        return Remaining(Urgency.OK if far else Urgency.DUE_SOON, (due - today).days, None)
    urgency = Urgency.DUE_SOON if working <= warn_within else Urgency.OK
    return Remaining(urgency, (due - today).days, working, calendar.is_provisional(today, due))


def _last_declared_day(calendar: WorkCalendar, today: date) -> date | None:
    """31 December of the last year declared without a gap from ``today``'s year."""
    if today.year not in calendar.known_years:
        return None
    year = today.year
    while year + 1 in calendar.known_years:
        year += 1
    return date(year, 12, 31)
