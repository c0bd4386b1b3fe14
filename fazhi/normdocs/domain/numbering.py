"""统一登记、统一编号: the bureau's 规范性文件 number, ``津人社规字〔YYYY〕N号``.

Pure Python. 三统一 (统一登记、统一编号、统一印发) — 国办发〔2018〕37号 (UNVERIFIED as text; a
VERIFIED local practice, e.g. 杨管规〔2012〕001). The shape is the 发文字号 of GB/T 9704-2012
7.2.4 (year in 六角括号, serial without 第 or padding), formatted by `fazhi.core.domain.docnum`.
Serials run from 1 within each year, without gaps or duplicates; the database enforces that
(a locked per-year counter and a unique constraint), this module only formats and checks.

>>> format_number("津人社规字", 2019, 7)
'津人社规字〔2019〕7号'
>>> next_serial(0)
1
"""

from __future__ import annotations

from fazhi.core.domain.docnum import DocNumber, format_docnum

DEFAULT_PREFIX = "津人社规字"


def format_number(prefix: str, year: int, serial: int) -> str:
    return format_docnum(DocNumber(issuer=prefix, year=year, serial=serial))


def next_serial(last: int) -> int:
    """The serial after ``last``: one more, so the series has no gap."""
    if last < 0:
        raise ValueError("last serial cannot be negative")
    return last + 1
