"""What a public output carries of a party's personal data.

Rule (国办发〔2018〕118号 二: 个人隐私"作适当处理后公开"; 行政处罚法 第五十条; 个人信息保护法
第三十四条): a natural person's ID number, phone and address never appear on a public page, in
the API or in a file sent to the public. Decisions taken here (domain-rules.md §4 practice):

* ID numbers (a 自然人's own and a 法定代表人's) are published as first 6 + ``********`` + last 4
  (``fazhi.core.domain.masking.mask_ric``); other ID types keep at most their last 4 characters;
* phone and address are never output, not even masked;
* free text (facts, content, basis, remarks) passes through ``mask_text``, which masks any ID or
  mobile number typed into it;
* names are published in full (a party is identified by name in a published decision).
"""

from __future__ import annotations

from dataclasses import replace

from fazhi.core.domain.masking import mask_ric, mask_text
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import IdType

NEVER_PUBLIC = frozenset({"party_phone", "party_address"})
ID_NUMBERS = frozenset({"person_id_number", "legal_rep_id_number"})
FREE_TEXT = frozenset({"facts", "content", "basis", "remarks", "violation_type", "licence_measure"})


def mask_id_number(id_type: str, number: str) -> str:
    """An ID number as published.

    >>> mask_id_number("身份证", "11010519491231002X")
    '110105********002X'
    >>> mask_id_number("护照号", "E12345678")
    '*****5678'
    """
    number = (number or "").strip()
    if not number:
        return ""
    if id_type in ("", IdType.RESIDENT_ID):
        return mask_ric(number)
    return mask_ric(number) if len(number) in (15, 18) else _tail(number, 4)


def _tail(value: str, keep: int) -> str:
    if len(value) <= keep * 2:
        return "*" * len(value)
    return "*" * (len(value) - keep) + value[-keep:]


def public_data(data: DecisionData) -> DecisionData:
    """The same decision with personal data masked or dropped, ready for any public output."""
    changes = dict.fromkeys(NEVER_PUBLIC, "")
    changes["person_id_number"] = mask_id_number(data.person_id_type, data.person_id_number)
    changes["legal_rep_id_number"] = mask_id_number(
        data.legal_rep_id_type, data.legal_rep_id_number
    )
    for name in FREE_TEXT:
        value = getattr(data, name)
        if value:
            changes[name] = mask_text(value)
    return replace(data, **changes)
