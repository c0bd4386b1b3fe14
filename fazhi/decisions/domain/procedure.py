"""重大行政决策: the rule in force on a day, the five procedures as gates, and their checks.

A department applies the national 条例 by reference (重大行政决策程序暂行条例 第四十二条). Before
2019-09-01 the bureau followed 《天津市人民政府重大事项决策程序规则》 (市政府令第5号, 2008-07-01);
from 2020-12-01 Tianjin's own 《天津市重大行政决策程序规定》 (市政府令第19号) applies beside the
条例 (domain-rules-2 §19, §23). The day-counts of 令第5号 are UNVERIFIED, so the minimums are
passed in by the caller (settings ``FAZHI["DECISIONS_MIN_COMMENT_DAYS"]`` and
``FAZHI["DECISIONS_MIN_REVIEW_WORKING_DAYS"]``, default the 条例's 30 days and 7 working days).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from fazhi.core.domain.errors import Refused
from fazhi.decisions.domain.errors import Code

NATIONAL_FROM = date(2019, 9, 1)
TIANJIN_2020_FROM = date(2020, 12, 1)
ARCHIVE_DAYS = 30  # 津政办发〔2021〕42号 档案办法: the file goes in within 30 days


@dataclass(frozen=True)
class Regime:
    """The decision-procedure rule in force on a day; ``cite(key)`` names its article."""

    name: str
    articles: Mapping[str, str]

    def cite(self, key: str) -> str:
        article = self.articles.get(key, "")
        return f"{self.name}{article}" if article else self.name


_STATE_COUNCIL = {
    "catalogue": "第三条",
    "comment": "第十五条",
    "hearing": "第十六条",
    "experts": "第十九、二十条",
    "risk": "第二十二至二十四条",
    "legality": "第二十五、二十六条",
    "counsel": "第二十八条",
    "materials": "第二十九条",
    "discussion": "第三十条",
    "publication": "第三十二条",
    "archive": "第三十三条",
    "evaluation": "第三十六条",
}

_NATIONAL = Regime("《重大行政决策程序暂行条例》", _STATE_COUNCIL)
_TIANJIN_2020 = Regime("《重大行政决策程序暂行条例》（天津市政府令第19号配套执行）", _STATE_COUNCIL)
# 令第5号's article numbers are not in the reference: cite the rule itself (UNVERIFIED).
_TIANJIN_2008 = Regime("《天津市人民政府重大事项决策程序规则》（市政府令第5号）", {})


def regime_on(day: date) -> Regime:
    """The rule the bureau applied on ``day``.

    >>> regime_on(date(2019, 8, 31)).cite("comment")
    '《天津市人民政府重大事项决策程序规则》（市政府令第5号）'
    >>> regime_on(date(2019, 9, 1)).cite("comment")
    '《重大行政决策程序暂行条例》第十五条'
    >>> "第19号" in regime_on(date(2020, 12, 1)).name
    True
    """
    if day >= TIANJIN_2020_FROM:
        return _TIANJIN_2020
    if day >= NATIONAL_FROM:
        return _NATIONAL
    return _TIANJIN_2008


class Gate(StrEnum):
    """The procedures a draft passes before 集体讨论决定, in order."""

    PUBLIC_PARTICIPATION = "public_participation"
    EXPERTS = "experts"
    RISK = "risk"
    LEGALITY = "legality"


GATE_LABELS = {
    Gate.PUBLIC_PARTICIPATION: ("公众参与", "comment"),
    Gate.EXPERTS: ("专家论证", "experts"),
    Gate.RISK: ("风险评估", "risk"),
    Gate.LEGALITY: ("合法性审查", "legality"),
}


class Stage(StrEnum):
    DRAFTING = "drafting"
    DECIDED = "decided"
    PUBLISHED = "published"
    EXECUTING = "executing"
    EVALUATED = "evaluated"
    ARCHIVED = "archived"


STAGE_LABELS = {
    Stage.DRAFTING: "起草和论证",
    Stage.DECIDED: "已集体讨论决定",
    Stage.PUBLISHED: "已公布",
    Stage.EXECUTING: "执行中",
    Stage.EVALUATED: "已后评估",
    Stage.ARCHIVED: "已归档",
}


def check_gates_closed(done: Mapping[Gate, bool], on: date) -> None:
    """Refuse 集体讨论 while any procedure is open, naming the first open one and its article.

    >>> ok = {g: True for g in Gate}
    >>> check_gates_closed(ok, date(2019, 10, 1))
    >>> check_gates_closed({**ok, Gate.LEGALITY: False}, date(2019, 10, 1))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 合法性审查尚未完成，不得提交集体讨论决定（依据：《重大行政决策程序暂行条例》第二十五、二十六条）
    """
    regime = regime_on(on)
    for gate in Gate:
        if not done.get(gate):
            label, key = GATE_LABELS[gate]
            raise Refused(
                f"{label}尚未完成，不得提交集体讨论决定", regime.cite(key), code=Code.GATE_OPEN
            )


def comment_closes(opened: date, days: int) -> date:
    """The last day of a comment period of ``days`` calendar days starting ``opened``.

    >>> comment_closes(date(2019, 9, 2), 30)
    datetime.date(2019, 10, 1)
    """
    return opened + timedelta(days=days - 1)


def check_comment_period(
    opened: date, closes: date, short_reason: str, *, minimum: int = 30
) -> None:
    """The period runs ``minimum`` days or more, or a shorter one states why (第十五条).

    >>> check_comment_period(date(2019, 9, 2), date(2019, 10, 1), "")
    >>> check_comment_period(date(2019, 9, 2), date(2019, 9, 30), "")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 征求意见期为29日，少于30日，须说明理由（依据：《重大行政决策程序暂行条例》第十五条）
    >>> check_comment_period(date(2019, 9, 2), date(2019, 9, 30), "上级限期")
    """
    if closes < opened:
        raise Refused("征求意见截止日不能早于开始日", code=Code.INVALID)
    days = (closes - opened).days + 1
    if days < minimum and not short_reason.strip():
        raise Refused(
            f"征求意见期为{days}日，少于{minimum}日，须说明理由",
            regime_on(opened).cite("comment"),
            code=Code.COMMENT_TOO_SHORT,
        )


def check_comment_open(opened: date, closes: date, day: date) -> None:
    """A public comment is accepted only within the period.

    >>> check_comment_open(date(2019, 9, 2), date(2019, 10, 1), date(2019, 10, 2))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 征求意见期已于2019年10月1日截止，不再接收意见（依据：《重大行政决策程序暂行条例》第十五条）
    """
    if day < opened or day > closes:
        when = f"{closes.year}年{closes.month}月{closes.day}日"
        message = (
            f"征求意见期已于{when}截止，不再接收意见" if day > closes else "征求意见期尚未开始"
        )
        raise Refused(message, regime_on(opened).cite("comment"), code=Code.COMMENT_CLOSED)


def check_hearing_notice(notice_on: date, held_on: date, *, minimum: int = 7) -> None:
    """The hearing is announced, with its materials, at least ``minimum`` days before it is held
    (第十六条: 7 days; the 2008 Tianjin rule's count is UNVERIFIED, hence the setting).

    >>> check_hearing_notice(date(2019, 10, 8), date(2019, 10, 15))
    >>> check_hearing_notice(date(2019, 10, 9), date(2019, 10, 15))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 听证公告和材料仅提前6日公开，应当至少提前7日（依据：《重大行政决策程序暂行条例》第十六条）
    """
    days = (held_on - notice_on).days
    if days < minimum:
        raise Refused(
            f"听证公告和材料仅提前{max(days, 0)}日公开，应当至少提前{minimum}日",
            regime_on(notice_on).cite("hearing"),
            code=Code.HEARING_NOTICE_SHORT,
        )


def check_expert(direct_interest: bool, on: date) -> None:
    """An expert with a direct interest in the matter may not give the opinion (第二十条)."""
    if direct_interest:
        raise Refused(
            "与决策事项有直接利害关系的专家不得参加论证",
            regime_on(on).cite("experts"),
            code=Code.EXPERT_INTEREST,
        )


def check_risk(controllable: bool, on: date) -> None:
    """The decision is made only where the risk is controllable (第二十四条)."""
    if not controllable:
        raise Refused(
            "风险评估认为风险不可控，应当作出不予决策或调整方案后重新评估",
            regime_on(on).cite("risk"),
            code=Code.RISK_UNCONTROLLABLE,
        )


def earliest_opinion_day(
    submitted: date, add_working_days: Callable[[date, int], date], *, minimum: int = 7
) -> date:
    """The first day the 合法性审查 opinion may be given: ``minimum`` working days after the
    package was sent (第二十六条: "一般不少于7个工作日").

    >>> from fazhi.core.domain.calendar import WorkCalendar
    >>> cal = WorkCalendar.from_chinese_calendar()
    >>> # 9-27, 调休 Sunday 9-29, 9-30, then 国庆 off until 10-8: 10-8, 10-9, 10-10, 10-11
    >>> earliest_opinion_day(date(2019, 9, 26), cal.add_working_days)
    datetime.date(2019, 10, 11)
    """
    return add_working_days(submitted, minimum)


def check_review_time(submitted: date, day: date, earliest: date, minimum: int = 7) -> None:
    """Refuse an opinion given before ``earliest``."""
    if day < earliest:
        when = f"{earliest.year}年{earliest.month}月{earliest.day}日"
        raise Refused(
            f"合法性审查时间不少于{minimum}个工作日，{when}前不能出具审查意见",
            regime_on(submitted).cite("legality"),
            code=Code.REVIEW_TOO_SHORT,
        )


class View(StrEnum):
    AGREE = "agree"
    DISAGREE = "disagree"
    RESERVED = "reserved"


@dataclass(frozen=True)
class Speaker:
    name: str
    order: int
    view: View
    remarks: str = ""
    is_head: bool = False


def check_discussion(
    speakers: Iterable[Speaker], decision_agrees: bool, departure_reason: str, on: date
) -> None:
    """第三十条: the 行政首长 speaks last; dissent is minuted; a decision against the majority
    states why.

    >>> s = [Speaker("甲", 1, View.AGREE), Speaker("局长", 2, View.AGREE, is_head=True)]
    >>> check_discussion(s, True, "", date(2019, 10, 20))
    >>> check_discussion(list(reversed([Speaker("甲", 3, View.AGREE), s[1]])), True, "", date(2019, 10, 20))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 行政首长应当在集体讨论的最后发表意见（依据：《重大行政决策程序暂行条例》第三十条）
    """
    people = sorted(speakers, key=lambda s: s.order)
    basis = regime_on(on).cite("discussion")
    heads = [s for s in people if s.is_head]
    if len(heads) != 1:
        raise Refused(
            "集体讨论须有且仅有一名行政首长出席并发表意见", basis, code=Code.HEAD_NOT_LAST
        )
    if people[-1] is not heads[0]:
        raise Refused("行政首长应当在集体讨论的最后发表意见", basis, code=Code.HEAD_NOT_LAST)
    for s in people:
        if s.view != View.AGREE and not s.remarks.strip():
            raise Refused(f"{s.name}的不同意见应当如实记录", basis, code=Code.DISSENT_NOT_MINUTED)
    others = [s for s in people if not s.is_head]
    agree = sum(1 for s in others if s.view == View.AGREE)
    majority_agrees = agree * 2 > len(others)
    if others and majority_agrees != decision_agrees and not departure_reason.strip():
        raise Refused(
            "决定与多数人意见不一致的，应当在会上说明理由", basis, code=Code.MAJORITY_REASON
        )


def archive_due(decided: date) -> date:
    """The 决策档案 is handed over within 30 days of the decision.

    >>> archive_due(date(2019, 10, 20))
    datetime.date(2019, 11, 19)
    """
    return decided + timedelta(days=ARCHIVE_DAYS)


def check_archive(decided: date, day: date, late_reason: str) -> None:
    if day > archive_due(decided) and not late_reason.strip():
        raise Refused(
            "决策档案应当在决定作出后30日内归档，逾期归档须说明原因",
            regime_on(decided).cite("archive"),
            code=Code.ARCHIVE_LATE,
        )
