"""What a public output carries of a party's personal data.

Rule (国办发〔2018〕118号 二: 个人隐私"作适当处理后公开"; 行政处罚法 第五十条; 个人信息保护法
第三十四条): a natural person's ID number, phone and address never appear on a public page, in
the API or in a file sent to the public. Decisions taken here (domain-rules.md §4 practice):

* ID numbers (a 自然人's own and a 法定代表人's) are published as first 6 + ``********`` + last 4
  (``fazhi.core.domain.masking.mask_ric``); other ID types keep at most their last 4 characters;
* phone and address are never output, not even masked;
* free text (facts, content, basis, remarks, a withdrawal's reason) passes through
  ``mask_free_text``: any ID or mobile number typed into it (``mask_text``) and any street
  address (``mask_addresses``: the part below 区/县 level, like ``mask_address``) are masked;
* names are published in full (a party is identified by name in a published decision);
* a withdrawn decision (行政处罚法 第四十八条第二款: 撤销、变更、确认违法或无效 → 撤回公开) keeps
  on the public side only the fact of withdrawal, its date and its reason, and what names the
  withdrawn act itself (kind, 文书号, 决定机关, 决定日期): ``withdrawn_public_data`` blanks the
  party, its identifiers, the facts and the content.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import Any

from fazhi.core.domain.masking import MASK, mask_ric, mask_text
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
    changes: dict[str, Any] = dict.fromkeys(NEVER_PUBLIC, "")
    changes["person_id_number"] = mask_id_number(data.person_id_type, data.person_id_number)
    changes["legal_rep_id_number"] = mask_id_number(
        data.legal_rep_id_type, data.legal_rep_id_number
    )
    for name in FREE_TEXT:
        value = getattr(data, name)
        if value:
            changes[name] = mask_free_text(value)
    return replace(data, **changes)


# What of a withdrawn decision stays public: the fields that name the withdrawn act.
WITHDRAWN_KEEPS = frozenset({"document_title", "document_number", "decided_on", "authority"})
WITHDRAWN_KEEPS |= {"authority_uscc", "source_unit", "source_unit_uscc"}


def withdrawn_public_data(data: DecisionData) -> DecisionData:
    """A withdrawn decision as the public sees it: only what names the act (``WITHDRAWN_KEEPS``);
    the party, identifiers, facts, basis and content are blanked (行政处罚法 第四十八条第二款).

    >>> from datetime import date
    >>> d = withdrawn_public_data(DecisionData("自然人", "张三", date(2019, 9, 27), "某局", "",
    ...     "某局", "", facts="某事实", document_number="津人社监罚〔2019〕13号"))
    >>> d.party_name, d.facts, d.document_number
    ('', '', '津人社监罚〔2019〕13号')
    """
    blank: dict[str, Any] = {}
    for f in fields(data):
        if f.name in WITHDRAWN_KEEPS:
            continue
        value = getattr(data, f.name)
        if isinstance(value, str):
            blank[f.name] = ""
        elif isinstance(value, tuple | list):
            blank[f.name] = type(value)()
        else:
            blank[f.name] = None
    return replace(data, **blank)


# A street address typed into free text: a street, lane, village or estate name (no digits, no
# punctuation, not crossing a 区/县/市/省 or a word that introduces it), then a number with 号,
# then any building, unit, floor or room parts. Only from the street down is masked: the
# 区/县 part before it is kept, as ``fazhi.core.domain.masking.mask_address`` keeps it.
_NUM = r"[0-9０-９一二三四五六七八九十百零〇甲乙丙丁A-Za-z]+"
_STREET_NAME = r"[^\s0-9０-９，。；：、,.;:()（）“”\"'《》〔〕\[\]省市区县旗镇乡于在住址所为是到至及和与]{1,10}"
_STREET_SUFFIX = r"(?:大街|大道|胡同|小区|花园|公寓|大厦|新村|路|街|道|巷|弄|里|村|园|苑|庄)"
_BUILDING_PART = (
    rf"(?:[\s\-－—]?{_NUM}(?:号楼|号院|号|楼|栋|幢|座|门|单元|层|室|户|组)|[\-－—]{_NUM})"
)
_ADDRESS_IN_TEXT = re.compile(
    rf"{_STREET_NAME}{_STREET_SUFFIX}\s*{_NUM}\s*(?:号院|号楼|号|弄|组){_BUILDING_PART}*"
    rf"|(?<=住所：|住址：|地址：|住所地|住址为|住所为|地址为|家住在|家住于)[^，。；、,;\n]{{1,60}}"
)


def mask_addresses(text: str) -> str:
    """Mask every street address typed into free text (below the 区/县 level), like the ID and
    phone numbers ``mask_text`` masks; a text without one is returned unchanged.

    >>> mask_addresses("当事人在天津市和平区南京路123号4门501室经营职业中介。")
    '当事人在天津市和平区****经营职业中介。'
    >>> mask_addresses("住址：河西区友谊路某小区，系该公司负责人")
    '住址：****，系该公司负责人'
    >>> mask_addresses("依据人社部令第26号、津人社规字〔2019〕5号")
    '依据人社部令第26号、津人社规字〔2019〕5号'
    """
    if not text:
        return text or ""
    return _ADDRESS_IN_TEXT.sub(MASK * 4, text)


def mask_free_text(text: str) -> str:
    """Free text as published: ID and mobile numbers and street addresses masked.

    >>> mask_free_text("张三（13812345678）住南开区鞍山西道100号")
    '张三（138****5678）住南开区****'
    """
    return mask_addresses(mask_text(text))
