"""Penalty arithmetic: 加处罚款 for a fine paid late. Pure Python.

Rule — 《中华人民共和国行政处罚法》（2021）第七十二条第一款第（一）项: a party that does not pay a
fine on time may be charged 加处罚款 of 3% of the fine for each day overdue; the total never
exceeds the fine. The 2017 text (第五十一条第（一）项) has the same 3%. 行政强制法 第四十五条
repeats that 加处罚款 may not exceed the principal.

Rule — 第七十三条: while an application for 复议 or a suit is pending, the penalty is not
suspended but the 加处罚款 is not counted; pass those days as ``suspended_days``. Only under the
2021 text: `check_suspension` refuses it for a fine due before 2021-07-15.

Amounts are ``Decimal`` rounded to the fen (0.01 元) half-up.

>>> late_payment_surcharge(fine=Decimal("1000"), overdue_days=10)
Decimal('300.00')
>>> late_payment_surcharge(fine=Decimal("1000"), overdue_days=40)
Decimal('1000.00')
>>> late_payment_surcharge(fine=Decimal("1000"), overdue_days=40, suspended_days=35)
Decimal('150.00')
>>> late_payment_surcharge(fine=Decimal("333.33"), overdue_days=1)
Decimal('10.00')
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from fazhi.core.domain.errors import Refused

FEN = Decimal("0.01")
SUSPENSION_FROM = date(2021, 7, 15)  # 行政处罚法 (2021) 第七十三条第三款
# 行政处罚法（2021）第七十二条第一款第（一）项：每日按罚款数额的百分之三加处罚款。
SURCHARGE_DAILY_RATE = Decimal("0.03")
SURCHARGE_BASIS = "《中华人民共和国行政处罚法》第七十二条第一款第（一）项、第七十三条"


def to_fen(amount: Decimal) -> Decimal:
    """Round to the fen, half-up.

    >>> to_fen(Decimal("1.005"))
    Decimal('1.01')
    """
    return Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)


def check_suspension(*, suspended_days: int, due: date | None) -> None:
    """Days not counted while 复议 or 诉讼 is pending exist only under the 2021 text (第七十三条第
    三款); the 2017 text says only that the penalty is not suspended (第四十五条), so for a fine
    due before 2021-07-15 every overdue day counts.

    >>> check_suspension(suspended_days=10, due=date(2019, 4, 17))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 复议、诉讼期间不计算加处罚款的规定自2021年7月15日起施行，缴款期限在此之前届满的，逾期各日均计算加处罚款（依据：《中华人民共和国行政处罚法》（2017年修正）第四十五条、第五十一条第（一）项）
    >>> check_suspension(suspended_days=10, due=date(2021, 8, 2))
    """
    if suspended_days and due is not None and due < SUSPENSION_FROM:
        raise Refused(
            "复议、诉讼期间不计算加处罚款的规定自2021年7月15日起施行，缴款期限在此之前届满的，"
            "逾期各日均计算加处罚款",
            "《中华人民共和国行政处罚法》（2017年修正）第四十五条、第五十一条第（一）项",
        )


def overdue_days(*, due: date, paid_on: date) -> int:
    """Days overdue when paying on ``paid_on`` a fine due on ``due`` (the due day itself is on time).

    >>> overdue_days(due=date(2019, 3, 1), paid_on=date(2019, 3, 4))
    3
    >>> overdue_days(due=date(2019, 3, 1), paid_on=date(2019, 2, 28))
    0
    """
    return max((paid_on - due).days, 0)


def late_payment_surcharge(*, fine: Decimal, overdue_days: int, suspended_days: int = 0) -> Decimal:
    """加处罚款: 3% of ``fine`` per counted day, capped at the fine.

    Counted days are ``overdue_days - suspended_days`` (never negative): 第七十三条 stops the
    count while 复议 or 诉讼 is pending.

    >>> late_payment_surcharge(fine=Decimal("500"), overdue_days=0)
    Decimal('0.00')
    >>> late_payment_surcharge(fine=Decimal("500"), overdue_days=3, suspended_days=5)
    Decimal('0.00')
    """
    if fine < 0:
        raise ValueError("fine must not be negative")
    days = max(overdue_days - max(suspended_days, 0), 0)
    surcharge = Decimal(fine) * SURCHARGE_DAILY_RATE * days
    # 第七十二条第一款第（一）项：加处罚款的数额不得超出罚款的数额。
    return to_fen(min(surcharge, Decimal(fine)))
