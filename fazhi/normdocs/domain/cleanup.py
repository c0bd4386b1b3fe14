"""清理 (cleanup) of the documents in force, and the batch announcement of its result.

Pure Python. Every document in force is assessed — 继续有效 / 修改 / 废止 / 宣布失效 — and the
result is published at once as one list: 国办发〔2018〕37号 "动态清理" (UNVERIFIED as 37号 text);
《天津市行政规范性文件管理规定》(市政府令第15号) 第三条 lists 清理 among the stages; the seed report
(2019) 二(三): "开展规范性文件清理，宣布失效、废止78件行政规范性文件".

>>> missing_assessments({1, 2, 3}, {1: Outcome.KEEP, 3: Outcome.REPEAL})
[2]
>>> ending_action(Outcome.INVALIDATE)
<Action.INVALIDATE: 'invalidate'>
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import Action
from fazhi.normdocs.domain.validity import out_of_force_from


class Outcome(StrEnum):
    KEEP = "keep"
    AMEND = "amend"
    REPEAL = "repeal"
    INVALIDATE = "invalidate"


OUTCOME_LABELS: Mapping[Outcome, str] = {
    Outcome.KEEP: "继续有效",
    Outcome.AMEND: "修改",
    Outcome.REPEAL: "废止",
    Outcome.INVALIDATE: "宣布失效",
}
ENDING_OUTCOMES: frozenset[Outcome] = frozenset({Outcome.REPEAL, Outcome.INVALIDATE})


def ending_action(outcome: Outcome) -> Action | None:
    """The state change an outcome makes when the result is published (None: stays in force)."""
    return {Outcome.REPEAL: Action.REPEAL, Outcome.INVALIDATE: Action.INVALIDATE}.get(
        Outcome(outcome)
    )


def check_assessment(outcome: Outcome, reason: str) -> None:
    if Outcome(outcome) != Outcome.KEEP and not reason.strip():
        raise Refused(
            "reason_required",
            f"清理意见为“{OUTCOME_LABELS[Outcome(outcome)]}”的，须写明理由。",
        )


def term_ended_problem(title: str, valid_until: date | None, on: date) -> str | None:
    """A document whose 有效期 ended before ``on`` is 失效 (as the portal shows it): a cleanup
    cannot assess it 继续有效; one still needed is made again, numbered and published anew
    (validity.py: the local rules behind the term, "届满前6个月评估 … 需继续的重新登记编号公布").

    >>> term_ended_problem("关于失业保险援企稳岗的暂行办法", date(2021, 2, 28), date(2022, 3, 1))
    '《关于失业保险援企稳岗的暂行办法》有效期已于2021年2月28日届满，自2021年3月1日起失效，不能评估为“继续有效”；需要继续施行的，应当按程序重新制定、登记编号并公布'
    >>> term_ended_problem("x", date(2022, 3, 1), date(2022, 3, 1)) is None
    True
    """
    if valid_until is None or on <= valid_until:
        return None
    ended = out_of_force_from(valid_until)
    return (
        f"《{title}》有效期已于{valid_until.year}年{valid_until.month}月{valid_until.day}日届满，"
        f"自{ended.year}年{ended.month}月{ended.day}日起失效，不能评估为“继续有效”；"
        "需要继续施行的，应当按程序重新制定、登记编号并公布"
    )


def missing_assessments(in_force: Iterable[int], assessed: Mapping[int, Outcome]) -> list[int]:
    return sorted(set(in_force) - set(assessed))


def check_complete(in_force: Iterable[int], assessed: Mapping[int, Outcome]) -> None:
    missing = missing_assessments(in_force, assessed)
    if missing:
        raise Refused(
            "cleanup_incomplete",
            f"尚有{len(missing)}件现行有效文件未作清理评估，清理结果须对全部现行有效文件一并公布。",
        )


def outcome_counts(outcomes: Iterable[Outcome]) -> dict[str, int]:
    counts = Counter(Outcome(o) for o in outcomes)
    return {OUTCOME_LABELS[o]: counts[o] for o in Outcome}


def announcement_lead(title: str, counts: Mapping[str, int]) -> str:
    """The opening paragraph of the batch announcement, from the counts.

    >>> announcement_lead("2019年规范性文件清理", {"继续有效": 2, "修改": 1, "废止": 3, "宣布失效": 4})
    '经2019年规范性文件清理，继续有效2件，修改1件，废止3件，宣布失效4件。废止和宣布失效的文件自公布之日起停止执行。'
    """
    parts = "，".join(f"{label}{number}件" for label, number in counts.items())
    return f"经{title}，{parts}。废止和宣布失效的文件自公布之日起停止执行。"
