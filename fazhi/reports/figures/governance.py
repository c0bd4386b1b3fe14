"""Figures whose records Fazhi does not hold yet (立法, 重大行政决策, 案卷评查, 第一责任人, 普法).

Each is defined now, so the draft asks for exactly these records instead of inventing a number;
when the app holding the records lands (issues 21–23), its definition replaces the placeholder
here with a query and a new version.
"""

from __future__ import annotations

from fazhi.reports.domain.figures import Unit
from fazhi.reports.figures import figure, missing

_PENDING = {
    # key: (title, unit, part, what the records are, which module will hold them)
    "legislation.rules_revised": ("修订政府规章", Unit.ITEMS, "system", "立法项目", "立法"),
    "legislation.research_reports": (
        "完成立法调研报告",
        Unit.ITEMS,
        "system",
        "立法调研报告",
        "立法",
    ),
    "legislation.drafts_commented": (
        "对上级法律法规规章草案提出意见",
        Unit.ITEMS,
        "system",
        "上级草案征求意见反馈",
        "立法",
    ),
    "decisions.major_decisions": ("重大行政决策", Unit.ITEMS, "decisions", "重大行政决策", "决策"),
    "decisions.counsel_review_rate": (
        "重大行政决策经首席法律顾问审核率",
        Unit.PERCENT,
        "decisions",
        "法律顾问审核意见",
        "决策",
    ),
    "decisions.fair_competition_reviews": (
        "公平竞争审查",
        Unit.ITEMS,
        "decisions",
        "公平竞争审查记录",
        "决策",
    ),
    "supervision.case_files_reviewed": (
        "评查执法案卷",
        Unit.COUNT,
        "supervision",
        "案卷评查",
        "执法监督",
    ),
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
