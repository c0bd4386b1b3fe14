"""How long a decision stays published (公示期限) and which withdrawal rule applies.

Penalties — CF_GSJZQ = CF_JDRQ + period (domain-rules.md §3, developer rule):
* decided on or after 2023-05-01: 《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令
  第58号）: shortest 3 months, longest 3 years, counted from the decision date; publicity stops
  automatically at the longest period (an earlier end by 信用修复 is a separate procedure);
* decided before: 发改办财金〔2019〕527号: 严重失信 penalties at least 6 months, at most 3 years;
  the 一般失信 range (3 months–1 year) is unverified, so the configurable range is 3–36 months.
The configured number of months (default 36, the longest period of both regimes) must fall in
the range of the regime in force on the decision date.

Licences: published while valid — the end is XK_YXQZI (none for 长期, 2099-12-31).
Other decisions (国办发〔2018〕118号（六）sets no end): a configured number of months, default 36.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.domain.formatting import LONG_TERM

REGIME_2023_FROM = date(2023, 5, 1)
PENALTY_WITHDRAWAL_FROM = date(2021, 7, 15)  # 行政处罚法（2021年修订）第八十六条


@dataclass(frozen=True)
class Regime:
    code: str
    basis: str
    min_months: int
    max_months: int


REGIME_2019 = Regime("2019", "发改办财金〔2019〕527号", 3, 36)
REGIME_2023 = Regime("2023", "国家发展改革委令第58号（2023年5月1日起施行）", 3, 36)


class PeriodOutOfRange(ValueError):
    pass


def regime_for(decided_on: date) -> Regime:
    return REGIME_2023 if decided_on >= REGIME_2023_FROM else REGIME_2019


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later; the last day of a shorter month when the day does not exist.

    >>> add_months(date(2019, 8, 31), 6), add_months(date(2020, 2, 29), 12)
    (datetime.date(2020, 2, 29), datetime.date(2021, 2, 28))
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def publicity_end(
    kind: str,
    decided_on: date,
    *,
    penalty_months: dict[str, int],
    other_months: int,
    valid_to: date | None = None,
) -> date | None:
    """The last day the decision is shown (CF_GSJZQ for penalties); ``None``: no end.

    ``penalty_months`` maps a regime code ("2019", "2023") to its configured months.

    >>> publicity_end("penalty", date(2019, 9, 27), penalty_months={"2019": 36}, other_months=36)
    datetime.date(2022, 9, 27)
    """
    kind = Kind(kind)
    if kind == Kind.LICENSE:
        return None if valid_to is None or valid_to >= LONG_TERM else valid_to
    if kind == Kind.OTHER:
        return add_months(decided_on, other_months)
    regime = regime_for(decided_on)
    months = penalty_months.get(regime.code, regime.max_months)
    if not regime.min_months <= months <= regime.max_months:
        raise PeriodOutOfRange(
            f"处罚信息公示期限配置为{months}个月，超出{regime.basis}规定的"
            f"{regime.min_months}至{regime.max_months}个月"
        )
    return add_months(decided_on, months)


def withdrawal_rule(kind: str, changed_on: date) -> str | None:
    """The time-limit rule for taking a withdrawn decision down, or ``None`` when no statutory
    rule applies and the configured fallback (working days) is used.

    行政处罚法（2021）第四十八条第二款: 3 working days, for penalties changed on or after
    2021-07-15. Before, and for licences and other decisions, 国办发〔2018〕118号（六）says only
    "及时".
    """
    if Kind(kind) == Kind.PENALTY and changed_on >= PENALTY_WITHDRAWAL_FROM:
        return "penalty.publicity_withdrawal"
    return None


def publicity_rule(kind: str) -> str:
    """The time-limit rule of publication (国办发〔2018〕118号（六）): 7 working days for licences
    and penalties, 20 for other enforcement decisions."""
    return {
        Kind.LICENSE: "licensing.publicity",
        Kind.PENALTY: "penalty.publicity",
        Kind.OTHER: "enforcement.other_publicity",
    }[Kind(kind)]
