"""Writes on the holiday calendar: single days, declared years, and holiday-cn files.

All are idempotent: repeating a call that changes nothing writes nothing, not even an audit
event. A year is answerable only after it is declared complete, because a half-entered notice
would silently give wrong working days.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from fazhi.core.domain.calendar import chinese_calendar_years
from fazhi.core.models import CalendarYear, HolidayOverride
from fazhi.core.permissions import CORE_CALENDAR, require
from fazhi.core.selectors.calendar import work_calendar_fresh, work_calendar_invalidate
from fazhi.core.services import audit
from fazhi.core.services.deadlines import MovedDeadline, deadlines_recompute_report


class HolidayDataError(ValueError):
    """Holiday input that cannot be used; nothing was written."""


def _recompute_provisional(actor) -> list[MovedDeadline]:
    """Open 暂定 deadlines recomputed on the calendar as just changed (same transaction)."""
    return deadlines_recompute_report(
        actor=actor, provisional_only=True, calendar=work_calendar_fresh()
    )


def _upsert(*, day: date, is_off_day: bool, name: str, source: str) -> str:
    """Create or update one row; returns "created", "updated" or "unchanged"."""
    row = HolidayOverride.objects.select_for_update().filter(day=day).first()
    if row is None:
        HolidayOverride.objects.create(day=day, is_off_day=is_off_day, name=name, source=source)
        return "created"
    if (row.is_off_day, row.name, row.source) == (is_off_day, name, source):
        return "unchanged"
    row.is_off_day, row.name, row.source = is_off_day, name, source
    row.save(update_fields=["is_off_day", "name", "source", "updated_at"])
    return "updated"


@transaction.atomic
def holiday_override_set(
    *, day: date, is_off_day: bool, name: str = "", source: str = "", actor
) -> HolidayOverride:
    """Mark ``day`` as a day off or a working day (调休上班). Audits ``core.holiday_override.set``.

    Open 暂定 deadlines are recomputed at once (``row.moved_deadlines`` lists those that
    changed); other open deadlines keep their due date until `deadlines_recompute` runs.
    """
    require(actor, CORE_CALENDAR)
    previous = HolidayOverride.objects.filter(day=day).values("is_off_day", "name").first()
    outcome = _upsert(day=day, is_off_day=is_off_day, name=name.strip(), source=source.strip())
    row = HolidayOverride.objects.get(day=day)
    row.moved_deadlines = []
    if outcome != "unchanged":
        audit.record(
            actor=actor,
            action="core.holiday_override.set",
            target=row,
            data={"day": day, "is_off_day": is_off_day, "name": row.name, "previous": previous},
        )
        transaction.on_commit(work_calendar_invalidate)
        row.moved_deadlines = _recompute_provisional(actor)
    return row


@transaction.atomic
def holiday_override_delete(*, override: HolidayOverride, actor) -> None:
    """Remove one staff entry; the day falls back to chinesecalendar or the week."""
    require(actor, CORE_CALENDAR)
    audit.record(
        actor=actor,
        action="core.holiday_override.delete",
        target=override,
        data={"day": override.day, "is_off_day": override.is_off_day, "name": override.name},
    )
    override.delete()
    transaction.on_commit(work_calendar_invalidate)
    _recompute_provisional(actor)


def calendar_year_declare_problem(*, year: int, source: str) -> str | None:
    """Why ``year`` cannot be declared complete now, or None (shared with the admin form)."""
    if not 1990 <= year <= 2100:
        return f"年份“{year}”不在可录入范围内。"
    if not source.strip():
        return "请填写依据（国务院办公厅放假通知的名称或文号）。"
    if (
        year not in chinese_calendar_years()
        and not HolidayOverride.objects.filter(day__year=year).exists()
    ):
        return f"{year}年尚未录入任何放假或调休日期，不能确认为已完整录入。请先录入当年的放假安排。"
    return None


@transaction.atomic
def calendar_year_declare(*, year: int, source: str, actor, note: str = "") -> CalendarYear:
    """Declare ``year``'s holiday arrangement complete, so deadlines in it can be counted.

    Idempotent (an already declared year is returned unchanged). Refuses (`HolidayDataError`)
    without a source, or for a year the package does not cover and for which no day has been
    entered. Audits ``core.calendar_year.declare``. Every open 暂定 deadline is recomputed on the
    declared year; ``row.moved_deadlines`` lists those whose due date or mark changed.
    """
    require(actor, CORE_CALENDAR)
    existing = CalendarYear.objects.filter(year=year).first()
    if existing is not None:
        existing.moved_deadlines = []
        return existing
    problem = calendar_year_declare_problem(year=year, source=source)
    if problem:
        raise HolidayDataError(problem)
    source = source.strip()
    row = CalendarYear.objects.create(year=year, source=source, note=note)
    row.moved_deadlines = _recompute_provisional(actor)
    audit.record(
        actor=actor,
        action="core.calendar_year.declare",
        target=row,
        data={
            "year": year,
            "source": source,
            "moved_deadlines": [m.as_dict() for m in row.moved_deadlines],
        },
    )
    transaction.on_commit(work_calendar_invalidate)
    return row


@dataclass
class HolidayLoadSummary:
    path: str
    year: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    declared: bool = False
    changed_days: list[str] = field(default_factory=list)
    other_year_days: list[str] = field(default_factory=list)
    # open 暂定 deadlines whose due date or mark changed with this notice
    moved: list[MovedDeadline] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.created or self.updated or self.unchanged)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "year": self.year,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "declared": self.declared,
            "other_year_days": self.other_year_days,
            "moved_deadlines": [m.as_dict() for m in self.moved],
        }


def _parse(path: Path) -> tuple[int, list[tuple[date, bool, str]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise HolidayDataError(f"找不到文件：{path}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HolidayDataError(f"无法读取放假安排文件 {path}：{exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("days"), list):
        raise HolidayDataError(f"{path} 不是 holiday-cn 格式（缺少 days 列表）。")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise HolidayDataError(f"{path} 缺少有效的 year 字段。")
    days = []
    for number, item in enumerate(data["days"], start=1):
        try:
            day = date.fromisoformat(item["date"])
            is_off = item["isOffDay"]
            name = str(item.get("name", ""))
        except (KeyError, TypeError, ValueError) as exc:
            raise HolidayDataError(f"{path} 第{number}条记录不合法：{item!r}") from exc
        if not isinstance(is_off, bool):
            raise HolidayDataError(f"{path} 第{number}条记录的 isOffDay 必须是 true 或 false。")
        days.append((day, is_off, name))
    return year, days


@transaction.atomic
def holidays_load_file(*, path: str | Path, actor) -> HolidayLoadSummary:
    """Load one holiday-cn-shaped file (``{"year", "days": [{"name","date","isOffDay"}]}``).

    Days may belong to the neighbouring year (a notice often sets late-December 调休 of the
    previous year); they are stored all the same and listed in the summary. A file with
    ``"days": []`` means the notice is not out yet: the year is not declared. Writes one
    ``core.holidays.load`` audit event when anything changed; a refused file writes nothing.
    Open 暂定 deadlines are recomputed on the new days; ``summary.moved`` lists the changed.
    """
    require(actor, CORE_CALENDAR)
    path = Path(path)
    year, days = _parse(path)
    summary = HolidayLoadSummary(path=str(path), year=year)
    source = f"holiday-cn {path.name}"
    for day, is_off, name in days:
        outcome = _upsert(day=day, is_off_day=is_off, name=name, source=source)
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        if outcome != "unchanged":
            summary.changed_days.append(day.isoformat())
        if day.year != year:
            summary.other_year_days.append(day.isoformat())
    if days and not CalendarYear.objects.filter(year=year).exists():
        CalendarYear.objects.create(year=year, source=source)
        summary.declared = True
    if summary.created or summary.updated or summary.declared:
        summary.moved = _recompute_provisional(actor)
        audit.record(
            actor=actor,
            action="core.holidays.load",
            data={**summary.as_dict(), "changed_days": summary.changed_days},
        )
        transaction.on_commit(work_calendar_invalidate)
    return summary


def holidays_load_files(*, paths: list[str | Path], actor) -> list[HolidayLoadSummary]:
    """Load several files, older years first, so a later notice wins a day both list."""
    require(actor, CORE_CALENDAR)
    parsed = sorted((_parse(Path(p))[0], str(p)) for p in paths)
    return [holidays_load_file(path=p, actor=actor) for _, p in parsed]
