"""The life of an enforcement case (行政执法案件) as a state machine. Pure Python.

Steps and their law:

* 投诉/举报 are examined for acceptance within 5 working days (关于实施《劳动保障监察条例》若干规定
  第十八条); other sources (双随机抽查, 日常巡查, 移送) go straight to 立案 (劳动保障监察条例 第十四条,
  行政处罚法 第五十四条).
* 立案 needs the 负责人's approval; investigation acts name at least two certified officers
  (行政处罚法 第四十二条, 劳动保障监察条例 第十六条).
* 告知 of the proposed decision with 陈述、申辩 and, where a trigger applies, 听证 rights
  (行政处罚法 第四十四、四十五、六十三、六十四条).
* 法制审核 before the decision where the catalogue says so (第五十八条; 国办发〔2018〕118号 (十二));
  a review with problems (存在问题) sends the case back and it is submitted again.
* the officer's proposal (处理意见), then the decision as the 负责人's act: 调查终结，行政机关负责人
  应当对调查结果进行审查 … 作出决定 (2021 第五十七条; 2017 第三十八条); 情节复杂或者重大违法 cases
  after 集体讨论 (第二款). The 负责人 may send the case back instead.
* decision (第五十七、五十九条), service (第六十一条), execution (第六十七、七十二条; 行政强制法
  第五十三、五十四条), closing and archiving (第四十七条; 118号 (九)).

>>> check_transition(Status.RECEIVED, Action.ACCEPT)
<Status.ACCEPTED: 'accepted'>
>>> check_transition(Status.FILED, Action.PROPOSE, date(2019, 5, 6))
Traceback (most recent call last):
...
fazhi.enforcement.domain.case_flow.IllegalTransition: 案件当前状态为“已立案（调查取证）”，不能“提出处理意见报负责人审查”（依据：《中华人民共和国行政处罚法》（2017年修正）第三十一条、第三十八条）
>>> check_transition(Status.REVIEWED, Action.DECIDE, date(2022, 3, 1))
Traceback (most recent call last):
...
fazhi.enforcement.domain.case_flow.IllegalTransition: 案件当前状态为“法制审核通过”，不能“负责人作出决定”（依据：《中华人民共和国行政处罚法》（2021年修订）第五十七条）
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fazhi.core.domain import citations
from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain.errors import ErrorCode

PENALTY_LAW = "《中华人民共和国行政处罚法》"
INSPECTION_RULES = "《劳动保障监察条例》"
INSPECTION_REGULATION = "《关于实施〈劳动保障监察条例〉若干规定》"
COERCION_LAW = "《中华人民共和国行政强制法》"
DOC_118 = "国办发〔2018〕118号"


class IllegalTransition(Refused):
    """The step is not open from the case's current state."""

    default_code = ErrorCode.ILLEGAL_TRANSITION


class Source(StrEnum):
    COMPLAINT = "complaint"  # 投诉
    REPORT = "report"  # 举报
    RANDOM = "random"  # 双随机抽查
    PATROL = "patrol"  # 日常巡查
    REFERRAL = "referral"  # 移送


SOURCE_LABELS = {
    Source.COMPLAINT: "投诉",
    Source.REPORT: "举报",
    Source.RANDOM: "双随机抽查",
    Source.PATROL: "日常巡查",
    Source.REFERRAL: "移送",
}
NEEDS_ACCEPTANCE = frozenset({Source.COMPLAINT, Source.REPORT})


class Procedure(StrEnum):
    LABOR_INSPECTION = "labor_inspection"  # 劳动保障监察: 60 + 30 working days (条例 第十七条)
    GENERAL = "general"  # other penalty cases: 90 days (行政处罚法 第六十条, 2021 text only)


PROCEDURE_LABELS = {Procedure.LABOR_INSPECTION: "劳动保障监察", Procedure.GENERAL: "一般程序"}


class Status(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    FILED = "filed"
    NOTIFIED = "notified"
    HEARING = "hearing"
    HEARD = "heard"
    REVIEW = "review"
    RETURNED = "returned"
    REVIEWED = "reviewed"
    PROPOSED = "proposed"
    DECIDED = "decided"
    SERVED = "served"
    PAID = "paid"
    COURT = "court"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    ARCHIVED = "archived"


STATUS_LABELS = {
    Status.RECEIVED: "待受理",
    Status.ACCEPTED: "已受理（待立案）",
    Status.REJECTED: "不予受理",
    Status.FILED: "已立案（调查取证）",
    Status.NOTIFIED: "已告知",
    Status.HEARING: "听证程序中",
    Status.HEARD: "听证已结束",
    Status.REVIEW: "法制审核中",
    Status.RETURNED: "审核退回（整改后重新提交）",
    Status.REVIEWED: "法制审核通过",
    Status.PROPOSED: "待负责人决定",
    Status.DECIDED: "已作出决定",
    Status.SERVED: "已送达（执行中）",
    Status.PAID: "已缴纳罚款",
    Status.COURT: "已申请法院强制执行",
    Status.CLOSED: "已结案",
    Status.WITHDRAWN: "已撤销立案",
    Status.ARCHIVED: "已归档",
}
OPEN_STATUSES = frozenset(Status) - {
    Status.REJECTED,
    Status.CLOSED,
    Status.WITHDRAWN,
    Status.ARCHIVED,
}
# States in which investigation acts (笔录, 调取证据, 责令改正, 强制措施) may be recorded.
INVESTIGATING = frozenset({Status.FILED, Status.NOTIFIED, Status.HEARD, Status.RETURNED})


class Action(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    FILE = "file"
    NOTIFY = "notify"
    REQUEST_HEARING = "request_hearing"
    CLOSE_HEARING = "close_hearing"
    SUBMIT_REVIEW = "submit_review"
    REVIEW_AGREE = "review_agree"
    REVIEW_PROBLEMS = "review_problems"
    PROPOSE = "propose"
    SEND_BACK = "send_back"
    DECIDE = "decide"
    SERVE = "serve"
    PAY = "pay"
    APPLY_COURT = "apply_court"
    CLOSE = "close"
    WITHDRAW = "withdraw"
    ARCHIVE = "archive"


Ref = str | tuple[str, str]  # a (law, concept) pair of `citations`, or fixed text


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status
    label: str
    refs: tuple[Ref, ...] = ()  # (law, concept) pairs of `citations`, or fixed text (118号)

    def basis(self, on: date | None = None) -> str:
        """The articles of the law in force on ``on`` (today without a date)."""
        return basis_text(self.refs, on)


def basis_text(refs: Iterable[Ref], on: date | None = None) -> str:
    """Cite ``refs`` under the laws in force on ``on``, articles of one law joined.

    >>> basis_text([(citations.PENALTY, "notify"), (citations.PENALTY, "legal_review")],
    ...            date(2019, 5, 6))
    '《中华人民共和国行政处罚法》（2017年修正）第三十一条、第三十八条第三款'
    >>> basis_text([(citations.PENALTY, "legal_review"), DOC_118], date(2017, 6, 1))
    '国办发〔2018〕118号'
    """
    day = on or citations.CURRENT
    parts: list[list[str]] = []
    last_title = None
    for ref in refs:
        if isinstance(ref, str):
            parts.append([ref])
            last_title = None
            continue
        law, concept = ref
        if not citations.has_article(law, concept, day):
            continue
        title = citations.version_on(law, day).title
        number = citations.article(law, concept, day)
        if title == last_title:
            parts[-1].append(number)
        else:
            parts.append([title + number])
            last_title = title
    return "；".join("、".join(p) for p in parts)


def _t(sources: Iterable[Status], target: Status, label: str, *refs: Ref) -> Transition:
    return Transition(frozenset(sources), target, label, tuple(refs))


P, LSI = citations.PENALTY, citations.INSPECTION
S = Status
TRANSITIONS: dict[Action, Transition] = {
    Action.ACCEPT: _t({S.RECEIVED}, S.ACCEPTED, "受理", f"{INSPECTION_REGULATION}第十八条"),
    Action.REJECT: _t({S.RECEIVED}, S.REJECTED, "不予受理", f"{INSPECTION_REGULATION}第十八条"),
    Action.FILE: _t(
        {S.RECEIVED, S.ACCEPTED},
        S.FILED,
        "立案",
        (P, "filing"),
        f"{INSPECTION_RULES}第十四条",
    ),
    Action.NOTIFY: _t({S.FILED, S.RETURNED}, S.NOTIFIED, "告知拟作出的处罚决定", (P, "notify")),
    Action.REQUEST_HEARING: _t({S.NOTIFIED}, S.HEARING, "受理听证申请", (P, "hearing")),
    Action.CLOSE_HEARING: _t({S.HEARING}, S.HEARD, "听证结束", (P, "hearing")),
    Action.SUBMIT_REVIEW: _t(
        {S.NOTIFIED, S.HEARD, S.RETURNED}, S.REVIEW, "提交法制审核", (P, "legal_review"), DOC_118
    ),
    Action.REVIEW_AGREE: _t({S.REVIEW}, S.REVIEWED, "法制审核同意", f"{DOC_118}（十三）"),
    Action.REVIEW_PROBLEMS: _t({S.REVIEW}, S.RETURNED, "法制审核存在问题", f"{DOC_118}（十三）"),
    Action.PROPOSE: _t(
        {S.NOTIFIED, S.HEARD, S.REVIEWED},
        S.PROPOSED,
        "提出处理意见报负责人审查",
        (P, "notify"),
        (P, "decide"),
    ),
    Action.DECIDE: _t({S.PROPOSED}, S.DECIDED, "负责人作出决定", (P, "decide")),
    Action.SEND_BACK: _t(
        {S.PROPOSED}, S.RETURNED, "负责人退回（补充调查或重新审核）", (P, "decide")
    ),
    Action.SERVE: _t({S.DECIDED}, S.SERVED, "送达决定书", (P, "service")),
    Action.PAY: _t({S.SERVED, S.COURT}, S.PAID, "缴纳罚款", (P, "payment")),
    Action.APPLY_COURT: _t(
        {S.SERVED},
        S.COURT,
        "申请法院强制执行",
        (citations.COERCION, "court_application"),
        (citations.COERCION, "court_reminder"),
    ),
    Action.CLOSE: _t({S.SERVED, S.PAID, S.COURT}, S.CLOSED, "结案", (P, "full_record"), DOC_118),
    Action.WITHDRAW: _t(
        {S.FILED, S.NOTIFIED, S.RETURNED},
        S.WITHDRAWN,
        "撤销立案",
        (LSI, "inspection_outcome"),
    ),
    Action.ARCHIVE: _t({S.CLOSED, S.REJECTED, S.WITHDRAWN}, S.ARCHIVED, "归档", f"{DOC_118}（九）"),
}
ACTION_LABELS = {action: t.label for action, t in TRANSITIONS.items()}


def allowed_actions(status: Status | str) -> list[Action]:
    """The transitions open from ``status``, in table order."""
    return [a for a, t in TRANSITIONS.items() if Status(status) in t.sources]


def check_transition(status: Status | str, action: Action | str, on: date | None = None) -> Status:
    """The state after ``action``, or `Refused` naming the state, the step and its basis (the
    law in force on ``on``, the day of the step)."""
    action = Action(action)
    status = Status(status)
    transition = TRANSITIONS[action]
    if status not in transition.sources:
        raise IllegalTransition(
            f"案件当前状态为“{STATUS_LABELS[status]}”，不能“{transition.label}”",
            transition.basis(on),
        )
    return transition.target


def check_source_needs_acceptance(source: Source | str, action: Action) -> None:
    """投诉、举报 go through acceptance first; other sources are filed directly.

    >>> check_source_needs_acceptance(Source.PATROL, Action.ACCEPT)
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 只有投诉、举报需要受理审查，日常巡查案件直接立案（依据：《关于实施〈劳动保障监察条例〉若干规定》第十八条）
    """
    source = Source(source)
    basis = f"{INSPECTION_REGULATION}第十八条"
    if action in (Action.ACCEPT, Action.REJECT) and source not in NEEDS_ACCEPTANCE:
        raise Refused(f"只有投诉、举报需要受理审查，{SOURCE_LABELS[source]}案件直接立案", basis)


def check_filing_from(status: Status | str, source: Source | str) -> None:
    """A complaint or report must be accepted before it is filed (立案)."""
    if Status(status) == Status.RECEIVED and Source(source) in NEEDS_ACCEPTANCE:
        raise Refused(
            "投诉、举报须先经受理审查，受理后方可立案", f"{INSPECTION_REGULATION}第十八条"
        )


def check_rejection_reason(reason: str) -> None:
    if not reason.strip():
        raise Refused("不予受理须书面说明理由", f"{INSPECTION_REGULATION}第十八条")


def check_not_before(day: date, earlier: date | None, what: str) -> None:
    """A step cannot be dated before the step it follows (全过程记录: the record is in order)."""
    if earlier is not None and day < earlier:
        basis = basis_text([(citations.PENALTY, "full_record"), DOC_118 + "（三）"], day)
        raise Refused(f"日期不能早于{what}（{earlier.isoformat()}）", basis)
