"""Statutory time limits (法定期限) as a table, and the due date of each.

The package re-exports its parts, so callers import from ``fazhi.core.domain.time_limits``:
``rule`` (the `TimeLimit` type and the look-up errors), ``laws`` (law titles and effective
dates), ``table`` (the rule table and its look-ups), ``due`` (`due_date`), ``urgency``
(`remaining`) and ``formatting`` (dates in Chinese).

Pure Python. Each rule names its article and the article that fixes its unit, because the same
"十日" is a working-day period in one law and a calendar-day period in another:

* 《行政处罚法》(2021) 第八十五条: only 二日、三日、五日、七日 are working days;
* 《行政复议法》(2023) 第八十八条: 三日、五日、七日、十日 are working days, whereas the 2017 text,
  第四十条, names only 五日、七日 — so its ten-day reply period is ten calendar days;
* 《行政许可法》第八十二条: every period is in working days;
* 《劳动保障监察条例》第十七条 states "个工作日" itself;
* everything else follows 《民事诉讼法》第八十五条 (calendar days, a last rest day rolls forward).

Rules are versioned by the law in force on the start date. Numbers not confirmed against an
official text have ``verified=False`` and can be overridden (settings
``FAZHI["TIME_LIMIT_OVERRIDES"]``); confirmed numbers cannot.

>>> from datetime import date
>>> from fazhi.core.domain.calendar import WorkCalendar
>>> cal = WorkCalendar.from_chinese_calendar()
>>> due_date("reconsideration.reply", date(2023, 9, 21), cal).due  # 2017 law: day 10 is 10-01,
datetime.date(2023, 10, 7)
>>> # rolled to the next working day, a 调休 Saturday
>>> due_date("reconsideration.reply", date(2024, 9, 27), cal).due  # 2023 law: working days
datetime.date(2024, 10, 16)
>>> due_date("normdoc.filing", date(2025, 3, 3), cal, overrides={"normdoc.filing": 15}).days
15
>>> rule_for("penalty.decision", date(2020, 1, 1))
Traceback (most recent call last):
...
fazhi.core.domain.time_limits.rule.UnknownRule: 期限规则“penalty.decision”（行政处罚决定期限（自立案之日起））在2020年1月1日没有适用的法律版本；该规则适用于：2021年7月15日起。
"""

from fazhi.core.domain.time_limits.due import Due, due_date
from fazhi.core.domain.time_limits.formatting import WEEKDAYS, format_date, weekday_name
from fazhi.core.domain.time_limits.laws import *  # noqa: F403 (the law titles are public names)
from fazhi.core.domain.time_limits.rule import (
    UNIT_LABELS,
    RuleNotExtendable,
    TimeLimit,
    Unit,
    UnknownRule,
)
from fazhi.core.domain.time_limits.table import RULES, override_problems, rule_codes, rule_for
from fazhi.core.domain.time_limits.urgency import Remaining, Urgency, remaining

__all__ = [
    "RULES",
    "UNIT_LABELS",
    "WEEKDAYS",
    "Due",
    "Remaining",
    "RuleNotExtendable",
    "TimeLimit",
    "Unit",
    "UnknownRule",
    "Urgency",
    "due_date",
    "format_date",
    "override_problems",
    "remaining",
    "rule_codes",
    "rule_for",
    "weekday_name",
]
