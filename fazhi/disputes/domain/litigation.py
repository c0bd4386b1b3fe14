"""行政应诉 rules: the steps of a suit, judgment types, appeal periods, head appearance. Pure.

* The answer and all evidence are due within 15 days of receiving the complaint copy; late
  evidence counts as none — 《行政诉讼法》第六十七条第一款、第三十四条.
* Appeal: 15 days from service of a judgment, 10 days of a ruling (裁定) — 第八十五条.
* The head of the agency should appear in court; if unable, entrust the staff concerned
  — 第三条第三款; 《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》(2020) 第一、八条.

>>> from datetime import date
>>> answer_is_late(received_on=date(2019, 3, 1), answered_on=date(2019, 3, 18), due=date(2019, 3, 18))
False
>>> appeal_rule(JudgmentKind.RULING)
'litigation.appeal_ruling'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from fazhi.disputes.domain.errors import DisputeError, Refused

ANSWER_BASIS = "《中华人民共和国行政诉讼法》第六十七条第一款、第三十四条"
APPEARANCE_BASIS = (
    "《中华人民共和国行政诉讼法》第三条第三款；"
    "《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第八条"
)


class Instance(StrEnum):
    FIRST = "first"
    SECOND = "second"
    RETRIAL = "retrial"


INSTANCE_LABELS = {Instance.FIRST: "一审", Instance.SECOND: "二审", Instance.RETRIAL: "再审"}


class Step(StrEnum):
    """诉讼文书接收 → 应诉事务审批 → 答辩举证 → 负责人出庭 → 代理人选定 → 判决履行."""

    RECEIVED = "received"
    APPROVED = "approved"
    ANSWERED = "answered"
    HEARD = "heard"
    JUDGED = "judged"
    PERFORMED = "performed"


STEP_LABELS: Mapping[Step, str] = {
    Step.RECEIVED: "诉讼文书已接收",
    Step.APPROVED: "应诉事务已审批",
    Step.ANSWERED: "已答辩举证",
    Step.HEARD: "已开庭",
    Step.JUDGED: "已裁判",
    Step.PERFORMED: "已履行（结案）",
}
ORDER = tuple(Step)


def check_step(current: Step, target: Step) -> None:
    if ORDER.index(target) != ORDER.index(current) + 1:
        raise Refused(f"案件处于“{STEP_LABELS[current]}”，不能直接办理“{STEP_LABELS[target]}”。")


class JudgmentKind(StrEnum):
    JUDGMENT = "judgment"  # 判决
    RULING = "ruling"  # 裁定


class Outcome(StrEnum):
    """Judgment or ruling types (行政诉讼法 第六十九至七十八条; rulings: 驳回起诉、准予撤诉)."""

    DISMISS_CLAIM = "dismiss_claim"  # 判决驳回诉讼请求 (69)
    REVOKE = "revoke"  # 撤销或部分撤销、重作 (70)
    ORDER_PERFORMANCE = "order_performance"  # 履行 (72)
    ORDER_PAYMENT = "order_payment"  # 给付 (73)
    CONFIRM_ILLEGAL = "confirm_illegal"  # 确认违法 (74)
    CONFIRM_VOID = "confirm_void"  # 确认无效 (75)
    VARY = "vary"  # 变更 (77)
    DISMISS_SUIT = "dismiss_suit"  # 裁定驳回起诉
    WITHDRAWN = "withdrawn"  # 裁定准予撤诉


OUTCOME_LABELS: Mapping[Outcome, str] = {
    Outcome.DISMISS_CLAIM: "判决驳回诉讼请求",
    Outcome.REVOKE: "判决撤销（重作）",
    Outcome.ORDER_PERFORMANCE: "判决履行法定职责",
    Outcome.ORDER_PAYMENT: "判决给付",
    Outcome.CONFIRM_ILLEGAL: "判决确认违法",
    Outcome.CONFIRM_VOID: "判决确认无效",
    Outcome.VARY: "判决变更",
    Outcome.DISMISS_SUIT: "裁定驳回起诉",
    Outcome.WITHDRAWN: "裁定准予撤诉",
}
RULINGS = frozenset({Outcome.DISMISS_SUIT, Outcome.WITHDRAWN})
# The bureau lost (败诉) when the court decided against its act.
LOSSES: frozenset[Outcome] = frozenset(Outcome) - RULINGS - {Outcome.DISMISS_CLAIM}


def kind_of(outcome: Outcome) -> JudgmentKind:
    return JudgmentKind.RULING if outcome in RULINGS else JudgmentKind.JUDGMENT


def appeal_rule(kind: JudgmentKind) -> str:
    """第八十五条: 15 days for a judgment, 10 for a ruling."""
    if kind is JudgmentKind.RULING:
        return "litigation.appeal_ruling"
    return "litigation.appeal_judgment"


def answer_is_late(*, received_on: date, answered_on: date, due: date) -> bool:
    if answered_on < received_on:
        raise Refused("答辩日期不能早于收到起诉状副本的日期")
    return answered_on > due


class AbsenceReason(StrEnum):
    """Valid reasons for the head's absence (2020 规定 第八条)."""

    FORCE_MAJEURE = "force_majeure"
    ACCIDENT = "accident"
    OFFICIAL_DUTY = "official_duty"
    OTHER = "other"


ABSENCE_LABELS: Mapping[AbsenceReason, str] = {
    AbsenceReason.FORCE_MAJEURE: "不可抗力",
    AbsenceReason.ACCIDENT: "意外事件",
    AbsenceReason.OFFICIAL_DUTY: "需要履行他人不能代替的公务",
    AbsenceReason.OTHER: "其他正当事由",
}


STAND_IN_BASIS = (
    "《中华人民共和国行政诉讼法》第三条第三款；"
    "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百二十八条；"
    "《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第十条"
)
_LAWYER_MARKERS = ("律师", "律所")


def check_appearance(
    *,
    head_appeared: bool,
    head_name: str,
    stand_in: str,
    reason: str,
    stand_in_is_staff: bool = True,
) -> None:
    """The head appears, or a reason and the staff member who stands in are recorded.

    行政诉讼法 第三条第三款: a head who cannot appear entrusts 相应的工作人员 — the agency's own
    staff (解释 第一百二十八条; 2020 规定 第十条), never a lawyer alone. ``stand_in_is_staff``
    says whether the stand-in is on the agency's staff (the service looks it up).

    >>> check_appearance(head_appeared=False, head_name="", stand_in="某律师事务所王律师",
    ...                  reason="official_duty")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 负责人不能出庭的，应当委托本机关相应的工作人员出庭，不得仅委托律师出庭；“某律师事务所王律师”不是本机关工作人员（依据：《中华人民共和国行政诉讼法》第三条第三款；《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百二十八条；《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第十条）
    """
    if head_appeared and not head_name.strip():
        raise Refused("请填写出庭的负责人姓名", APPEARANCE_BASIS)
    if not head_appeared and (not stand_in.strip() or reason not in set(AbsenceReason)):
        raise Refused(
            "负责人未出庭的，须写明理由和出庭的相应工作人员（不得仅委托律师）", APPEARANCE_BASIS
        )
    if not head_appeared and (not stand_in_is_staff or any(m in stand_in for m in _LAWYER_MARKERS)):
        raise Refused(
            "负责人不能出庭的，应当委托本机关相应的工作人员出庭，不得仅委托律师出庭；"
            f"“{stand_in.strip()}”不是本机关工作人员",
            STAND_IN_BASIS,
            code=DisputeError.LAWYER_ALONE,
        )
