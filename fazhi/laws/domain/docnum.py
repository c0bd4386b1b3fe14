"""文号 (document numbers) in their written variants, reduced to one canonical form.

Pure Python. 《党政机关公文格式》 GB/T 9704-2012 §7.2.4 writes a 发文字号 as 发文机关代字 + 年份 in
六角括号 〔〕 + 序号 with 号 (人社部发〔2013〕34号). In practice the brackets appear as [ ] 【】 （）,
the year with 年 or no bracket at all, and orders as 国务院令第783号. ``canonical`` maps all of them to
one string so a query finds the document whichever way it was typed.

(A shared parser is planned at fazhi.core.domain.docnum; this one covers search needs only.)

>>> canonical("人社部发[2013]34号")
'人社部发〔2013〕34号'
>>> canonical("穗人社规字（2019）6号")
'穗人社规字〔2019〕6号'
>>> canonical("中华人民共和国国务院令第746号")
'国务院令第746号'
>>> canonical("关于印发办法的通知") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from fazhi.laws.domain.numerals import NUMERAL_CHARS, cn_to_int

_OPEN = "〔[［(（【"
_CLOSE = "〕]］)）】"
_YEAR_FORM = re.compile(
    rf"^(?P<prefix>[\u4e00-\u9fff]{{1,20}}?)[{re.escape(_OPEN)}]?(?P<year>(?:19|20)\d{{2}})"
    rf"[{re.escape(_CLOSE)}年]?第?(?P<serial>\d{{1,5}}|[{NUMERAL_CHARS}]{{1,8}})号$"
)
_ORDER_FORM = re.compile(
    rf"^(?P<prefix>[\u4e00-\u9fff]{{1,30}}令)第?(?P<serial>\d{{1,5}}|[{NUMERAL_CHARS}]{{1,8}})号$"
)


@dataclass(frozen=True)
class DocNumber:
    prefix: str  # 发文机关代字 ("人社部发") or the order series ("国务院令")
    year: int | None
    serial: int

    def format(self) -> str:
        if self.year is None:
            return f"{self.prefix}第{self.serial}号"
        return f"{self.prefix}〔{self.year}〕{self.serial}号"


def parse(text: str) -> DocNumber | None:
    """Parse a 文号, or return None when ``text`` is not one."""
    value = unicodedata.normalize("NFKC", text or "")
    # NFKC turns 〔〕 into themselves but （） into (); drop spaces people type inside.
    value = re.sub(r"\s+", "", value)
    for form in (_YEAR_FORM, _ORDER_FORM):
        match = form.match(value)
        if match:
            serial = match["serial"]
            number = int(serial) if serial.isdigit() else cn_to_int(serial)
            prefix = match["prefix"].removeprefix("中华人民共和国")
            year = int(match["year"]) if "year" in match.groupdict() else None
            return DocNumber(prefix=prefix, year=year, serial=number)
    return None


def canonical(text: str) -> str | None:
    parsed = parse(text)
    return parsed.format() if parsed else None
