"""After the decision: when service by public notice completes, and when the bureau may apply to
the court for enforcement. Pure Python.

公告送达 — 行政处罚法 (2021 第六十一条; 2017 第四十条) serves the decision under the 民事诉讼法:
"自发出公告之日起，经过六十日，即视为送达" (2017 text 第九十二条) — thirty days from 2022-01-01
(2021 text 第九十五条; 2023 text the same). The notice period is counted like any period of the
民事诉讼法: the day of the notice is not counted. Service, and so the 15-day payment period, is on
the day the period has run, never on the day of the notice.

申请人民法院强制执行 — 行政强制法 第五十三条: only when the party "在法定期限内不申请行政复议
或者提起行政诉讼，又不履行", and within three months "自期限届满之日起"; 第五十四条: after a 催告,
no earlier than ten days after the 催告书 is served. The periods run from service of the decision:
复议 60 days (行政复议法 1999/2017 第九条; 2023 第二十条); suit 6 months (行政诉讼法 2014/2017
第四十六条), 3 months under the 1989 text (第三十九条) for decisions served before 2015-05-01.

>>> deemed_served(date(2021, 12, 1))
datetime.date(2022, 1, 30)
>>> deemed_served(date(2022, 1, 1))
datetime.date(2022, 1, 31)
>>> w = court_window(served_on=date(2019, 3, 4))
>>> w.remedies_end, w.first_day, w.last_day
(datetime.date(2019, 9, 4), datetime.date(2019, 9, 5), datetime.date(2019, 12, 4))
>>> court_window(served_on=date(2015, 3, 2)).remedies_end  # 1989 行政诉讼法: 3 months
datetime.date(2015, 6, 2)
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day where that day does not exist.

    >>> add_months(date(2019, 8, 31), 6), add_months(date(2020, 11, 30), 3)
    (datetime.date(2020, 2, 29), datetime.date(2021, 2, 28))
    """
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deemed_served(notice_on: date) -> date:
    """The day 公告送达 is deemed served: the notice day plus the period of the 民事诉讼法 in
    force on the notice day."""
    return notice_on + timedelta(days=cit.public_notice_days(notice_on))


def public_notice_basis(notice_on: date) -> str:
    return (
        f"{cit.cite_penalty('service', notice_on)}；"
        f"{cit.cite(cit.CIVIL_PROCEDURE, 'public_notice', notice_on)}"
    )


def check_public_notice(*, notice_on: date, served_on: date) -> None:
    """A decision served by public notice is served when the period has run, not before.

    >>> check_public_notice(notice_on=date(2019, 5, 6), served_on=date(2019, 5, 6))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 公告送达自发出公告之日起经过六十日视为送达（2019年5月6日发出，2019年7月5日视为送达），不能以公告当日为送达日期（依据：《中华人民共和国行政处罚法》（2017年修正）第四十条；《中华人民共和国民事诉讼法》（2017年修正）第九十二条）
    """
    due = deemed_served(notice_on)
    if served_on != due:
        days = cit.public_notice_days(notice_on)
        raise Refused(
            f"公告送达自发出公告之日起经过{_cn(days)}日视为送达（{_d(notice_on)}发出，{_d(due)}"
            f"视为送达），不能以{'公告当日' if served_on == notice_on else _d(served_on)}为送达日期",
            public_notice_basis(notice_on),
        )


@dataclass(frozen=True)
class CourtWindow:
    reconsideration_end: date
    suit_end: date
    remedies_end: date  # the later of the two: "期限届满之日"
    first_day: date
    last_day: date  # 三个月内


def court_window(*, served_on: date) -> CourtWindow:
    """When the bureau may apply to the court, for a decision served on ``served_on``."""
    reconsideration_end = served_on + timedelta(days=cit.reconsideration_days(served_on))
    suit_end = add_months(served_on, cit.suit_months(served_on))
    end = max(reconsideration_end, suit_end)
    return CourtWindow(
        reconsideration_end, suit_end, end, end + timedelta(days=1), add_months(end, 3)
    )


def court_basis(on: date, served_on: date | None = None) -> str:
    served = served_on or on
    return (
        f"{cit.cite(cit.COERCION, 'court_application', on)}、{cit.article(cit.COERCION, 'court_reminder', on)}；"
        f"{cit.cite(cit.RECONSIDERATION, 'reconsideration_period', served)}；"
        f"{cit.cite(cit.LITIGATION, 'suit_period', served)}"
    )


def check_court_application(
    *,
    served_on: date | None,
    reminded_on: date | None,
    applied_on: date,
    remedy_pending: bool = False,
) -> None:
    """Refuse an application to the court outside 行政强制法 第五十三、五十四条.

    >>> check_court_application(served_on=date(2019, 3, 4), reminded_on=date(2019, 3, 29),
    ...                         applied_on=date(2019, 4, 9))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 当事人申请行政复议（2019年5月3日届满）和提起行政诉讼（2019年9月4日届满）的期限尚未届满，不能申请人民法院强制执行；可自2019年9月5日起三个月内申请（依据：《中华人民共和国行政强制法》第五十三条、第五十四条；《中华人民共和国行政复议法》（2017年修正）第九条；《中华人民共和国行政诉讼法》（2017年修正）第四十六条第一款）
    >>> check_court_application(served_on=date(2019, 3, 4), reminded_on=date(2019, 9, 2),
    ...                         applied_on=date(2019, 9, 12))
    >>> check_court_application(served_on=date(2019, 3, 4), reminded_on=date(2019, 9, 2),
    ...                         applied_on=date(2019, 12, 5))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 申请人民法院强制执行应当自复议、诉讼期限届满之日（2019年9月4日）起三个月内提出，已超过2019年12月4日（依据：《中华人民共和国行政强制法》第五十三条、第五十四条；《中华人民共和国行政复议法》（2017年修正）第九条；《中华人民共和国行政诉讼法》（2017年修正）第四十六条第一款）
    """
    basis = court_basis(applied_on, served_on)
    if served_on is None:
        raise Refused("决定书尚未送达，不能申请人民法院强制执行", basis)
    if remedy_pending:
        raise Refused("当事人已申请行政复议或者提起行政诉讼，不能申请人民法院强制执行", basis)
    window = court_window(served_on=served_on)
    if applied_on < window.first_day:
        raise Refused(
            f"当事人申请行政复议（{_d(window.reconsideration_end)}届满）和提起行政诉讼"
            f"（{_d(window.suit_end)}届满）的期限尚未届满，不能申请人民法院强制执行；"
            f"可自{_d(window.first_day)}起三个月内申请",
            basis,
        )
    if applied_on > window.last_day:
        raise Refused(
            f"申请人民法院强制执行应当自复议、诉讼期限届满之日（{_d(window.remedies_end)}）起三个月内"
            f"提出，已超过{_d(window.last_day)}",
            basis,
        )
    reminder_basis = cit.cite(cit.COERCION, "court_reminder", applied_on)
    if reminded_on is None:
        raise Refused("申请人民法院强制执行前，应当催告当事人履行义务", reminder_basis)
    if applied_on < reminded_on + timedelta(days=10):
        raise Refused(
            f"催告书送达十日后当事人仍未履行的，方可申请人民法院强制执行（催告书{_d(reminded_on)}送达，"
            f"{_d(reminded_on + timedelta(days=10))}后方可申请）",
            reminder_basis,
        )


def _d(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _cn(n: int) -> str:
    return {30: "三十", 60: "六十"}.get(n, str(n))
