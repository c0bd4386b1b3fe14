"""Masking personal data before publication (公示, 公开).

Legal basis: information involving 个人隐私 is published only 作适当处理后 (国办发〔2018〕118号 二);
facts about a party learnt in a penalty case are kept confidential (行政处罚法 第五十条); a state
organ processes personal information only within its statutory duty (个人信息保护法 第三十四条);
financial accounts and under-14s' data are 敏感个人信息 (同法 第二十八条).

No national masking format could be verified; the patterns are the practice recommended in
domain-rules.md §4: ID number = first 6 + ``********`` + last 4 (the birth date hidden), name in
full unless the person is a minor or the case is sensitive (``张**``). When a value does not have
the expected shape the functions mask *more*, never less: publication must not leak by accident.

>>> mask_ric("11010519491231002X")
'110105********002X'
>>> mask_text("联系人张三，身份证11010519491231002X，手机13812345678。")
'联系人张三，身份证110105********002X，手机138****5678。'
"""

from __future__ import annotations

import re
from datetime import date

from stdnum.cn import ric as stdnum_ric

from fazhi.core.domain.identifiers import validate_uscc

MASK = "*"
_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "申屠",
        "太史",
        "闻人",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "单于",
        "赫连",
        "钟离",
        "完颜",
    ]
)


def _digits_only(value: str) -> str:
    return re.sub(r"[\s\-]", "", value)


def _mask_all_but_tail(value: str, tail: int) -> str:
    """Fallback for values of unexpected shape: keep at most ``tail`` characters."""
    if len(value) <= tail * 2:
        return MASK * len(value)
    return MASK * (len(value) - tail) + value[-tail:]


def mask_ric(value: str) -> str:
    """居民身份证号码: hide the birth date (digits 7–14; 7–12 of a 15-digit number).

    >>> mask_ric("150102880730303")
    '150102******303'
    """
    number = _digits_only(value or "").upper()
    if re.fullmatch(r"\d{17}[\dX]", number):
        return number[:6] + MASK * 8 + number[-4:]
    if re.fullmatch(r"\d{15}", number):
        return number[:6] + MASK * 6 + number[-3:]
    return _mask_all_but_tail(number, 4)


def mask_mobile(value: str) -> str:
    """Mainland mobile number: ``138****5678``; a ``+86`` prefix is dropped.

    >>> mask_mobile("+86 138-1234-5678")
    '138****5678'
    """
    number = _digits_only(value or "").removeprefix("+")
    if len(number) == 13 and number.startswith("86"):
        number = number[2:]
    if re.fullmatch(r"1\d{10}", number):
        return number[:3] + MASK * 4 + number[-4:]
    return _mask_all_but_tail(number, 4)


def mask_landline(value: str) -> str:
    """Fixed-line number: keep the area code and the last 4 digits; drop an extension.

    >>> mask_landline("022-23456789")
    '022-****6789'
    >>> mask_landline("(010) 1234567 转 801")
    '010-***4567'
    """
    text = re.sub(r"\s+", "", value or "")
    text = re.split(r"(?:转|分机|ext\.?|[#,])", text, maxsplit=1, flags=re.IGNORECASE)[0]
    # 010 and 02x are the three-digit area codes; every other one has four digits.
    match = re.fullmatch(r"(?:\(?(0[12]\d|0[3-9]\d{2})\)?-?)?([1-9]\d{6,7})(?:-\d{1,6})?", text)
    if match is None:
        return _mask_all_but_tail(_digits_only(text), 4)
    area, local = match.groups()
    return f"{area + '-' if area else ''}{MASK * (len(local) - 4)}{local[-4:]}"


# One administrative level: a short run of characters without street or number markers, ending
# in that level's suffix. Excluding 路/街/号… stops "南京路小区" from passing as a district; 镇 is
# allowed only as a first character (镇江市) so a town name does not pass as a county.
_LEVEL = r"镇?[^\s\d路街道号巷弄村镇乡楼栋室幢单元组队省市区县旗盟]{1,10}?"
_ADDRESS_HEAD = re.compile(
    rf"^(?:{_LEVEL}(?:省|自治区|特别行政区))?"
    rf"(?:{_LEVEL}(?:自治州|市|地区|盟))?"
    rf"(?:{_LEVEL}(?:自治县|自治旗|区|县|市|旗))?"
)


def mask_address(value: str) -> str:
    """Keep the address down to 区/县 level and replace the rest with ``****``.

    The tail's length is not shown, so nothing about the street or building leaks.

    >>> mask_address("天津市和平区南京路123号4门501")
    '天津市和平区****'
    >>> mask_address("南京路123号")
    '****'
    """
    text = (value or "").strip()
    if not text:
        return ""
    head = _ADDRESS_HEAD.match(text)
    kept = head.group(0) if head else ""
    return kept + MASK * 4 if len(kept) < len(text) else kept


def mask_name(value: str) -> str:
    """Personal name for minors and sensitive cases: the surname and ``**``.

    >>> mask_name("张三"), mask_name("欧阳娜娜"), mask_name("买买提·艾力")
    ('张**', '欧阳**', '买**')
    """
    name = (value or "").strip()
    if not name:
        return ""
    surname = name[:2] if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else name[0]
    return surname + MASK * 2


def publish_name(value: str, *, is_minor: bool = False, is_sensitive: bool = False) -> str:
    """A 自然人's name as published: in full, or masked for a minor or a sensitive case.

    >>> publish_name("张三"), publish_name("张三", is_minor=True)
    ('张三', '张**')
    """
    return mask_name(value) if is_minor or is_sensitive else (value or "").strip()


def mask_bank_card(value: str) -> str:
    """Bank card or account number: first 4 and last 4 digits.

    >>> mask_bank_card("6222 0212 3456 7890 123")
    '6222***********0123'
    """
    number = _digits_only(value or "")
    if re.fullmatch(r"\d{12,30}", number):
        return number[:4] + MASK * (len(number) - 8) + number[-4:]
    return _mask_all_but_tail(number, 4)


def _plausible_birth(yyyymmdd: str) -> bool:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return 1850 <= born.year <= 2100


def _looks_like_ric(candidate: str) -> bool:
    """Mask a correct ID number, and also a mistyped one whose birth date still shows.

    An 18-character value that is a valid 统一社会信用代码 (published by law for organisations)
    and not a valid ID number is left alone.
    """
    candidate = candidate.upper()
    if len(candidate) == 15:
        return _plausible_birth("19" + candidate[6:12])
    if stdnum_ric.calc_check_digit(candidate) == candidate[-1]:
        return True
    if validate_uscc(candidate).is_valid:
        return False
    return _plausible_birth(candidate[6:14])


_SENSITIVE = re.compile(
    r"(?<![0-9A-Za-z])(?:"
    r"(?P<ric>\d{17}[\dXx]|\d{15})"
    r"|(?P<mobile>(?:\+?86[\s\-]?)?1[3-9]\d(?:[\s\-]?\d{4}){2})"
    r")(?![0-9A-Za-z])"
)


def mask_text(text: str) -> str:
    """Find and mask ID numbers and mobile numbers embedded in free text.

    >>> mask_text("统一社会信用代码914403001922038216，电话 138 1234 5678")
    '统一社会信用代码914403001922038216，电话 138****5678'
    """

    def replace(match: re.Match[str]) -> str:
        if match["ric"]:
            return mask_ric(match["ric"]) if _looks_like_ric(match["ric"]) else match["ric"]
        return mask_mobile(match["mobile"])

    return _SENSITIVE.sub(replace, text or "")
