"""Dates as written in Chinese documents."""

from __future__ import annotations

from datetime import date

WEEKDAYS = "一二三四五六日"


def format_date(day: date) -> str:
    """A date as written in Chinese documents.

    >>> format_date(date(2024, 2, 29))
    '2024年2月29日'
    """
    return f"{day.year}年{day.month}月{day.day}日"


def weekday_name(day: date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"
