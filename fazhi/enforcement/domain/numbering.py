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

from fazhi.core.domain.docnum import DocNumber, check_number_order, format_docnum

__all__ = ["case_reference", "check_number_order", "decision_number", "prefix_for"]

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


def case_reference(unit_code: str, year: int, serial: int) -> str:
    return f"{unit_code}-{year}-{serial:04d}"
