"""How values are written in a 双公示 file: dates, 万元 amounts, enumerations with "其他-说明".

>>> wanyuan(Decimal("2000"))
'0.200000'
>>> format_day(date(2099, 12, 31), "YYYY/MM/DD")
'2099/12/31'
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

# One receiving interface uses YYYY/MM/DD (its 长期 sentinel is written "2099/12/31"), others
# YYYY-MM-DD (domain-rules.md §3: the official format is unverified). Both are offered.
DATE_STYLES = {"YYYY/MM/DD": "%Y/%m/%d", "YYYY-MM-DD": "%Y-%m-%d"}
DEFAULT_DATE_STYLE = "YYYY/MM/DD"
LONG_TERM = date(2099, 12, 31)  # XK_YXQZI "2099/12/31" = 长期
WAN = Decimal(10000)
SIX_PLACES = Decimal("0.000001")
CATEGORY_SEPARATOR = ";"  # several CF_CFLB values in one cell


class UnknownDateStyle(ValueError):
    pass


def format_day(day: date | None, style: str = DEFAULT_DATE_STYLE) -> str:
    if day is None:
        return ""
    if style not in DATE_STYLES:
        raise UnknownDateStyle(f"日期格式“{style}”不受支持，可选：{'、'.join(DATE_STYLES)}")
    if type(day) is date:  # isoformat is YYYY-MM-DD, 4-digit year: the fast way (not strftime)
        text = day.isoformat()
        return text if style == "YYYY-MM-DD" else text.replace("-", "/")
    separator = style[4]  # a datetime or other date-like value: its day only
    return f"{day.year:04d}{separator}{day.month:02d}{separator}{day.day:02d}"


def wanyuan(yuan: Decimal | None) -> str:
    """元 → 万元 with six decimals (CF_NR_FK, CF_NR_WFFF). Exact: 元 has at most 2 decimals, so
    dividing by 10,000 needs at most 6; rounding only trims values given with more precision.

    >>> wanyuan(Decimal("0.01")), wanyuan(Decimal("123456789.99")), wanyuan(None)
    ('0.000001', '12345.678999', '')
    """
    if yuan is None:
        return ""
    return str((Decimal(yuan) / WAN).quantize(SIX_PLACES, rounding=ROUND_HALF_UP))


def with_note(value: str, note: str) -> str:
    """An enumeration value; "其他" carries its specification: ``其他-劳动保障监察``.

    >>> with_note("其他", "责令改正"), with_note("普通", "ignored")
    ('其他-责令改正', '普通')
    """
    if value == "其他" and note:
        return f"其他-{note}"
    return value
