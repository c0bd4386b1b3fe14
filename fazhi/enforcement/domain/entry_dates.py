"""Typed dates of enforcement case steps beside the system's date of entry (issue 18.5).

Pure Python. The rule — a typed date never after the day of entry, the bureau's clocks met on
the day of entry, the flags 疑似倒签 and 补录掩盖超期 — is shared with arrears steps and draws
and lives in ``fazhi.core.domain.entry_dates``; this module names the case steps.

Basis: 《中华人民共和国行政处罚法》（2021年修订）第四十七条; 国办发〔2018〕118号（三）;
《劳动保障监察条例》第十七条 and 行政处罚法 第六十条 (the investigation and decision periods
measured by these dates).
"""

from __future__ import annotations

from datetime import date

from fazhi.core.domain import entry_dates as shared
from fazhi.core.domain.entry_dates import RECORD_BASIS, EntryFlags, assess

__all__ = ["RECORD_BASIS", "STEP_LABELS", "EntryFlags", "assess", "check_not_future", "flag_notes"]

# The case steps whose dates are typed, by the key ``CaseDateEntry.step`` stores them under.
STEP_LABELS = {
    "register": "收到/发现日期",
    "accept": "受理日期",
    "reject": "不予受理日期",
    "file": "立案日期",
    "extend": "延长调查期限日期",
    "withdraw": "撤销立案日期",
    "notify": "告知日期",
    "hearing_request": "要求听证日期",
    "review_submit": "提交法制审核日期",
    "review": "法制审核日期",
    "decide": "决定日期",
    "serve": "送达日期",
    "pay": "缴款日期",
    "remind": "催告书送达日期",
    "apply_court": "申请法院强制执行日期",
    "close": "结案日期",
}


def check_not_future(typed_on: date, entered_on: date, step: str) -> None:
    """A case step's date cannot lie after the day it is entered.

    >>> check_not_future(date(2026, 3, 2), date(2026, 3, 2), "decide")
    >>> check_not_future(date(2026, 3, 3), date(2026, 3, 2), "decide")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 决定日期（2026-03-03）不能晚于录入当日（2026-03-02）（依据：《中华人民共和国行政处罚法》第四十七条；国办发〔2018〕118号（三））
    """
    shared.check_not_future(typed_on, entered_on, STEP_LABELS.get(step, "日期"))


def flag_notes(
    flags: EntryFlags,
    *,
    previous_step: str = "",
    previous_entered_on: date | None = None,
    due: date | None = None,
) -> list[str]:
    """The flags in Chinese, naming the previous case step.

    >>> flag_notes(EntryFlags(backdated=True), previous_step="notify",
    ...            previous_entered_on=date(2026, 3, 2))
    ['早于上一环节（告知日期）的录入日期2026-03-02，疑似倒签']
    """
    return shared.flag_notes(
        flags,
        previous_label=STEP_LABELS.get(previous_step, "上一环节"),
        previous_entered_on=previous_entered_on,
        due=due,
    )
