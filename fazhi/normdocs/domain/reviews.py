"""合法性审核 (seven points), 公平竞争审查 and 集体审议: what each review records and what follows.

Pure Python.

合法性审核 — 《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》
(国办发〔2018〕115号, 2018-12-04):

* (五) the reviewer gets "一般不少于5个工作日，最长不超过15个工作日" (the 15-day maximum is
  the deadline ``normdoc.legality_review`` on the statutory clock);
* (六) the content to check — the seven points in `LEGALITY_POINTS` — and the written opinion:
  合法 / 不合法 / 应当予以修改;
* (七) an unreviewed or unlawful draft may not go to 集体审议.

公平竞争审查 — 《公平竞争审查条例》(2024): 第二条 (scope: measures affecting 经营者经济活动),
第八至十一条 (the four standards), 第十二条 (exceptions, which must be explained), 第十七条 (a
measure that fails review may not be issued).

>>> check_legality_conclusion({p.code: True for p in LEGALITY_POINTS}, LegalityConclusion.LAWFUL)
>>> check_legality_conclusion({"procedure": False}, LegalityConclusion.LAWFUL)
Traceback (most recent call last):
...
fazhi.normdocs.domain.errors.Refused: 七项审核内容须逐项作出判断，尚缺：制定主体、职权范围、上位依据、许可处罚强制征收收费、权利义务、权责清单。
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fazhi.normdocs.domain.errors import Refused

DOC_115 = "国办发〔2018〕115号"
REVIEW_MIN_WORKING_DAYS = 5  # 115号 (五): "一般不少于5个工作日"
REVIEW_MAX_WORKING_DAYS = 15  # 115号 (五): "最长不超过15个工作日"


# 115号（五）: the reviewer gets "一般不少于5个工作日" — fewer only in an emergency or when a higher
# authority needs the document urgently, which the reviewer must state.
MIN_REVIEW_WORKING_DAYS = 5


def earliest_review_day(submitted_on: date, add_working_days: Callable[[date, int], date]) -> date:
    """The first day a legality opinion may be given without an urgency reason.

    >>> from datetime import timedelta
    >>> earliest_review_day(date(2025, 4, 3), lambda d, n: d + timedelta(days=n))
    datetime.date(2025, 4, 8)
    """
    return add_working_days(submitted_on, MIN_REVIEW_WORKING_DAYS)


def check_review_time(day: date, earliest: date, urgent_reason: str) -> None:
    """Refuse an opinion given before ``earliest`` unless an urgency reason is recorded."""
    if day < earliest and not urgent_reason.strip():
        raise Refused(
            "review_too_early",
            f"合法性审核时间一般不少于{MIN_REVIEW_WORKING_DAYS}个工作日，"
            f"{earliest.year}年{earliest.month}月{earliest.day}日前出具意见须注明紧急情况或上级机关急需的理由"
            "（国办发〔2018〕115号（五））。",
        )


@dataclass(frozen=True)
class LegalityPoint:
    code: str
    short: str
    text: str
    basis: str = f"{DOC_115}（六）"


LEGALITY_POINTS: tuple[LegalityPoint, ...] = (
    LegalityPoint("issuer", "制定主体", "制定主体是否合法"),
    LegalityPoint("competence", "职权范围", "是否超越制定机关法定职权"),
    LegalityPoint("consistency", "上位依据", "内容是否符合宪法、法律、法规、规章和国家政策规定"),
    LegalityPoint(
        "no_unlawful_measures",
        "许可处罚强制征收收费",
        "是否违法设立行政许可、行政处罚、行政强制、行政征收、行政收费等事项",
    ),
    LegalityPoint(
        "rights_duties",
        "权利义务",
        "是否存在没有法律、法规依据减损公民、法人和其他组织合法权益或者增加其义务的情况",
    ),
    LegalityPoint(
        "powers_list",
        "权责清单",
        "是否存在没有法律、法规依据增加本单位权力或者减少本单位法定职责的情形",
    ),
    LegalityPoint("procedure", "制定程序", "是否违反规范性文件制定程序"),
)
LEGALITY_POINT_CODES: tuple[str, ...] = tuple(p.code for p in LEGALITY_POINTS)


class LegalityConclusion(StrEnum):
    LAWFUL = "lawful"
    UNLAWFUL = "unlawful"
    AMEND = "amend"


LEGALITY_CONCLUSION_LABELS: Mapping[LegalityConclusion, str] = {
    LegalityConclusion.LAWFUL: "合法",
    LegalityConclusion.UNLAWFUL: "不合法",
    LegalityConclusion.AMEND: "应当予以修改",
}


def check_legality_conclusion(checks: Mapping[str, bool], conclusion: LegalityConclusion) -> None:
    """Every point judged; "合法" only if all seven pass, otherwise it is no opinion at all."""
    missing = [p.short for p in LEGALITY_POINTS if p.code not in checks]
    if missing:
        raise Refused(
            "review_incomplete", f"七项审核内容须逐项作出判断，尚缺：{'、'.join(missing)}。"
        )
    failed = [p.short for p in LEGALITY_POINTS if not checks[p.code]]
    if conclusion == LegalityConclusion.LAWFUL and failed:
        raise Refused(
            "review_inconsistent",
            f"以下审核内容未通过，不能出具“合法”意见：{'、'.join(failed)}（{DOC_115}（六））。",
        )
    if conclusion != LegalityConclusion.LAWFUL and not failed:
        raise Refused(
            "review_inconsistent",
            "七项审核内容均已通过，却未认定合法：请指明未通过的审核内容。",
        )


class CompetitionConclusion(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    COMPLIANT = "compliant"
    EXCEPTION = "exception"
    NON_COMPLIANT = "non_compliant"


COMPETITION_CONCLUSION_LABELS: Mapping[CompetitionConclusion, str] = {
    CompetitionConclusion.NOT_APPLICABLE: "不涉及经营者经济活动",
    CompetitionConclusion.COMPLIANT: "经审查符合公平竞争审查标准",
    CompetitionConclusion.EXCEPTION: "适用例外规定（第十二条）",
    CompetitionConclusion.NON_COMPLIANT: "不符合审查标准，不得出台",
}
# The checklist, the exception and the conclusions' effect are decisions' (one review):
# ``fazhi.decisions.domain.competition``.


class DeliberationDecision(StrEnum):
    APPROVED = "approved"
    APPROVED_WITH_CHANGES = "approved_with_changes"
    REJECTED = "rejected"


DELIBERATION_DECISION_LABELS: Mapping[DeliberationDecision, str] = {
    DeliberationDecision.APPROVED: "审议通过",
    DeliberationDecision.APPROVED_WITH_CHANGES: "原则通过，按审议意见修改后印发",
    DeliberationDecision.REJECTED: "未通过，退回修改",
}
