"""有效期 (validity period) of a 规范性文件, and the reminder before it ends.

Pure Python. No national rule fixes the term; the numbers are local practice and configurable
(domain-rules.md §6, UNVERIFIED for Tianjin's 2019 rule):

* "一般5年, 暂行办法/暂行规定 2年" (local example); "试行/暂行 1年或2年" and "届满前6个月内评估"
  (山东省司法厅规范性文件制定管理办法 第十一、二十三条, quoted as a local example);
* an older Tianjin departmental example: "有效期一般为5年 … 届满前6个月评估".

>>> from datetime import date
>>> term_years("天津市就业困难人员认定办法", ValidityPolicy())
5
>>> term_years("关于失业保险援企稳岗的暂行办法", ValidityPolicy())
2
>>> valid_until(date(2019, 3, 1), 5)
datetime.date(2024, 2, 29)
>>> reminder_date(date(2024, 2, 29), ValidityPolicy())
datetime.date(2023, 8, 29)
>>> out_of_force_from(date(2024, 2, 29))
datetime.date(2024, 3, 1)
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class ValidityPolicy:
    default_years: int = 5
    provisional_years: int = 2
    provisional_markers: tuple[str, ...] = field(default=("暂行", "试行"))
    reminder_months: int = 6


def term_years(title: str, policy: ValidityPolicy) -> int:
    if any(marker in title for marker in policy.provisional_markers):
        return policy.provisional_years
    return policy.default_years


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months``; the 31st of a shorter month becomes its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def valid_until(effective_on: date, years: int) -> date:
    """The last day in force: a term of N years from the effective date, that day included."""
    return add_months(effective_on, 12 * years) - timedelta(days=1)


def out_of_force_from(last_day: date) -> date:
    """The first day a document whose term ends on ``last_day`` is 失效: the term is a fact, so
    this is the document's end date whenever staff or the daily job come to register it."""
    return last_day + timedelta(days=1)


def reminder_date(last_day: date, policy: ValidityPolicy) -> date:
    """When the evaluation before expiry is due ("届满前6个月")."""
    return add_months(last_day, -policy.reminder_months)
