"""Case references and decision numbers (行政处罚决定书文号). Pure.

A decision number is a 发文字号 (GB/T 9704-2012 7.2.4), e.g. ``津人社监罚〔2019〕12号``: the
issuing body's 代字, the year, a serial running from 1 within the year without gaps or
duplicates. The database guarantees the sequence (a locked counter row per 代字 and year, and a
unique constraint); this module formats. The 代字 per issuing unit is configuration
(``settings.FAZHI["ENFORCEMENT_DECISION_PREFIXES"]``, by org-unit code); the defaults are
illustrative (UNVERIFIED).

>>> decision_number("津人社监罚", 2019, 3)
'津人社监罚〔2019〕3号'
>>> case_reference("JCZD-1", 2019, 7)
'JCZD-1-2019-0007'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from fazhi.core.domain.docnum import DocNumber, format_docnum
from fazhi.core.domain.errors import Refused

DEFAULT_PREFIX = "津人社监罚"
DEFAULT_PREFIXES = {
    "HPQ-JC": "津和人社监罚",
    "HDQ-JC": "津东人社监罚",
    "HXQ-JC": "津西人社监罚",
    "NKQ-JC": "津南人社监罚",
    "BHXQ-JC": "津滨人社监罚",
}


def prefix_for(unit_code: str, configured: Mapping[str, str] | None = None) -> str:
    table = {**DEFAULT_PREFIXES, **(configured or {})}
    return table.get(unit_code, table.get("*", DEFAULT_PREFIX))


def decision_number(prefix: str, year: int, serial: int) -> str:
    return format_docnum(DocNumber(issuer=prefix, year=year, serial=serial))


def check_number_order(
    *, decided_on: date, latest_on: date | None, latest_number: str = ""
) -> None:
    """Numbers follow the decision dates: a decision dated before one already numbered in the
    same 代字 and year would get a later number than a later decision (GB/T 9704-2012 7.2.4:
    顺序号 in order; 行政处罚法 第四十七条 全过程记录).

    >>> check_number_order(decided_on=date(2019, 4, 1), latest_on=date(2019, 4, 5),
    ...                    latest_number="津人社监罚〔2019〕7号")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 文号按决定日期顺序编排：本年度已于2019年4月5日作出津人社监罚〔2019〕7号决定，不能再作出日期更早（2019年4月1日）的决定（依据：GB/T 9704-2012 7.2.4）
    >>> check_number_order(decided_on=date(2019, 4, 5), latest_on=date(2019, 4, 5))
    """
    if latest_on is not None and decided_on < latest_on:
        raise Refused(
            f"文号按决定日期顺序编排：本年度已于{latest_on.year}年{latest_on.month}月{latest_on.day}日"
            f"作出{latest_number}决定，不能再作出日期更早（{decided_on.year}年{decided_on.month}月"
            f"{decided_on.day}日）的决定",
            "GB/T 9704-2012 7.2.4",
        )


def case_reference(unit_code: str, year: int, serial: int) -> str:
    return f"{unit_code}-{year}-{serial:04d}"
