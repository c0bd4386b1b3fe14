"""统一社会信用代码 and 居民身份证号码 (公民身份号码): validation with reasons in Chinese.

Check digits come from python-stdnum (``stdnum.cn.uscc``, ``stdnum.cn.ric``); this module adds
what the bureau needs on top: a reason a clerk can act on, the facts the number encodes, and the
decisions below (see also ``docs/dev/identifiers.md``).

统一社会信用代码 — GB 32100-2015《法人和其他组织统一社会信用代码编码规则》: 18 characters =
登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6) + 主体标识码 = 组织机构代码 per
GB 11714 (9, with its own check character) + 校验码 (1, weights 3^i mod 31 over the 31-character
alphabet without I O Z S V).

* Decision — early pilot codes: some codes issued in 福建/厦门 before the standard was final fail
  the GB 32100 check character although their 组织机构代码 part is correct. They are **invalid by
  default** with a reason naming 早期试点; ``lenient=True`` accepts them with a warning.
* Decision — 登记管理部门码 A / N / Y exist (e.g. N 农业 for 村集体经济组织) although stdnum only
  accepts digits in the first two places; they are accepted here.

居民身份证号码 — GB 11643-1999《公民身份号码》: 6-digit 地址码 (GB/T 2260) + 8-digit 出生日期码 +
3-digit 顺序码 (odd = male) + 校验码 (ISO 7064 MOD 11-2, ``X`` for 10). 社会保险法 第五十八条:
the 社会保障号码 is the 公民身份号码.

* Decision — 15-digit first-generation numbers are accepted (``allow_legacy=True``) and
  normalised to 18 digits (insert ``19``, add the check digit) with a warning; they still appear
  in old social-insurance files. The region code must exist.
* Decision — region code vs birth year: a code created *after* the birth year is accepted
  (people are registered after birth, e.g. the GB example ``440524188001010014``); a code
  abolished *before* the birth year is rejected. stdnum rejects both.
* Decision — 港澳台居民居住证 numbers (810000/820000/830000, 国办发〔2018〕81号) are 公民身份号码
  and valid; 外国人永久居留身份证 numbers (leading ``9``) are not, and say so.

>>> validate_uscc("91 110000 600037341L").normalised
'91110000600037341L'
>>> validate_ric("11010519491231002X").details["gender"]
'女'
>>> validate_ric("36042619910102009X").reason
'校验码错误'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from stdnum import numdb
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

# 登记管理部门码 → (部门, {机构类别码: 类别}). Source: domain-rules.md §4 (third-party code; the
# official table is UNVERIFIED), so an unknown pair only leaves the fact empty.
REGISTRATION_AUTHORITIES: dict[str, tuple[str, dict[str, str]]] = {
    "1": ("机构编制", {"1": "机关", "2": "事业单位", "3": "群团组织", "9": "其他"}),
    "2": ("外交", {}),
    "3": ("司法行政", {}),
    "4": ("文化", {}),
    "5": ("民政", {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}),
    "6": ("旅游", {}),
    "7": ("宗教", {}),
    "8": ("工会", {}),
    "9": ("市场监管（工商）", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {}),
    "N": ("农业", {}),
    "Y": ("其他", {}),
}

# 港澳台居民居住证 address codes; 830000 is missing from stdnum's table.
_RESIDENCE_PERMIT_REGIONS = {
    "810000": "香港特别行政区",
    "820000": "澳门特别行政区",
    "830000": "台湾地区",
}


@dataclass(frozen=True)
class ValidationResult:
    """What every identifier check returns; ``reason`` is empty exactly when ``is_valid``."""

    kind: str
    value: str
    is_valid: bool
    normalised: str = ""
    reason: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "valid": self.is_valid,
            "normalised": self.normalised,
            "reason": self.reason,
            "details": self.details,
            "warnings": list(self.warnings),
        }


def _compact(value: str) -> str:
    """Strip spaces and hyphens (also full-width ones) and upper-case."""
    value = value.translate({0x3000: " ", 0xFF0D: "-"})
    value = "".join(
        chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or "Ａ" <= c <= "Ｚ" else c for c in value
    )
    value = "".join(chr(ord(c) - 0xFEE0) if "ａ" <= c <= "ｚ" else c for c in value)
    return re.sub(r"[\s\-]", "", value).upper()


def org_code_check_char(body: str) -> str:
    """GB 11714 组织机构代码 check character over the 8 body characters.

    >>> org_code_check_char("60003734")
    '1'
    """
    total = sum(
        _ORG_CODE_ALPHABET.index(c) * w for c, w in zip(body, _ORG_CODE_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def _region_name(code: str, *, year: int | None = None) -> tuple[str, str, str] | None:
    """(province, prefecture, county) for a GB/T 2260 code, or None if the code is unknown.

    With ``year``, a county abolished before that year does not count (see the module docstring).
    """
    info: dict[str, str] = {}
    for _part, props in numdb.get("cn/loc").info(code):
        info.update(props)
    if "province" not in info:
        return None
    if code[2:] == "0000":
        return info["province"], "", ""
    counties = [c for c in info.get("county", "").split(",") if c]
    if not counties:
        return None
    # (start, end, name); open ends as 0 / 9999. Prefer the name in force in ``year``, else the
    # first one created later; without a year, the current one.
    spans = []
    for county in counties:
        start, end, name = 0, 9999, county
        if county.startswith("["):
            span, name = county[1:].split("]")
            first, last = span.split("-")
            start, end = int(first or 0), int(last or 9999)
        spans.append((start, end, name))
    if year is None:
        chosen = max(spans, key=lambda s: s[1])[2]
    else:
        later = sorted((s for s in spans if s[1] >= year), key=lambda s: (s[0] > year, s[0]))
        if not later:
            return None  # every county with this code was abolished before ``year``
        chosen = later[0][2]
    return info["province"], info.get("prefecture", ""), chosen


def _invalid(
    kind: str, value: str, reason: str, normalised: str = "", **details: Any
) -> ValidationResult:
    return ValidationResult(kind, value, False, normalised, reason, dict(details))


def validate_uscc(value: str, *, lenient: bool = False) -> ValidationResult:
    """Check a 统一社会信用代码 against GB 32100-2015 (and GB 11714 for the 主体标识码).

    >>> validate_uscc("91350211M0000XUF46").is_valid
    False
    >>> validate_uscc("91350211M0000XUF46", lenient=True).warnings[0][:6]
    '校验码不符合'
    """
    code = _compact(value)
    if not code:
        return _invalid("uscc", value, "统一社会信用代码为空")
    if len(code) != 18:
        return _invalid("uscc", value, f"长度错误：应为18位，实为{len(code)}位", code)
    bad = sorted({c for c in code if c not in USCC_ALPHABET})
    if bad:
        hint = "（不使用字母 I、O、Z、S、V）" if set(bad) <= set("IOZSV") else ""
        return _invalid("uscc", value, f"含非法字符：{'、'.join(bad)}{hint}", code)
    if code[0] not in REGISTRATION_AUTHORITIES:
        return _invalid("uscc", value, f"含非法字符：登记管理部门码“{code[0]}”不存在", code)
    if not code[2:8].isdigit():
        return _invalid("uscc", value, "含非法字符：第3至8位行政区划码应为数字", code)
    body = code[8:17]
    if org_code_check_char(body[:8]) != body[8]:
        return _invalid("uscc", value, "校验码错误：主体标识码（组织机构代码）校验位不符", code)
    authority, classes = REGISTRATION_AUTHORITIES[code[0]]
    details: dict[str, Any] = {
        "registration_authority": authority,
        "entity_class": classes.get(code[1], ""),
        "region_code": code[2:8],
        "region": _uscc_region(code[2:8]),
        "organisation_code": f"{body[:8]}-{body[8]}",
    }
    if stdnum_uscc.calc_check_digit(code) != code[17]:
        if code[2:4] == "35" and body.startswith("M"):
            note = "校验码不符合 GB 32100-2015，疑为早期试点地区（福建/厦门）赋予的代码"
            if lenient:
                return ValidationResult(
                    "uscc",
                    value,
                    True,
                    code,
                    "",
                    details,
                    (note + "，已按宽松规则接受，请向登记机关核实",),
                )
            return _invalid(
                "uscc", value, f"校验码错误（{note}，请向登记机关核实）", code, **details
            )
        return _invalid("uscc", value, "校验码错误", code)
    return ValidationResult("uscc", value, True, code, "", details)


def _uscc_region(region_code: str) -> str:
    if region_code == "100000":
        return "国家（中央）"
    names = _region_name(region_code)
    return " ".join(dict.fromkeys(n for n in names if n)) if names else ""


def ric_upgrade(number15: str) -> str:
    """Upgrade a 15-digit first-generation number: insert ``19`` and append the check digit.

    >>> ric_upgrade("150102880730303")
    '150102198807303035'
    """
    body = number15[:6] + "19" + number15[6:]
    return body + stdnum_ric.calc_check_digit(body + "0")


def validate_ric(
    value: str, *, allow_legacy: bool = True, today: date | None = None
) -> ValidationResult:
    """Check a 居民身份证号码 against GB 11643-1999; ``today`` also rejects future birth dates.

    >>> validate_ric("440524188001010014").details["birth_date"]
    '1880-01-01'
    >>> validate_ric("150102880730303").normalised
    '150102198807303035'
    """
    number = original = _compact(value)
    warnings: list[str] = []
    if not number:
        return _invalid("ric", value, "身份证号码为空")
    legacy = len(number) == 15
    if legacy and allow_legacy:
        if not number.isdigit():
            return _invalid("ric", value, "含非法字符：15位号码应全为数字", original)
        warnings.append("第一代15位号码，已按 GB 11643-1999 升位为18位，请核对")
        number = ric_upgrade(number)
    elif len(number) != 18:
        hint = "（第一代15位号码不予接受）" if legacy else ""
        return _invalid("ric", value, f"长度错误：应为18位，实为{len(number)}位{hint}", original)
    if not number[:17].isdigit() or number[17] not in "0123456789X":
        return _invalid("ric", value, "含非法字符：前17位应为数字，末位为数字或X", original)
    if stdnum_ric.calc_check_digit(number) != number[17]:
        return _invalid("ric", value, "校验码错误", number)
    if number[0] == "9":
        return _invalid(
            "ric",
            value,
            "地区码无效：以9开头的号码不是公民身份号码（可能是外国人永久居留身份证号码）",
            original,
            document_type="外国人永久居留身份证",
        )
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return _invalid("ric", value, f"出生日期无效：{number[6:14]}", original)
    if today is not None and birth > today:
        return _invalid("ric", value, f"出生日期无效：{birth.isoformat()} 晚于当前日期", original)
    details: dict[str, Any] = {
        "birth_date": birth.isoformat(),
        "gender": "男" if int(number[16]) % 2 else "女",
        "region_code": number[:6],
        "document_type": "居民身份证",
    }
    if legacy:
        details["legacy_number"] = original
    if number[:6] in _RESIDENCE_PERMIT_REGIONS:
        details["region"] = _RESIDENCE_PERMIT_REGIONS[number[:6]]
        details["document_type"] = "港澳台居民居住证"
    else:
        names = _region_name(number[:6], year=birth.year)
        if names is None:
            known = _region_name(number[:6]) is not None
            reason = (
                "地区码无效：该行政区划代码在出生年份前已撤销"
                if known
                else f"地区码无效：{number[:6]} 不是行政区划代码"
            )
            return _invalid("ric", value, reason, original)
        details["region"] = " ".join(n for n in names if n)
    return ValidationResult("ric", value, True, number, "", details, tuple(warnings))


# -- checks at the point of entry ---------------------------------------------------------------
# Where a number is typed (a public application, 立案, a licence application) it is refused with
# its reason; 15-digit first-generation numbers are refused there: they ceased to be valid with
# the second-generation cards (居民身份证法 2003, 第一代证 停止使用 2013-01-01) and a clerk can ask
# for the current number. Birth dates after today are refused.

_MOBILE = re.compile(r"1[3-9]\d{9}")
# 固定电话: optional 区号 (0 + 2–3 digits), a 7–8 digit local number not starting with 0 or 1,
# optional 分机; 400/800 service numbers (10 digits).
_LANDLINE = re.compile(r"(0\d{2,3})?[2-9]\d{6,7}(转\d{1,6}|#\d{1,6})?")
_SERVICE = re.compile(r"[48]00\d{7}")


def ric_entry_problem(value: str, *, today: date) -> str | None:
    """Why ``value`` cannot be taken as a 居民身份证号码 at entry, or None.

    >>> ric_entry_problem("120101199001011234", today=date(2026, 12, 7))
    '身份证号码校验码错误'
    >>> ric_entry_problem("150102880730303", today=date(2026, 12, 7))
    '身份证号码长度错误：应为18位，实为15位（第一代15位号码不予接受）'
    >>> ric_entry_problem("11010520300101001X", today=date(2026, 12, 7))  # born in 2030
    '身份证号码出生日期无效：2030-01-01 晚于当前日期'
    >>> ric_entry_problem("11010519491231002X", today=date(2026, 12, 7)) is None
    True
    """
    result = validate_ric(value, allow_legacy=False, today=today)
    return None if result.is_valid else f"身份证号码{result.reason}"


def uscc_entry_problem(value: str) -> str | None:
    """Why ``value`` cannot be taken as a 统一社会信用代码 at entry, or None.

    >>> uscc_entry_problem("91110000600037341A")
    '统一社会信用代码校验码错误'
    >>> uscc_entry_problem("91110000600037341L") is None
    True
    """
    result = validate_uscc(value)
    return None if result.is_valid else f"统一社会信用代码{result.reason}"


def phone_problem(value: str) -> str | None:
    """Why ``value`` is not a 手机号码 or 固定电话号码 one can call, or None.

    >>> phone_problem("1380000")
    '联系电话无效：手机号码应为11位（1开头），固定电话为区号加7至8位号码'
    >>> [phone_problem(p) for p in ("13800000000", "022-23456789", "23456789", "4008123123")]
    [None, None, None, None]
    """
    number = _compact(value).replace("(", "").replace(")", "").replace("+86", "", 1)
    if _MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number) or _SERVICE.fullmatch(number):
        return None
    return "联系电话无效：手机号码应为11位（1开头），固定电话为区号加7至8位号码"


def party_code_problem(kind: str, value: str, *, today: date) -> str | None:
    """A party's code at 立案: a 公民's 身份证号码 (``kind`` "person") or an organisation's
    统一社会信用代码; empty is left to the caller (not every party has one on record).

    >>> party_code_problem("org", "91110000600037341A", today=date(2026, 12, 7))
    '统一社会信用代码校验码错误'
    >>> party_code_problem("person", "", today=date(2026, 12, 7)) is None
    True
    """
    if not value.strip():
        return None
    if kind == "person":
        return ric_entry_problem(value, today=today)
    return uscc_entry_problem(value)
