"""Penalty arithmetic: 加处罚款 for a fine paid late. Pure Python.

Rule — 《中华人民共和国行政处罚法》（2021）第七十二条第一款第（一）项: a party that does not pay a
fine on time may be charged 加处罚款 of 3% of the fine for each day overdue; the total never
exceeds the fine. The 2017 text (第五十一条第（一）项) has the same 3%. 行政强制法 第四十五条
repeats that 加处罚款 may not exceed the principal.

Rule — 第七十三条: while an application for 复议 or a suit is pending, the penalty is not
suspended but the 加处罚款 is not counted; pass those days as ``suspended_days``.

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

FEN = Decimal("0.01")
# 行政处罚法（2021）第七十二条第一款第（一）项：每日按罚款数额的百分之三加处罚款。
SURCHARGE_DAILY_RATE = Decimal("0.03")
SURCHARGE_BASIS = "《中华人民共和国行政处罚法》第七十二条第一款第（一）项、第七十三条"


def to_fen(amount: Decimal) -> Decimal:
    """Round to the fen, half-up.

    >>> to_fen(Decimal("1.005"))
    Decimal('1.01')
    """
    return Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)


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
