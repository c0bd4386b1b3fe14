"""The 双公示 data items (domain-rules.md §3): column codes and names, and how a row is written.

The official standard document was not found; the codes and names are those quoted by several
public implementations (国家公共信用信息中心 "双公示" 数据标准). Four exchange columns are ours:
``SJBH`` (数据编号, the record id the receipt refers to), ``CZLX`` (操作类型 新增/撤回), ``CHYY``
(撤回原因) — see docs/dev/publicity.md for the withdrawal representation.

Phone and address have no column; the ID-number and free-text columns mask by themselves
(masking.py), so no caller can export personal data in clear. The row builders are written
out value by value (not a loop over getters): they run a million times in an export.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from typing import Any, NamedTuple

from fazhi.core.domain.masking import mask_text
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.domain.formatting import CATEGORY_SEPARATOR, format_day, wanyuan, with_note
from fazhi.publicity.domain.masking import mask_id_number


class Exchange(NamedTuple):
    """What the record adds around its data: id, publicity end, withdrawal. (A named tuple:
    one is made per exported row, and a frozen dataclass costs five times as much to make.)"""

    record_no: str
    ends_on: date | None = None
    withdrawn: bool = False
    withdrawal_reason: str = ""
    change: str = ""


OPERATION_ADD = "新增"
OPERATION_WITHDRAW = "撤回"


def _party(p: str) -> tuple[tuple[str, str], ...]:
    fr = f"{p}_FR"
    return (
        (f"{p}_XDR_MC", "行政相对人名称"),
        (f"{p}_XDR_LB", "行政相对人类别"),
        (f"{p}_XDR_SHXYM", "行政相对人代码_1（统一社会信用代码）"),
        (f"{p}_XDR_GSZC", "行政相对人代码_2（工商注册号）"),
        (f"{p}_XDR_ZZJG", "行政相对人代码_3（组织机构代码）"),
        (f"{p}_XDR_SWDJ", "行政相对人代码_4（税务登记号）"),
        (f"{p}_XDR_SYDW", "行政相对人代码_5（事业单位证书号）"),
        (f"{p}_XDR_SHZZ", "行政相对人代码_6（社会组织登记证号）"),
        (f"{p}_FRDB", "法定代表人"),
        (f"{fr}_ZJLX", "法定代表人证件类型"),
        (f"{fr}_ZJHM", "法定代表人证件号码"),
        (f"{p}_XDR_ZJLX", "证件类型"),
        (f"{p}_XDR_ZJHM", "证件号码"),
    )


_EXCHANGE = (("BZ", "备注"), ("SJBH", "数据编号"), ("CZLX", "操作类型"), ("CHYY", "撤回原因"))

LICENSE_COLUMNS: tuple[tuple[str, str], ...] = (
    *_party("XK"),
    ("XK_XKWS", "行政许可决定文书名称"),
    ("XK_WSH", "行政许可决定文书号"),
    ("XK_XKLB", "许可类别"),
    ("XK_XKZS", "许可证书名称"),
    ("XK_XKBH", "许可编号"),
    ("XK_NR", "许可内容"),
    ("XK_JDRQ", "许可决定日期"),
    ("XK_YXQZ", "有效期自"),
    ("XK_YXQZI", "有效期至"),
    ("XK_XKJG", "许可机关"),
    ("XK_XKJGDM", "许可机关统一社会信用代码"),
    ("XK_ZT", "当前状态"),
    ("XK_LYDW", "数据来源单位"),
    ("XK_LYDWDM", "数据来源单位统一社会信用代码"),
    *_EXCHANGE,
)

PENALTY_COLUMNS: tuple[tuple[str, str], ...] = (
    *_party("CF"),
    ("CF_WSH", "行政处罚决定书文号"),
    ("CF_WFXW", "违法行为类型"),
    ("CF_SY", "违法事实"),
    ("CF_YJ", "处罚依据"),
    ("CF_CFLB", "处罚类别"),
    ("CF_NR", "处罚内容"),
    ("CF_NR_FK", "罚款金额（万元）"),
    ("CF_NR_WFFF", "没收违法所得、没收非法财物的金额（万元）"),
    ("CF_NR_ZKDX", "暂扣或吊销证照名称及编号"),
    ("CF_JDRQ", "处罚决定日期"),
    ("CF_YXQ", "处罚有效期"),
    ("CF_GSJZQ", "公示截止期"),
    ("CF_CFJG", "处罚机关"),
    ("CF_CFJGDM", "处罚机关统一社会信用代码"),
    ("CF_SJLY", "数据来源单位"),
    ("CF_SJLYDM", "数据来源单位统一社会信用代码"),
    *_EXCHANGE,
)

COLUMNS = {Kind.LICENSE: LICENSE_COLUMNS, Kind.PENALTY: PENALTY_COLUMNS}


def _text(value: str) -> str:
    """Free text with any ID or mobile number typed into it masked."""
    return mask_text(value) if value else ""


# Every ID or mobile number mask_text masks contains one of these (its ID pattern is 15 or 18
# digits, its mobile one 1[3-9]x, then 4 digits after an optional separator): a text without
# them is returned unchanged, and this search is five times cheaper than mask_text's own.
_MAY_MASK = re.compile(r"\d{15}|1[3-9]\d[\s\-]?\d{4}")


def _texts(*values: str) -> list[str]:
    """`_text` of each value; one cheap search over them all settles the usual case."""
    texts = [v or "" for v in values]
    if _MAY_MASK.search("\x00".join(texts)) is None:
        return texts
    return [_text(v) for v in texts]


def _id_number(id_type: str, number: str) -> str:
    return mask_id_number(id_type, number) if number else ""


def _party_values(d: Any) -> list[str]:
    return [
        d.party_name,
        d.party_category,
        d.uscc,
        d.reg_number,
        d.org_code,
        d.tax_number,
        d.institution_number,
        d.social_org_number,
        d.legal_rep,
        d.legal_rep_id_type,
        _id_number(d.legal_rep_id_type, d.legal_rep_id_number),
        with_note(d.person_id_type, d.person_id_type_note),
        _id_number(d.person_id_type, d.person_id_number),
    ]


def _exchange_values(remarks: str, x: Exchange) -> list[str]:
    """BZ (``remarks`` already masked), SJBH, CZLX, CHYY."""
    if x.withdrawn:
        return [remarks, x.record_no, OPERATION_WITHDRAW, f"{x.change}：{x.withdrawal_reason}"]
    return [remarks, x.record_no, OPERATION_ADD, ""]


def _categories(categories: Collection[str], note: str) -> str:
    if note and "其他" in categories:
        return CATEGORY_SEPARATOR.join(with_note(c, note) for c in categories)
    return CATEGORY_SEPARATOR.join(categories)  # with_note leaves every other value as it is


def license_row(d: Any, x: Exchange, style: str) -> list[str]:
    content, remarks = _texts(d.content, d.remarks)
    return [
        *_party_values(d),
        d.document_title,
        d.document_number or d.licence_number,  # XK_WSH: "无文书号时填许可编号"
        with_note(d.license_category, d.category_note),
        d.licence_name,
        d.licence_number,
        content,
        format_day(d.decided_on, style),
        format_day(d.valid_from, style),
        format_day(d.valid_to, style),
        d.authority,
        d.authority_uscc,
        # XK_ZT: 1 = 有效, 2 = 无效 (the likely reading of the sample value; domain-rules §3).
        "2" if x.withdrawn else "1",
        d.source_unit,
        d.source_unit_uscc,
        *_exchange_values(remarks, x),
    ]


def penalty_row(d: Any, x: Exchange, style: str) -> list[str]:
    violation, facts, basis, content, measure, remarks = _texts(
        d.violation_type, d.facts, d.basis, d.content, d.licence_measure, d.remarks
    )
    ends = format_day(x.ends_on, style)
    return [
        *_party_values(d),
        d.document_number,
        violation,
        facts,
        basis,
        _categories(d.penalty_categories, d.category_note),
        content,
        wanyuan(d.fine_yuan),
        wanyuan(d.confiscation_yuan),
        measure,
        format_day(d.decided_on, style),
        ends,  # CF_YXQ 处罚有效期: filled with the publicity end, the only period the record has
        ends,  # CF_GSJZQ
        d.authority,
        d.authority_uscc,
        d.source_unit,
        d.source_unit_uscc,
        *_exchange_values(remarks, x),
    ]


ROW_BUILDERS = {Kind.LICENSE: license_row, Kind.PENALTY: penalty_row}


def columns_for(kind: str) -> tuple[tuple[str, str], ...]:
    try:
        return COLUMNS[Kind(kind)]
    except (KeyError, ValueError):
        raise ValueError(f"双公示只交换行政许可和行政处罚，不含“{kind}”") from None


def header(kind: str) -> list[str]:
    return [code for code, _name in columns_for(kind)]


def export_row(kind: str, data: Any, exchange: Exchange, style: str) -> list[str]:
    """One row in column order, masked as every public output is; ``data`` is a `DecisionData`
    or any row with its attribute names."""
    return ROW_BUILDERS[Kind(kind)](data, exchange, style)
