"""The working calendar as the application sees it: chinesecalendar + what staff entered.

Building it takes a few milliseconds, so it is cached per process. Every call checks a cheap
fingerprint of the two staff tables (row count and latest ``updated_at`` of each), so a change
made by another process (a CLI import, another web worker) is picked up on the next call.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Max

from fazhi.core.domain.calendar import WorkCalendar, chinese_calendar_years
from fazhi.core.domain.time_limits import override_problems
from fazhi.core.models import CalendarYear, HolidayOverride

_lock = threading.Lock()
_cached: tuple[tuple[Any, ...], WorkCalendar] | None = None


def _fingerprint() -> tuple[Any, ...]:
    overrides = HolidayOverride.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    years = CalendarYear.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    return (
        overrides["n"],
        overrides["at"],
        years["n"],
        years["at"],
        settings.FAZHI.get("PROVISIONAL_CALENDAR_YEARS", 2),
        settings.FAZHI.get("HOLIDAY_RULES_2024_FROM_YEAR", 2025),
    )


def _build() -> WorkCalendar:
    overrides = dict(HolidayOverride.objects.values_list("day", "is_off_day"))
    declared = CalendarYear.objects.values_list("year", flat=True)
    return WorkCalendar.from_chinese_calendar(
        overrides=overrides,
        declared_years=declared,
        provisional_horizon=int(settings.FAZHI.get("PROVISIONAL_CALENDAR_YEARS", 2)),
        revision_2024_from=int(settings.FAZHI.get("HOLIDAY_RULES_2024_FROM_YEAR", 2025)),
    )


def work_calendar_fresh() -> WorkCalendar:
    """The calendar built now from the tables, bypassing the cache (inside a transaction that
    just changed holiday data, before the cache is invalidated on commit)."""
    return _build()


def work_calendar() -> WorkCalendar:
    """The calendar every deadline is computed with."""
    global _cached
    fingerprint = _fingerprint()
    cached = _cached
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    with _lock:
        calendar = _build()
        _cached = (fingerprint, calendar)
    return calendar


def work_calendar_invalidate() -> None:
    """Drop the cached calendar (services call this after changing holiday data)."""
    global _cached
    _cached = None


def calendar_years_known() -> list[dict[str, Any]]:
    """Every year the calendar answers for, and where its data comes from."""
    package = chinese_calendar_years()
    declared = {row.year: row for row in CalendarYear.objects.all()}
    rows = []
    for year in sorted(package | set(declared)):
        row = declared.get(year)
        rows.append(
            {
                "year": year,
                "from_package": year in package,
                "declared": row is not None,
                "source": row.source if row else "chinesecalendar",
                "provisional": False,
            }
        )
    last = max(package | set(declared), default=0)
    for year in range(
        last + 1, last + 1 + int(settings.FAZHI.get("PROVISIONAL_CALENDAR_YEARS", 2))
    ):
        rows.append(
            {
                "year": year,
                "from_package": False,
                "declared": False,
                "source": "暂定：按全国年节及纪念日放假办法的法定节日推算，调休待国务院办公厅通知",
                "provisional": True,
            }
        )
    return rows


def time_limit_overrides() -> dict[str, int]:
    """FAZHI["TIME_LIMIT_OVERRIDES"], checked: a bad entry is a configuration error."""
    overrides = dict(settings.FAZHI.get("TIME_LIMIT_OVERRIDES") or {})
    problems = override_problems(overrides)
    if problems:
        raise ImproperlyConfigured("FAZHI_TIME_LIMIT_OVERRIDES 配置有误：" + "；".join(problems))
    return overrides
