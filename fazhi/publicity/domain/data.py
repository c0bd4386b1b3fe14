"""The data of one decision to publish: what a producer (enforcement, licensing) hands over.

Field names equal the columns of ``PublicityRecord``, so a record or a ``.values()`` row turns
into a `DecisionData` without mapping. Pure Python: no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(slots=True)
class DecisionData:
    """One 行政许可, 行政处罚 or other enforcement decision, as the 双公示 standard describes it.

    Personal data (``person_id_number``, ``legal_rep_id_number``, ``party_phone``,
    ``party_address``) is kept in full for the bureau; every public output masks or drops it.
    Rules read it by attribute only, so any row with these attribute names (a ``values_list(
    named=True)`` row in the export) can stand in for it. Slotted, not frozen: a million are
    built in an export and frozen dataclasses are slow to construct.
    """

    party_category: str  # PartyCategory value
    party_name: str
    decided_on: date
    authority: str  # XK_XKJG / CF_CFJG
    authority_uscc: str
    source_unit: str  # 数据来源单位
    source_unit_uscc: str
    document_number: str = ""  # XK_WSH / CF_WSH
    document_title: str = ""  # XK_XKWS
    content: str = ""  # XK_NR / CF_NR; for other decisions the 执法结论
    uscc: str = ""  # 代码_1
    reg_number: str = ""  # 代码_2 工商注册号
    org_code: str = ""  # 代码_3 组织机构代码
    tax_number: str = ""  # 代码_4 税务登记号
    institution_number: str = ""  # 代码_5 事业单位证书号
    social_org_number: str = ""  # 代码_6 社会组织登记证号
    legal_rep: str = ""
    legal_rep_id_type: str = ""  # IdType value
    legal_rep_id_number: str = ""
    person_id_type: str = ""  # IdType value, for 自然人
    person_id_number: str = ""
    person_id_type_note: str = ""  # the document when person_id_type is 其他 (→ "其他-<说明>")
    party_phone: str = ""  # never published
    party_address: str = ""  # never published
    violation_type: str = ""  # CF_WFXW; for other decisions the 执法类别
    facts: str = ""  # CF_SY
    basis: str = ""  # CF_YJ
    penalty_categories: tuple[str, ...] = field(default_factory=tuple)  # CF_CFLB
    category_note: str = ""  # what "其他" means (CF_CFLB / XK_XKLB)
    fine_yuan: Decimal | None = None  # CF_NR_FK, in 元 (exported in 万元)
    confiscation_yuan: Decimal | None = None  # CF_NR_WFFF, in 元
    licence_measure: str = ""  # CF_NR_ZKDX 暂扣或吊销证照名称及编号
    license_category: str = ""  # XK_XKLB
    licence_name: str = ""  # XK_XKZS
    licence_number: str = ""  # XK_XKBH
    valid_from: date | None = None  # XK_YXQZ
    valid_to: date | None = None  # XK_YXQZI; 2099-12-31 = 长期
    remarks: str = ""  # BZ

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return _FIELD_NAMES

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> DecisionData:
        """Build from a dict (a model's ``.values()`` row); unknown keys are ignored, ``None``
        text becomes ``""`` and the category list a tuple."""
        kwargs = {}
        for name in _FIELD_NAMES:
            if name not in values:
                continue
            value = values[name]
            if value is None and name not in _NULLABLE:
                value = ""
            kwargs[name] = value
        if "penalty_categories" in kwargs:
            kwargs["penalty_categories"] = tuple(kwargs["penalty_categories"] or ())
        return cls(**kwargs)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELD_NAMES}


_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(DecisionData))
_NULLABLE = frozenset({"fine_yuan", "confiscation_yuan", "valid_from", "valid_to", "decided_on"})
