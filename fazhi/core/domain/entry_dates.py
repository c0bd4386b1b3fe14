"""Typed dates of fact beside the system's date of entry (issue 18.5: dates that measure the
bureau are set by the system), shared by every record that takes a typed date: enforcement case
steps, social-insurance arrears steps, the day of a draw's inspector pool, 重大行政决策 steps.

Pure Python. A step done on paper (a 决定书 signed on a day, a 送达回证 dated by the party, a
bank's 缴款凭证) is often entered later, so its date is typed: a fact, kept as typed. The system
keeps beside it the day it was entered, and by whom. Every timeliness clock of the bureau is
measured by the date *less* favourable to the bureau:

- a clock starts on the typed date (never later than the day of entry: a future date is refused),
- a clock the bureau must meet is met on the day of entry (the system's date), so typing an
  earlier date cannot turn a late act into an on-time one.

Two flags mark an entry for supervision (they never refuse: acts on paper may be entered late):

- ``backdated`` (疑似倒签): the typed date lies before the day the previous step was entered —
  the act claims to have been done before the system knew the step it follows;
- ``hides_lateness`` (补录掩盖超期): the typed date is within the clock the step answers, but the
  day of entry is after it — on time by the paper, late by the record.

Basis: 《中华人民共和国行政处罚法》（2021年修订）第四十七条 (执法全过程记录: 启动、调查取证、审核、
决定、送达、执行 recorded and archived); 国办发〔2018〕118号（三） (全过程记录, 如实记录).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fazhi.core.domain.errors import Refused

RECORD_BASIS = "《中华人民共和国行政处罚法》第四十七条；国办发〔2018〕118号（三）"


@dataclass(frozen=True)
class EntryFlags:
    backdated: bool = False
    hides_lateness: bool = False

    @property
    def any(self) -> bool:
        return self.backdated or self.hides_lateness


def check_not_future(
    typed_on: date, entered_on: date, label: str = "日期", basis: str = RECORD_BASIS
) -> None:
    """A date of fact cannot lie after the day it is entered (nothing is recorded ahead).
    ``basis``: the record-keeping rule of the caller's field (the enforcement one by default).

    >>> check_not_future(date(2026, 3, 2), date(2026, 3, 2), "缴纳日期")
    >>> check_not_future(date(2026, 3, 3), date(2026, 3, 2), "缴纳日期")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 缴纳日期（2026-03-03）不能晚于录入当日（2026-03-02）（依据：《中华人民共和国行政处罚法》第四十七条；国办发〔2018〕118号（三））
    """
    if typed_on > entered_on:
        raise Refused(
            f"{label}（{typed_on.isoformat()}）不能晚于录入当日（{entered_on.isoformat()}）",
            basis,
        )


def assess(
    *,
    typed_on: date,
    entered_on: date,
    previous_entered_on: date | None = None,
    due: date | None = None,
) -> EntryFlags:
    """The flags of a typed date entered on ``entered_on``.

    ``previous_entered_on``: the day the previous step was entered (None for the first);
    ``due``: the last day of the clock this step meets (None when it meets none).

    Entered the same day, within the clock: no flag.

    >>> assess(typed_on=date(2026, 3, 2), entered_on=date(2026, 3, 2),
    ...        previous_entered_on=date(2026, 2, 27), due=date(2026, 3, 6))
    EntryFlags(backdated=False, hides_lateness=False)

    Entered later, but still within the clock (the paper was signed on Friday, typed on Monday):
    a late entry, not a suspicious one.

    >>> assess(typed_on=date(2026, 3, 6), entered_on=date(2026, 3, 9),
    ...        previous_entered_on=date(2026, 3, 2), due=date(2026, 3, 13))
    EntryFlags(backdated=False, hides_lateness=False)

    Typed before the previous step was even entered: back-dating suspected.

    >>> assess(typed_on=date(2026, 2, 20), entered_on=date(2026, 3, 9),
    ...        previous_entered_on=date(2026, 3, 2))
    EntryFlags(backdated=True, hides_lateness=False)

    A decision typed on the clock's last day (Friday 2026-03-13) but entered on Monday: on time
    by the paper, late by the record.

    >>> assess(typed_on=date(2026, 3, 13), entered_on=date(2026, 3, 16), due=date(2026, 3, 13))
    EntryFlags(backdated=False, hides_lateness=True)

    Late by both dates: the clock shows it (missed), nothing is hidden.

    >>> assess(typed_on=date(2026, 3, 16), entered_on=date(2026, 3, 16), due=date(2026, 3, 13))
    EntryFlags(backdated=False, hides_lateness=False)

    Across the new year (the typed date in December, entered in January, the previous step
    entered on 12-31):

    >>> assess(typed_on=date(2025, 12, 30), entered_on=date(2026, 1, 5),
    ...        previous_entered_on=date(2025, 12, 31), due=date(2025, 12, 31))
    EntryFlags(backdated=True, hides_lateness=True)
    """
    backdated = previous_entered_on is not None and typed_on < previous_entered_on
    hides = due is not None and typed_on <= due < entered_on
    return EntryFlags(backdated=backdated, hides_lateness=hides)


def flag_notes(
    flags: EntryFlags,
    *,
    previous_label: str = "上一环节",
    previous_entered_on: date | None = None,
    due: date | None = None,
    due_of: str = "",
) -> list[str]:
    """What the flags say, in Chinese, for the page and the API.

    >>> flag_notes(EntryFlags(backdated=True, hides_lateness=True), previous_label="告知日期",
    ...            previous_entered_on=date(2026, 3, 2), due=date(2026, 3, 13))
    ['早于上一环节（告知日期）的录入日期2026-03-02，疑似倒签', '按填写日期未超期，但录入时已超过本机关期限2026-03-13，本机关按录入日期计为超期']

    ``due_of`` names whose time limit ``due`` is when it is not the bureau's (an employer's
    缴纳期限): that limit is met by the typed date, the act of the party; only the bureau's
    entry is late, and the typed date is what to check.

    >>> flag_notes(EntryFlags(hides_lateness=True), due=date(2026, 3, 13), due_of="用人单位缴纳期限")
    ['填写日期在用人单位缴纳期限2026-03-13之内，该期限按填写日期计为按期完成；本机关录入时已超过该期限，请核对填写日期（倒填会少计滞纳金）']
    >>> flag_notes(EntryFlags())
    []
    """
    notes = []
    if flags.backdated:
        when = previous_entered_on.isoformat() if previous_entered_on else ""
        notes.append(f"早于上一环节（{previous_label}）的录入日期{when}，疑似倒签")
    if flags.hides_lateness:
        when = due.isoformat() if due else ""
        if due_of:
            notes.append(
                f"填写日期在{due_of}{when}之内，该期限按填写日期计为按期完成；"
                "本机关录入时已超过该期限，请核对填写日期（倒填会少计滞纳金）"
            )
        else:
            notes.append(
                f"按填写日期未超期，但录入时已超过本机关期限{when}，本机关按录入日期计为超期"
            )
    return notes
