"""The calendar against an independent source: NateScarlet/holiday-cn, one file per year.

In holiday-cn a day marked ``isOffDay: false`` is a working day, a day marked ``true`` is a rest
day, and an unmarked day follows the week. A file can list days of the neighbouring year (late
December 调休), so all files are merged before comparing. Every day of every year both sources
cover must agree.
"""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings

from fazhi.core.domain.calendar import WorkCalendar

FOLDER = Path(settings.FAZHI["SHARED_DATA_DIR"]) / "holidays" / "holiday-cn"
FILES = sorted(FOLDER.glob("[0-9][0-9][0-9][0-9].json")) if FOLDER.is_dir() else []
CAL = WorkCalendar.from_chinese_calendar()


def _marks() -> dict[date, bool]:
    marks = {}
    for path in FILES:  # ascending years: a later notice wins a day two files list
        for item in json.loads(path.read_text(encoding="utf-8"))["days"]:
            marks[date.fromisoformat(item["date"])] = item["isOffDay"]
    return marks


@pytest.mark.skipif(not FILES, reason=f"holiday-cn data not available at {FOLDER}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_day_agrees_with_holiday_cn(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    year = data["year"]
    if not data["days"]:
        pytest.skip(f"holiday-cn has no notice for {year} yet")
    if year not in CAL.known_years:
        pytest.skip(f"the calendar does not cover {year}; it refuses to answer for it")
    marks = _marks()
    disagreements = []
    day = date(year, 1, 1)
    while day.year == year:
        expected = not marks[day] if day in marks else day.weekday() < 5
        if CAL.is_working_day(day) != expected:
            word = "工作日" if expected else "休息日"
            disagreements.append(f"{day.isoformat()}：holiday-cn 为{word}")
        day += timedelta(days=1)
    assert not disagreements, f"{year}年有{len(disagreements)}天不一致：" + "；".join(disagreements)


@pytest.mark.skipif(not FILES, reason=f"holiday-cn data not available at {FOLDER}")
def test_years_covered_by_both_sources_are_all_compared():
    with_data = {int(p.stem) for p in FILES if json.loads(p.read_text(encoding="utf-8"))["days"]}
    assert with_data & CAL.known_years, "no year in common: the comparison would prove nothing"
