"""Chinese numerals in article numbers (第一百零一条, 第二十条之一) to integers.

Pure Python. Article numbering follows 《立法技术规范（试行）（一）》 (法工委发〔2009〕62号):
articles are numbered 第一条, 第二条 …; an article inserted by an amendment keeps the number of
the article before it with 之一, 之二 (e.g. 刑法 第一百二十条之一).

>>> cn_to_int("一百零一")
101
>>> cn_to_int("二十")
20
>>> cn_to_int("十五")
15
>>> int_to_cn(1032)
'一千零三十二'
>>> article_label(20, 1)
'第二十条之一'
"""

from __future__ import annotations

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def cn_to_int(text: str) -> int:
    """Convert a Chinese (or Arabic) numeral to an int; raise ValueError when it is not one."""
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    total, section, digit = 0, 0, None
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char in UNITS:
            unit = UNITS[char]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                # "十五" has no leading digit: it means 一十五.
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + (digit or 0)


def int_to_cn(value: int) -> str:
    """The numeral as written in article labels (10 → 十, 110 → 一百一十, 1010 → 一千零一十)."""
    if not 0 <= value < 10000:
        raise ValueError("article numbers run from 0 to 9999")
    if value == 0:
        return "零"
    names = "零一二三四五六七八九"
    text, gap = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit:
            text += ("零" if gap else "") + names[digit] + name
            gap = False
        elif text:
            gap = True
    return text[1:] if text.startswith("一十") else text


def article_label(number: int, suffix: int = 0) -> str:
    label = f"第{int_to_cn(number)}条"
    return f"{label}之{int_to_cn(suffix)}" if suffix else label
