"""The employer directory CSV (检查对象名录库): columns, encoding, one row's check. Pure Python.

Columns (Chinese header or the English alias): 统一社会信用代码 / uscc, 单位名称 / name,
所在区 / district, 抽查分层 / stratum are required; 行业 / industry, 规模 / size, 地址 / address and
状态 / active (在库 / 1 / 是, or 移出 / 0 / 否) are optional.

>>> detect_encoding("统一社会信用代码".encode("gbk"))
'gb18030'
>>> missing_columns(["uscc", "单位名称"])
['所在区', '抽查分层']
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from fazhi.core.domain.identifiers import USCC_ALPHABET, org_code_check_char, validate_uscc

COLUMNS: dict[str, tuple[str, ...]] = {
    "uscc": ("统一社会信用代码", "uscc"),
    "name": ("单位名称", "name"),
    "district": ("所在区", "district"),
    "stratum": ("抽查分层", "stratum"),
    "industry": ("行业", "industry"),
    "size": ("规模", "size"),
    "address": ("地址", "address"),
    "is_active": ("状态", "active"),
}
REQUIRED = ("uscc", "name", "district", "stratum")
LIMITS = {"name": 200, "district": 50, "stratum": 50, "industry": 100, "size": 50, "address": 300}
INACTIVE = {"0", "否", "移出", "注销", "false", "no", "inactive"}


def detect_encoding(sample: bytes) -> str:
    """UTF-8 (with or without BOM) when the sample decodes as UTF-8, else GB18030 (⊃ GBK)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def header_map(header: list[str]) -> dict[str, int]:
    """Field → column position, from a header row in Chinese or English."""
    found: dict[str, int] = {}
    for position, title in enumerate(header):
        title = title.strip().lstrip("\ufeff").lower()
        for field, names in COLUMNS.items():
            if title in {n.lower() for n in names} and field not in found:
                found[field] = position
    return found


def missing_columns(header: list[str]) -> list[str]:
    found = header_map(header)
    return [COLUMNS[f][0] for f in REQUIRED if f not in found]


@dataclass(frozen=True)
class RowCheck:
    values: dict[str, object]
    reason: str = ""


def check_row(row: list[str], columns: dict[str, int]) -> RowCheck:
    """Clean one data row; ``reason`` (Chinese) is set when the row cannot be imported."""
    values: dict[str, object] = {}
    for field, position in columns.items():
        values[field] = row[position].strip() if position < len(row) else ""
    for field in REQUIRED:
        if not values[field]:
            return RowCheck(values, f"缺少{COLUMNS[field][0]}")
    result = validate_uscc(str(values["uscc"]))
    if not result.is_valid:
        return RowCheck(values, f"统一社会信用代码“{values['uscc']}”无效：{result.reason}")
    values["uscc"] = result.normalised
    for field, limit in LIMITS.items():
        if len(str(values.get(field, ""))) > limit:
            return RowCheck(values, f"{COLUMNS[field][0]}超过 {limit} 个字")
    stratum = str(values["stratum"])
    if any(c in stratum for c in "\t\r\n") or stratum.startswith("#"):
        return RowCheck(values, "抽查分层含有不允许的字符")
    values["is_active"] = str(values.get("is_active", "")).strip().lower() not in INACTIVE
    for field in ("industry", "size", "address"):
        values.setdefault(field, "")
    return RowCheck(values)


def synthetic_uscc(region: str, serial: int, *, kind: str = "91") -> str:
    """A well-formed 统一社会信用代码 for demo and benchmark data (both check characters right).

    ``kind`` = 登记管理部门码 + 机构类别码 ("91" 企业); ``region`` = 6-digit 行政区划码; the
    8-digit 主体标识码 body is ``serial`` (decimal), its GB 11714 check character appended.

    >>> validate_uscc(synthetic_uscc("120101", 42)).is_valid
    True
    """
    body = f"{serial:08d}"
    if len(body) != 8:
        raise ValueError("serial must have at most 8 digits")
    first17 = f"{kind}{region}{body}{org_code_check_char(body)}"
    total = sum(USCC_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]
