"""督办: a 监督文书 to a unit with a deadline, its written reply, 复查, closure, escalation. Pure.

No Tianjin rule text was seen (domain-rules-2 §22); the steps follow the Chongqing example
(重庆市行政执法监督条例): the supervisor issues a 监督文书 with a deadline and the unit reports
in writing (第十四条); failing to obey → 限期纠正, then 通报批评 (第十七条); a 复查 may be
requested within 10 working days and is decided within 15 working days (第二十一条).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from fazhi.core.domain.calendar import WorkCalendar
from fazhi.core.domain.errors import Refused

BASIS = "《重庆市行政执法监督条例》第十四条"
BASIS_RECHECK = "《重庆市行政执法监督条例》第二十一条"
BASIS_ESCALATE = "《重庆市行政执法监督条例》第十七条"
RECHECK_REQUEST_WORKING_DAYS = 10
RECHECK_DECIDE_WORKING_DAYS = 15


class Status(StrEnum):
    ISSUED = "issued"
    REPLIED = "replied"
    RECHECK = "recheck"
    CLOSED = "closed"


STATUS_LABELS = {
    Status.ISSUED: "待回复",
    Status.REPLIED: "已回复",
    Status.RECHECK: "复查中",
    Status.CLOSED: "已办结",
}


def check_deadline(*, issued_on: date, deadline: date) -> None:
    if deadline <= issued_on:
        raise Refused("督办期限须晚于发文日期", BASIS, code="oversight_deadline")


def check_reply(status: str, text: str) -> None:
    """A reply is taken while the matter is open.

    >>> check_reply("closed", "已整改")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 督办事项已办结，不再接收回复（依据：...）
    """
    if status == Status.CLOSED:
        raise Refused("督办事项已办结，不再接收回复", BASIS, code="oversight_closed")
    if status == Status.RECHECK:
        raise Refused(
            "督办事项正在复查，复查决定作出前不接收回复", BASIS_RECHECK, code="oversight_recheck"
        )
    if not text.strip():
        raise Refused("请填写书面回复内容", BASIS, code="oversight_reply_empty")


def recheck_request_last_day(issued_on: date, cal: WorkCalendar) -> date:
    """The last day a unit may ask for 复查: 10 working days after the 监督文书.

    >>> cal = WorkCalendar(known_years={2019}, off_days={date(2019, 10, d) for d in range(1, 8)},
    ...                    make_up_days={date(2019, 9, 29), date(2019, 10, 12)})
    >>> recheck_request_last_day(date(2019, 9, 27), cal)  # 调休 Sunday counts; the holiday not
    datetime.date(2019, 10, 16)
    """
    return cal.add_working_days(issued_on, RECHECK_REQUEST_WORKING_DAYS)


def check_recheck_request(*, status: str, issued_on: date, today: date, cal: WorkCalendar) -> date:
    """Refuse a late or repeated request; returns the day the 复查 must be decided by."""
    if status in (Status.CLOSED, Status.RECHECK):
        raise Refused("督办事项已办结或正在复查", BASIS_RECHECK, code="oversight_closed")
    last = recheck_request_last_day(issued_on, cal)
    if today > last:
        raise Refused(
            f"复查申请须在收到监督文书后10个工作日内（{last:%Y-%m-%d}前）提出",
            BASIS_RECHECK,
            code="oversight_recheck_late",
        )
    return cal.add_working_days(today, RECHECK_DECIDE_WORKING_DAYS)


def is_overdue(*, status: str, deadline: date, today: date) -> bool:
    """Escalate when the deadline passed with no reply (第十七条).

    >>> is_overdue(status="issued", deadline=date(2019, 5, 10), today=date(2019, 5, 11))
    True
    >>> is_overdue(status="replied", deadline=date(2019, 5, 10), today=date(2019, 5, 11))
    False
    """
    return status == Status.ISSUED and today > deadline
