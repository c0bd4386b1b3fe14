"""Figures whose records Fazhi does not hold yet (第一责任人, 普法).

Each is defined now, so the draft asks for exactly these records instead of inventing a number;
when the app holding the records lands (issues 21–23), its definition replaces the placeholder
here with a query and a new version.
"""

from __future__ import annotations

from fazhi.reports.domain.figures import Unit
from fazhi.reports.figures import figure, missing

_PENDING = {
    # key: (title, unit, part, what the records are, which module will hold them)
    "planning.study_sessions_bureau": (
        "局级领导干部集体学法",
        Unit.TIMES,
        "principal",
        "党组理论学习中心组学法记录",
        "第一责任人",
    ),
    "planning.study_sessions_division": (
        "处级领导干部集体学法",
        Unit.TIMES,
        "principal",
        "处级干部集体学法记录",
        "第一责任人",
    ),
}


def _register(key: str, title: str, unit: Unit, part: str, records: str, module: str) -> None:
    @figure(key, version=0, title=title, unit=unit, counts=f"{records}（{module}模块）", part=part)
    def pending(d, year):
        return missing(d, year, f"{records}（{module}模块尚未上线）")


for _key, (_title, _unit, _part, _records, _module) in _PENDING.items():
    _register(_key, _title, _unit, _part, _records, _module)
