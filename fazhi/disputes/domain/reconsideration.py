"""行政复议 rules: which law applies, the application period, states, decisions, suspension.

Pure Python. The law applied is the one in force on the date the application was received
(《行政复议法》(2023) 第九十条: in force 2024-01-01; earlier applications follow the 2017 text
and its 实施条例).

* Application period: 60 days from the day the applicant knew, or should have known, of the act
  — 2023 第二十条第一款; 2017 第九条第一款. Counted in calendar days from the next day, a last
  day on a rest day rolls forward (民事诉讼法 第八十五条, by reference).
* An application must name an identifiable act and the respondent — 2023 第三十条第一款
  第（二）（三）项; 2017 实施条例 第二十八条第（二）（三）项.
* Decision deadline 60 days from acceptance, extendable once by up to 30 with approval; 30 days
  under the simplified procedure (2023 only) — 2023 第六十二条; 2017 第三十一条.
* Suspension (中止) stops the decision clock; on resumption the remaining period runs again
  — 2023 第三十九条; 2017 实施条例 第四十一条 (the time of suspension is not counted).

>>> from datetime import date
>>> law_for(date(2019, 5, 6)).code, law_for(date(2024, 1, 1)).code
('2017', '2023')
>>> resumed_due(original_due=date(2019, 7, 1), suspended_on=date(2019, 6, 1),
...             resumed_on=date(2019, 6, 20))
datetime.date(2019, 7, 20)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from fazhi.core.domain.calendar import WorkCalendar
from fazhi.core.domain.identifiers import phone_problem, ric_entry_problem
from fazhi.disputes.domain.errors import DisputeError, Refused

LAW_2023_FROM = date(2024, 1, 1)
APPLICATION_DAYS = 60
MIN_ACT_LENGTH = 4


@dataclass(frozen=True)
class Law:
    code: str
    title: str
    period_article: str
    act_article: str
    decision_article: str
    suspension_article: str
    has_simplified: bool


LAW_2017 = Law(
    "2017",
    "《中华人民共和国行政复议法》（2017年修正）",
    "第九条第一款",
    "《行政复议法实施条例》第二十八条第（二）（三）项",
    "第三十一条第一款",
    "《行政复议法实施条例》第四十一条",
    False,
)
LAW_2023 = Law(
    "2023",
    "《中华人民共和国行政复议法》（2023年修订）",
    "第二十条第一款",
    "第三十条第一款第（二）（三）项",
    "第六十二条",
    "第三十九条",
    True,
)


def law_for(received_on: date) -> Law:
    """The reconsideration law in force on the application date."""
    return LAW_2023 if received_on >= LAW_2023_FROM else LAW_2017


def cite(law: Law, article: str) -> str:
    return article if article.startswith("《") else f"{law.title}{article}"


class Role(StrEnum):
    BODY = "body"  # 复议机关: the bureau decides (applications against district bureaus, 2017 law)
    RESPONDENT = "respondent"  # 被申请人: the 市政府 decides on the bureau's act


JURISDICTION_2023 = "《中华人民共和国行政复议法》（2023年修订）第二十四条第一款第（一）项"
JURISDICTION_2017 = "《中华人民共和国行政复议法》（2017年修正）第十二条第一款"


def check_role(role: Role, received_on: date) -> None:
    """The bureau may be the 复议机关 only for applications under the 2017 law.

    2017 第十二条第一款: an act of a 区人社局 could be taken, at the applicant's choice, to the
    district government or to the 上一级主管部门 (the bureau). 2023 第二十四条第一款第（一）项:
    from 2024-01-01 the 本级人民政府 alone decides on its departments' acts (the district
    government for a 区人社局, the 市人民政府 for the bureau); the bureau is then only ever the
    被申请人, registered with the government as the 复议机关 (domain/jurisdiction.py).

    >>> check_role(Role.BODY, date(2023, 12, 29))
    >>> check_role(Role.RESPONDENT, date(2025, 3, 3))
    >>> check_role(Role.BODY, date(2025, 3, 3))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 自2024年1月1日起，对区人社局等政府工作部门的行政行为不服的，由其本级人民政府（区人民政府）管辖，对市人社局行政行为不服的由市人民政府管辖，本局不是复议机关，不能作为复议机关登记。请告知申请人向有管辖权的人民政府申请；本局作为被申请人收到申请书副本的，按“被申请人”登记（依据：《中华人民共和国行政复议法》（2023年修订）第二十四条第一款第（一）项）
    """
    if role == Role.BODY and law_for(received_on) is LAW_2023:
        raise Refused(
            "自2024年1月1日起，对区人社局等政府工作部门的行政行为不服的，由其本级人民政府"
            "（区人民政府）管辖，对市人社局行政行为不服的由市人民政府管辖，本局不是复议机关，"
            "不能作为复议机关登记。请告知申请人向有管辖权的人民政府申请；本局作为被申请人"
            "收到申请书副本的，按“被申请人”登记",
            JURISDICTION_2023,
            code=DisputeError.NOT_THE_BODY,
        )


class Status(StrEnum):
    RECEIVED = "received"  # 收到申请，待受理审查
    CORRECTION = "correction"  # 已通知补正
    REJECTED = "rejected"  # 不予受理
    ACCEPTED = "accepted"  # 已受理，审理中
    SUSPENDED = "suspended"  # 中止
    TERMINATED = "terminated"  # 终止
    DECIDED = "decided"  # 已作出决定
    SERVED = "served"  # 已送达（结案）


STATUS_LABELS: Mapping[Status, str] = {
    Status.RECEIVED: "待受理审查",
    Status.CORRECTION: "待补正",
    Status.REJECTED: "不予受理",
    Status.ACCEPTED: "审理中",
    Status.SUSPENDED: "中止审理",
    Status.TERMINATED: "终止",
    Status.DECIDED: "已决定待送达",
    Status.SERVED: "已送达",
}

TRANSITIONS: Mapping[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.CORRECTION, Status.REJECTED, Status.ACCEPTED}),
    Status.CORRECTION: frozenset({Status.RECEIVED, Status.REJECTED}),
    Status.ACCEPTED: frozenset({Status.SUSPENDED, Status.TERMINATED, Status.DECIDED}),
    Status.SUSPENDED: frozenset({Status.ACCEPTED, Status.TERMINATED}),
    Status.DECIDED: frozenset({Status.SERVED}),
}


def check_transition(current: Status, target: Status) -> None:
    if target not in TRANSITIONS.get(current, frozenset()):
        raise Refused(f"案件处于“{STATUS_LABELS[current]}”，不能转为“{STATUS_LABELS[target]}”。")


class DecisionType(StrEnum):
    UPHOLD = "uphold"  # 维持 (2023 第六十八条)
    REVOKE = "revoke"  # 撤销 (第六十四条)
    VARY = "vary"  # 变更 (第六十三条)
    CONFIRM_ILLEGAL = "confirm_illegal"  # 确认违法 (第六十五条)
    ORDER_PERFORMANCE = "order_performance"  # 责令履行 (第六十六条)
    DISMISS = "dismiss"  # 驳回 (第六十九条)
    CONFIRM_VOID = "confirm_void"  # 确认无效 (第六十七条)


DECISION_LABELS: Mapping[DecisionType, str] = {
    DecisionType.UPHOLD: "维持",
    DecisionType.REVOKE: "撤销",
    DecisionType.VARY: "变更",
    DecisionType.CONFIRM_ILLEGAL: "确认违法",
    DecisionType.ORDER_PERFORMANCE: "责令履行",
    DecisionType.DISMISS: "驳回复议请求",
    DecisionType.CONFIRM_VOID: "确认无效",
}
# Decisions that correct the original act (纠错): everything but 维持 and 驳回.
CORRECTING: frozenset[DecisionType] = frozenset(DecisionType) - {
    DecisionType.UPHOLD,
    DecisionType.DISMISS,
}


class ErrorCause(StrEnum):
    """Why an act was corrected or a suit lost (feedback to enforcement)."""

    FACTS_UNCLEAR = "facts_unclear"
    PROCEDURE = "procedure"
    LAW_MISAPPLIED = "law_misapplied"
    ULTRA_VIRES = "ultra_vires"
    IMPROPER = "improper"
    NO_EVIDENCE = "no_evidence"
    NON_PERFORMANCE = "non_performance"
    OTHER = "other"


ERROR_CAUSE_LABELS: Mapping[ErrorCause, str] = {
    ErrorCause.FACTS_UNCLEAR: "事实不清、证据不足",
    ErrorCause.PROCEDURE: "违反法定程序",
    ErrorCause.LAW_MISAPPLIED: "适用依据错误",
    ErrorCause.ULTRA_VIRES: "超越职权或滥用职权",
    ErrorCause.IMPROPER: "明显不当",
    ErrorCause.NO_EVIDENCE: "未按期答复或举证（视为没有证据）",
    ErrorCause.NON_PERFORMANCE: "不履行法定职责",
    ErrorCause.OTHER: "其他",
}


def application_period_end(known_on: date, calendar: WorkCalendar) -> date:
    """Last day to apply: 60 days after ``known_on`` (2023 第二十条; 2017 第九条).

    >>> cal = WorkCalendar.from_chinese_calendar()
    >>> application_period_end(date(2019, 3, 1), cal)  # day 60 is Tuesday 2019-04-30
    datetime.date(2019, 4, 30)
    >>> application_period_end(date(2024, 8, 2), cal)  # day 60 is Sunday 10-01: holiday to 10-08
    datetime.date(2024, 10, 8)
    """
    return calendar.calendar_days_end(known_on, APPLICATION_DAYS)


def check_application(
    *, received_on: date, known_on: date, act: str, respondent: str, calendar: WorkCalendar
) -> Law:
    """Refuse an application with no identifiable act or out of time; return the law applied."""
    law = law_for(received_on)
    if len(act.strip()) < MIN_ACT_LENGTH or not respondent.strip():
        raise Refused(
            "申请未写明被申请人或具体的行政行为（如决定书名称、文号或作出日期），无法受理",
            cite(law, law.act_article),
        )
    if known_on > received_on:
        raise Refused("知道行政行为的日期不能晚于申请日期")
    if (received_on - known_on).days <= APPLICATION_DAYS:
        return law  # within day 60 itself: no need to ask the calendar about a roll-forward
    end = application_period_end(known_on, calendar)
    if received_on > end:
        raise Refused(
            f"申请期限已于{end.year}年{end.month}月{end.day}日届满"
            f"（自知道该行政行为之日起{APPLICATION_DAYS}日）",
            cite(law, law.period_article),
        )
    return law


def check_applicant_contacts(*, id_number: str, phone: str, today: date) -> None:
    """An applicant's 身份证号码 and phone, when given, must be real ones (checked at entry:
    a wrong check digit, a future birth date or a 15-digit first-generation number is refused).

    >>> check_applicant_contacts(id_number="120101199001011234", phone="", today=date(2025, 6, 2))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 申请人身份证号码校验码错误，请核对（依据：《公民身份号码》GB 11643-1999）
    """
    if id_number.strip() and (problem := ric_entry_problem(id_number, today=today)):
        raise Refused(
            f"申请人{problem}，请核对",
            "《公民身份号码》GB 11643-1999",
            code=DisputeError.INVALID_IDENTIFIER,
        )
    if phone.strip() and (problem := phone_problem(phone)):
        raise Refused(f"申请人{problem}", code=DisputeError.INVALID_IDENTIFIER)


def decision_rule(*, simplified: bool, received_on: date) -> str:
    """Time-limit rule code of the decision deadline."""
    if simplified:
        if not law_for(received_on).has_simplified:
            raise Refused("2017年行政复议法没有简易程序", LAW_2017.title)
        return "reconsideration.simplified_decision"
    return "reconsideration.decision"


def reply_rule(*, simplified: bool) -> str:
    return "reconsideration.simplified_reply" if simplified else "reconsideration.reply"


def resumed_due(*, original_due: date, suspended_on: date, resumed_on: date) -> date:
    """New decision due date after a suspension: the days left on ``suspended_on`` run again
    from ``resumed_on`` (2023 第三十九条; 2017 实施条例 第四十一条)."""
    if resumed_on < suspended_on:
        raise Refused("恢复审理日期不能早于中止日期")
    left = max((original_due - suspended_on).days, 0)
    return resumed_on + timedelta(days=left)
