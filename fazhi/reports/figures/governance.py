"""Part 七 (第一责任人) figures: the year's collective study sessions, from the planning app's
records of the head's 第一责任人 duties (planning.DutyRecord, kind 中心组集体学法)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure
from fazhi.planning.models import DutyRecord
from fazhi.planning.selectors import study_sessions


def _sessions(d, year, level):
    rows = study_sessions(year=year, level=level)
    records = tuple(
        Record(f"{r.held_on:%Y-%m-%d} {r.topic}", "planning.dutyrecord", r.pk) for r in rows
    )
    if not records:
        return Value(d, year, None, missing="当年没有集体学法记录（第一责任人履职记录）")
    attended = sum(r.attendance or 0 for r in rows)
    expected = sum(r.expected or 0 for r in rows)
    return Value(
        d,
        year,
        Decimal(len(records)),
        records,
        parts={"实到人次": str(attended), "应到人次": str(expected)},
    )


@figure(
    "planning.study_sessions_bureau",
    version=1,
    title="局级领导干部集体学法",
    unit=Unit.TIMES,
    counts="当年登记的局级领导干部（党组理论学习中心组）集体学法记录，每条须附佐证材料",
    part="principal",
)
def study_sessions_bureau(d, year):
    return _sessions(d, year, DutyRecord.Level.BUREAU)


@figure(
    "planning.study_sessions_division",
    version=1,
    title="处级领导干部集体学法",
    unit=Unit.TIMES,
    counts="当年登记的处级领导干部集体学法记录，每条须附佐证材料",
    part="principal",
)
def study_sessions_division(d, year):
    return _sessions(d, year, DutyRecord.Level.DIVISION)
