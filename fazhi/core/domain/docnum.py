"""文号: parsing tolerant input and formatting the canonical form.

Two shapes are recognised:

* 发文字号 — GB/T 9704-2012《党政机关公文格式》7.2.4: 发文机关代字 + 年份 + 发文顺序号. 年份标全称，
  用六角括号“〔〕”括入；顺序号不加“第”字，不编虚位（1 不编为 01），后加“号”字. Canonical output is
  therefore always ``津人社规字〔2019〕5号`` with ASCII digits. Judicial interpretations use the
  same shape (``法释〔2020〕3号``).
* 令 numbers — the number of the order that publishes a regulation or rule: ``国务院令第783号``
  (行政法规制定程序条例 第二十七条: 总理签署国务院令公布), ``人社部令第8号`` (规章制定程序条例
  第三十条: 公布规章的命令应当载明……序号). Canonical: ``<机关>令第N号``.

Input may use ``[ ] ( ) （ ） 【 】 ﹝ ﹞ 〔 〕 ［ ］ 〖 〗``, full-width digits, spaces, a stray ``第``
and may omit the final ``号``. Two-digit years are refused rather than guessed.

>>> str(parse_docnum("津人社规字[2019]05"))
'津人社规字〔2019〕5号'
>>> parse_docnum("人社部令第８号").kind.value
'order'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fazhi.core.domain.errors import Refused
from fazhi.core.domain.identifiers import ValidationResult

_OPEN = "[(（【﹝〔［〖"
_CLOSE = "])）】﹞〕］〗"
_ISSUER = r"[\u3400-\u9fff·]+"
_DOCUMENT = re.compile(
    rf"^(?P<issuer>{_ISSUER})[{re.escape(_OPEN)}](?P<year>\d+)[{re.escape(_CLOSE)}]第?(?P<serial>\d+)号?$"
)
_ORDER = re.compile(r"^(?P<issuer>[\u3400-\u9fff·]*?)令第?(?P<serial>\d+)号?$")
MIN_YEAR, MAX_YEAR = 1949, 2100


class DocNumberKind(StrEnum):
    DOCUMENT = "document"  # 发文字号
    ORDER = "order"  # 令


class DocNumberError(ValueError):
    """The text is not a 文号; the message says why, in Chinese."""


@dataclass(frozen=True)
class DocNumber:
    issuer: str  # 发文机关代字 (``津人社规字``) or the body issuing the order (``人社部``)
    serial: int
    year: int | None = None  # None for 令 numbers, which count across years
    kind: DocNumberKind = DocNumberKind.DOCUMENT

    def __str__(self) -> str:
        return format_docnum(self)


def format_docnum(number: DocNumber) -> str:
    """The canonical text of a 文号.

    >>> format_docnum(DocNumber(issuer="法释", year=2020, serial=3))
    '法释〔2020〕3号'
    """
    if number.kind == DocNumberKind.ORDER:
        return f"{number.issuer}令第{number.serial}号"
    return f"{number.issuer}〔{number.year}〕{number.serial}号"


def _clean(text: str) -> str:
    # NFKC turns full-width digits and letters into ASCII; it leaves 〔〕 and （） alone.
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def parse_docnum(text: str) -> DocNumber:
    """Parse a 文号, raising :class:`DocNumberError` with a Chinese message if it is not one.

    >>> parse_docnum("国办发（2018）118号").year
    2018
    >>> parse_docnum("人社部发2013年34号")
    Traceback (most recent call last):
        ...
    fazhi.core.domain.docnum.DocNumberError: 年份应用六角括号括入，如“人社部发〔2019〕5号”
    """
    cleaned = _clean(text or "")
    if not cleaned:
        raise DocNumberError("文号为空")
    order = _ORDER.match(cleaned)
    if order:
        if not order["issuer"]:
            raise DocNumberError("缺少发布命令的机关，如“国务院令第783号”")
        return DocNumber(order["issuer"], _serial(order["serial"]), None, DocNumberKind.ORDER)
    match = _DOCUMENT.match(cleaned)
    if match is None:
        raise DocNumberError(_explain(cleaned))
    year = match["year"]
    if len(year) != 4:
        raise DocNumberError(f"年份应为四位数（年份标全称），而不是“{year}”")
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise DocNumberError(f"年份无效：{year}")
    return DocNumber(match["issuer"], _serial(match["serial"]), int(year))


def _serial(digits: str) -> int:
    serial = int(digits)
    if serial < 1:
        raise DocNumberError("发文顺序号应为正整数")
    return serial


def _explain(cleaned: str) -> str:
    """Name the first missing part, so the clerk knows what to fix."""
    example = "如“津人社规字〔2019〕5号”"
    opens = [i for i, c in enumerate(cleaned) if c in _OPEN]
    if not opens:
        return f"年份应用六角括号括入，{example.replace('津人社规字', _issuer_guess(cleaned))}"
    if opens[0] == 0:
        return f"缺少发文机关代字，{example}"
    if not re.fullmatch(_ISSUER, cleaned[: opens[0]]):
        return f"发文机关代字含非法字符：“{cleaned[: opens[0]]}”，{example}"
    if not any(c in _CLOSE for c in cleaned):
        return f"年份的括号未闭合，{example}"
    tail = re.split(f"[{re.escape(_CLOSE)}]", cleaned, maxsplit=1)[1]
    if not re.search(r"\d", tail):
        return f"缺少发文顺序号，{example}"
    return f"无法识别的文号：“{cleaned}”，{example}"


def _issuer_guess(cleaned: str) -> str:
    head = re.match(_ISSUER, cleaned)
    return head.group(0) if head else "津人社规字"


def validate_docnum(value: str) -> ValidationResult:
    """The shared result shape, for the CLI and the API."""
    try:
        number = parse_docnum(value)
    except DocNumberError as exc:
        return ValidationResult("docnum", value, False, "", str(exc))
    details = {
        "issuer": number.issuer,
        "year": number.year,
        "serial": number.serial,
        "type": number.kind.value,
    }
    return ValidationResult("docnum", value, True, str(number), "", details)


def check_number_order(
    *,
    decided_on: date,
    latest_on: date | None,
    latest_number: str = "",
    act: str = "作出",
    what: str = "决定",
) -> None:
    """Numbers follow the dates of the acts they number (issue 18.5): an act dated before one
    already numbered in the same 代字 and year would get a later number than a later act, so
    the numbers would follow the order of entry, not of date (GB/T 9704-2012 7.2.4: 顺序号 in
    order; 行政处罚法 第四十七条 全过程记录). Shared by penalty decisions and normative
    documents (``act``/``what``: 登记/文件).

    >>> check_number_order(decided_on=date(2019, 4, 1), latest_on=date(2019, 4, 5),
    ...                    latest_number="津人社监罚〔2019〕7号")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 文号按决定日期顺序编排：本年度已于2019年4月5日作出津人社监罚〔2019〕7号决定，不能再作出日期更早（2019年4月1日）的决定（依据：GB/T 9704-2012 7.2.4）
    >>> check_number_order(decided_on=date(2019, 4, 5), latest_on=date(2019, 4, 5))
    >>> check_number_order(decided_on=date(2025, 3, 1), latest_on=date(2025, 3, 9),
    ...                    latest_number="津人社规字〔2025〕2号", act="登记", what="文件")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 文号按登记日期顺序编排：本年度已于2025年3月9日登记津人社规字〔2025〕2号文件，不能再登记日期更早（2025年3月1日）的文件（依据：GB/T 9704-2012 7.2.4）
    """
    if latest_on is not None and decided_on < latest_on:
        label = "决定" if act == "作出" else act
        raise Refused(
            f"文号按{label}日期顺序编排：本年度已于{latest_on.year}年{latest_on.month}月"
            f"{latest_on.day}日{act}{latest_number}{what}，不能再{act}日期更早"
            f"（{decided_on.year}年{decided_on.month}月{decided_on.day}日）的{what}",
            "GB/T 9704-2012 7.2.4",
        )
