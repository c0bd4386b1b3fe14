"""Working days and period ends for statutory time limits (期限计算).

Pure Python: no Django. Holiday data is injected; `WorkCalendar.from_chinese_calendar` builds
the usual calendar from the chinesecalendar package plus staff overrides.

Counting conventions (each confirmed against the statute text):

* the day the period starts is not counted — 《民事诉讼法》第八十五条第二款, applied through
  《行政诉讼法》第一百零一条 and 《行政复议法》(2023) 第八十八条 第一款;
* a working-day period skips weekends and holidays and counts 调休 working weekends (the
  annual 国务院办公厅 notice; that a 调休 weekend counts is practice, not statute);
* a calendar-day period whose last day is a rest day ends on the next working day —
  《民事诉讼法》第八十五条第三款.

A year whose notice is not published yet is answered *provisionally* (暂定) for a few years
after the last published one: the statutory holidays of the 全国年节及纪念日放假办法 are fixed
in advance (`statutory_holidays`), with 补假 for a holiday on a weekend (第六条); only the 调休
is unknown. A result that touched such a year says so (`WorkCalendar.is_provisional`) and is
recomputed once the notice is entered. Beyond that horizon, and before the first published
year, the calendar refuses to answer (`CalendarDataMissing`).

>>> from datetime import date
>>> cal = WorkCalendar.from_chinese_calendar()
>>> cal.add_working_days(date(2025, 9, 30), 1)          # 10-01..10-08 are the holiday
datetime.date(2025, 10, 9)
>>> cal.is_working_day(date(2019, 10, 12))              # a 调休 Saturday
True
>>> cal.calendar_days_end(date(2025, 9, 16), 15)        # day 15 is 10-01: rolls forward
datetime.date(2025, 10, 9)
>>> cal.add_working_days(date(2031, 3, 2), 5)
Traceback (most recent call last):
...
fazhi.core.domain.calendar.CalendarDataMissing: 2031年的放假安排尚未录入，无法计算期限。请先录入国务院办公厅当年的放假通知，并确认该年度已完整录入。
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

_NO_OVERRIDES: Mapping[date, bool] = MappingProxyType({})

# 全国年节及纪念日放假办法: the 2024 revision (国务院令, 2024-11-10) applies from this year on;
# its effective date 2025-01-01 is UNVERIFIED in the reference, so callers pass the configured
# year (settings FAZHI["HOLIDAY_RULES_2024_FROM_YEAR"]).
HOLIDAY_RULES_2024_FROM_YEAR = 2025


class CalendarDataMissing(LookupError):
    """The calendar has no holiday data for ``year``, so it will not guess."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"{year}年的放假安排尚未录入，无法计算期限。"
            "请先录入国务院办公厅当年的放假通知，并确认该年度已完整录入。"
        )


def chinese_calendar_years() -> frozenset[int]:
    """Years the installed chinesecalendar package has data for, read from its own tables."""
    from chinese_calendar import holidays

    first, last = min(holidays).year, max(holidays).year
    return frozenset(range(first, last + 1))


def _lunar(year: int, month: int, day: int) -> date:
    from lunardate import LunarDate  # pure-Python lunar tables, 1900–2099

    solar: date = LunarDate(year, month, day).to_solar_date()
    return solar


def _qingming(year: int) -> date:
    from chinese_calendar import get_solar_terms  # solar terms, computed (not the notices)

    day: date = next(
        d for d, name in get_solar_terms(date(year, 4, 1), date(year, 4, 10)) if "清明" in name
    )
    return day


def statutory_holidays(
    year: int, *, revision_2024_from: int = HOLIDAY_RULES_2024_FROM_YEAR
) -> dict[date, str]:
    """The 全体公民 holidays of ``year`` fixed by the 全国年节及纪念日放假办法 第二条.

    2013 text (years before ``revision_2024_from``): 元旦 1, 春节 3 (正月初一至初三), 清明 1,
    劳动节 1, 端午 1, 中秋 1, 国庆 3 — 11 days. 2024 text: 春节 adds 除夕 and 劳动节 adds 5月2日
    — 13 days. Lunar dates via the lunar calendar; 清明 is the solar term.

    >>> h = statutory_holidays(2027)
    >>> len(h), h[date(2027, 2, 5)], h[date(2027, 5, 2)], h[date(2027, 4, 5)]
    (13, '春节', '劳动节', '清明节')
    >>> sorted(d for d, n in h.items() if n in ("端午节", "中秋节"))
    [datetime.date(2027, 6, 9), datetime.date(2027, 9, 15)]
    >>> len(statutory_holidays(2024)), date(2024, 2, 9) in statutory_holidays(2024)  # 除夕 not yet
    (11, False)
    """
    revised = year >= revision_2024_from
    new_year = _lunar(year, 1, 1)
    days: dict[date, str] = {date(year, 1, 1): "元旦"}
    spring = [new_year + timedelta(days=n) for n in range(-1 if revised else 0, 3)]
    days.update(dict.fromkeys(spring, "春节"))
    days[_qingming(year)] = "清明节"
    days[date(year, 5, 1)] = "劳动节"
    if revised:
        days[date(year, 5, 2)] = "劳动节"
    days[_lunar(year, 5, 5)] = "端午节"
    days[_lunar(year, 8, 15)] = "中秋节"
    days.update(dict.fromkeys((date(year, 10, d) for d in (1, 2, 3)), "国庆节"))
    return days


def provisional_off_days(
    year: int, *, revision_2024_from: int = HOLIDAY_RULES_2024_FROM_YEAR
) -> dict[date, str]:
    """Days off of ``year`` before its notice is published: the statutory holidays, and for each
    one on a Saturday or Sunday a 补假 on the next weekday not already off (放假办法 第六条).

    Which weekday the notice picks for the 补假, and every 调休, are unknown until it is out:
    the result is provisional (暂定).

    >>> off = provisional_off_days(2027)   # 春节 初一 and 初二 fall on Saturday and Sunday
    >>> [(d.isoformat(), n) for d, n in sorted(off.items()) if d.month == 2]
    [('2027-02-05', '春节'), ('2027-02-06', '春节'), ('2027-02-07', '春节'), ('2027-02-08', '春节'), ('2027-02-09', '春节补假'), ('2027-02-10', '春节补假')]
    """
    holidays = statutory_holidays(year, revision_2024_from=revision_2024_from)
    off = dict(holidays)
    for day, name in sorted(holidays.items()):
        if day.weekday() < 5:
            continue
        substitute = day + timedelta(days=1)
        while substitute.weekday() >= 5 or substitute in off:
            substitute += timedelta(days=1)
        off[substitute] = f"{name}补假"
    return off


class WorkCalendar:
    """Which days are working days, for a set of years known to be complete.

    ``off_days`` are holidays (including weekday bridge days); ``make_up_days`` are weekend days
    that are working days (调休上班). Days in ``known_years`` outside both sets follow the week.
    ``provisional_years`` are answered too, but a result touching them is 暂定
    (`is_provisional`). A sorted index of working-day ordinals makes every query a binary search.

    >>> from datetime import date
    >>> cal = WorkCalendar(known_years={2025}, off_days={date(2025, 10, 1)})
    >>> cal.add_working_days(date(2025, 9, 30), 1)
    datetime.date(2025, 10, 2)
    >>> cal.subtract_working_days(date(2025, 10, 2), 1)
    datetime.date(2025, 9, 30)
    >>> cal.working_days_between(date(2025, 9, 26), date(2025, 10, 3))  # Mon, Tue, Thu, Fri
    4
    """

    __slots__ = (
        "_answered",
        "_first",
        "_index",
        "_last",
        "_off",
        "_work",
        "known_years",
        "provisional_years",
    )

    def __init__(
        self,
        *,
        known_years: Iterable[int],
        off_days: Iterable[date] = (),
        make_up_days: Iterable[date] = (),
        provisional_years: Iterable[int] = (),
    ):
        self.known_years: frozenset[int] = frozenset(known_years)
        self.provisional_years: frozenset[int] = frozenset(provisional_years) - self.known_years
        self._answered = self.known_years | self.provisional_years
        self._off = frozenset(off_days)
        self._work = frozenset(make_up_days) - self._off
        index: list[int] = []
        for year in sorted(self._answered):
            day, end = date(year, 1, 1), date(year, 12, 31)
            while day <= end:
                if self._status(day):
                    index.append(day.toordinal())
                day += timedelta(days=1)
        self._index = index
        self._first = min(self._answered, default=0)
        self._last = max(self._answered, default=0)

    @classmethod
    def from_chinese_calendar(
        cls,
        *,
        overrides: Mapping[date, bool] = _NO_OVERRIDES,
        declared_years: Iterable[int] = (),
        provisional_horizon: int = 0,
        revision_2024_from: int = HOLIDAY_RULES_2024_FROM_YEAR,
    ) -> WorkCalendar:
        """chinesecalendar's data, with staff ``overrides`` (date → is_off_day) winning.

        ``declared_years`` are years staff declared complete (their notice is entered as
        overrides); they are answered even where the package has no data. The
        ``provisional_horizon`` years after the last known one are answered provisionally
        from `provisional_off_days` (with any staff overrides already entered for them).

        >>> cal = WorkCalendar.from_chinese_calendar(provisional_horizon=1)
        >>> sorted(cal.provisional_years)
        [2027]
        >>> cal.add_working_days(date(2027, 2, 4), 1), cal.is_provisional(date(2027, 2, 4))
        (datetime.date(2027, 2, 11), True)
        """
        from chinese_calendar import holidays, workdays

        years = chinese_calendar_years() | frozenset(declared_years)
        last = max(years, default=0)
        provisional = frozenset(range(last + 1, last + 1 + max(provisional_horizon, 0)))
        statutory: set[date] = set()
        for year in provisional:
            statutory |= set(provisional_off_days(year, revision_2024_from=revision_2024_from))
        off = (set(holidays) | statutory | {d for d, is_off in overrides.items() if is_off}) - {
            d for d, is_off in overrides.items() if not is_off
        }
        work = (set(workdays) | {d for d, is_off in overrides.items() if not is_off}) - {
            d for d, is_off in overrides.items() if is_off
        }
        return cls(
            known_years=years, off_days=off, make_up_days=work, provisional_years=provisional
        )

    def __repr__(self) -> str:
        years = sorted(self.known_years)
        span = f"{years[0]}–{years[-1]}" if years else "无"
        if self.provisional_years:
            span += f" (暂定 {min(self.provisional_years)}–{max(self.provisional_years)})"
        return f"<WorkCalendar {span}, {len(self._index)} working days>"

    def is_provisional(self, first: date, last: date | None = None) -> bool:
        """Whether a period from ``first`` to ``last`` touches a year answered provisionally."""
        if not self.provisional_years:
            return False
        last = first if last is None else last
        low, high = min(first, last).year, max(first, last).year
        return any(low <= year <= high for year in self.provisional_years)

    # -- single days -------------------------------------------------------------------------

    def _status(self, day: date) -> bool:
        if day in self._work:
            return True
        if day in self._off:
            return False
        return day.weekday() < 5

    def _require(self, *days: date) -> None:
        for day in days:
            if day.year not in self._answered:
                raise CalendarDataMissing(day.year)

    def _require_span(self, first: date, last: date) -> None:
        # Every year from first to last must be known: a gap year would be silently skipped.
        known = self._answered
        if first.year not in known:
            raise CalendarDataMissing(first.year)
        if last.year not in known:
            raise CalendarDataMissing(last.year)
        for year in range(first.year + 1, last.year):
            if year not in known:
                raise CalendarDataMissing(year)

    def is_working_day(self, day: date) -> bool:
        self._require(day)
        return self._status(day)

    # -- periods -----------------------------------------------------------------------------

    def add_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
        if days < 1:
            raise ValueError("days must be >= 1")
        position = bisect_right(self._index, start.toordinal()) + days - 1
        if position >= len(self._index):
            self._require(start)
            raise CalendarDataMissing(self._last + 1)
        due = date.fromordinal(self._index[position])
        self._require_span(start, due)
        return due

    def subtract_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day before ``start`` (for "在…七日前" limits)."""
        if days < 1:
            raise ValueError("days must be >= 1")
        position = bisect_left(self._index, start.toordinal()) - days
        if position < 0:
            self._require(start)
            raise CalendarDataMissing(self._first - 1)
        due = date.fromordinal(self._index[position])
        self._require_span(due, start)
        return due

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first working day after it."""
        position = bisect_left(self._index, day.toordinal())
        if position >= len(self._index):
            raise CalendarDataMissing(max(day.year, self._last + 1))
        found = date.fromordinal(self._index[position])
        self._require_span(day, found)
        return found

    def previous_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the last working day before it."""
        position = bisect_right(self._index, day.toordinal()) - 1
        if position < 0:
            raise CalendarDataMissing(min(day.year, self._first - 1))
        found = date.fromordinal(self._index[position])
        self._require_span(found, day)
        return found

    def calendar_days_end(self, start: date, days: int) -> date:
        """End of a ``days``-day period after ``start``; a rest day rolls to the next working day.

        《民事诉讼法》第八十五条: the start day is not counted; a period ending on a 法定休假日
        ends on the first day after it.
        """
        if days < 1:
            raise ValueError("days must be >= 1")
        # next_working_day, inlined: this is the hot path of every calendar-day rule.
        position = bisect_left(self._index, (start + timedelta(days=days)).toordinal())
        if position >= len(self._index):
            self._require(start)
            raise CalendarDataMissing(max(start.year, self._last + 1))
        found = date.fromordinal(self._index[position])
        self._require_span(start, found)
        return found

    def calendar_days_before(self, start: date, days: int) -> date:
        """Latest day that is at least ``days`` calendar days before ``start``, on a working day.

        Used for notices due "N日前": moving earlier, never later, keeps the notice on time.
        """
        if days < 1:
            raise ValueError("days must be >= 1")
        self._require(start)
        return self.previous_working_day(start - timedelta(days=days))

    def working_days_between(self, after: date, until: date) -> int:
        """Working days in (``after``, ``until``]; negative if ``until`` is before ``after``."""
        if until < after:
            return -self.working_days_between(until, after)
        self._require_span(after, until)
        return bisect_right(self._index, until.toordinal()) - bisect_right(
            self._index, after.toordinal()
        )


def add_working_days(start: date, days: int, calendar: WorkCalendar) -> date:
    """Function form of `WorkCalendar.add_working_days` (house-style signature)."""
    return calendar.add_working_days(start, days)


def calendar_day_deadline(start: date, days: int, calendar: WorkCalendar) -> date:
    """Function form of `WorkCalendar.calendar_days_end` (house-style signature)."""
    return calendar.calendar_days_end(start, days)
