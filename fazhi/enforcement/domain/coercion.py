"""行政强制措施 (查封、扣押 and other on-site coercion) only where the power item's basis grants
them. Pure.

* 行政强制法 第十条: 行政强制措施 are set by law (within limits, by 行政法规 or 地方性法规); without
  such a grant none may be taken. 第十七条: they are taken by the body the law or regulation
  names, within its powers, and cannot be entrusted.
* 劳动保障监察条例 第十五条 lists what labour inspection may do: enter the workplace, question
  people, demand documents (调查询问书), record, tape, film, photograph or copy, and have wages and
  contributions audited. It grants no 查封、扣押 and no other coercive measure.
* 社会保险法 第六十三条第三款 leaves 扣押、查封、拍卖 of an employer's property to the court, on
  the collecting body's application (the arrears steps, not a case act).

So no power item of this bureau grants a coercive measure by default (``GRANTS`` is empty). A
bureau holding an item whose basis does grant one lists it in
``settings.FAZHI["ENFORCEMENT_COERCION_GRANTS"]`` — ``{"<power item code>": {"measures":
["seizure"], "basis": "《…》第…条"}}`` — and the form offers, and the service accepts, exactly
those measures for cases under that item.

>>> offered([ActKind.INSPECTION, ActKind.SEIZURE, ActKind.ONSITE_COERCION], "CF-JC-26", {})
[<ActKind.INSPECTION: 'inspection'>]
>>> check_granted(kind=ActKind.SEIZURE, power_item_code="CF-JC-26", procedure="labor_inspection",
...               grants={})
Traceback (most recent call last):
...
fazhi.core.domain.errors.Refused: 权责事项 CF-JC-26 的设定依据未授予“查封、扣押”，劳动保障监察不能采取该行政强制措施（依据：《中华人民共和国行政强制法》第十条、第十七条；《劳动保障监察条例》第十五条）
>>> grants = grants_from_setting({"QZ-X-1": {"measures": ["seizure"], "basis": "《某法》第十条"}})
>>> check_granted(kind=ActKind.SEIZURE, power_item_code="QZ-X-1", procedure="general",
...               grants=grants)
>>> offered([ActKind.SEIZURE, ActKind.ONSITE_COERCION], "QZ-X-1", grants)
[<ActKind.SEIZURE: 'seizure'>]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain.acts import ACT_LABELS, ActKind
from fazhi.enforcement.domain.errors import ErrorCode

BASIS_COERCION = "《中华人民共和国行政强制法》第十条、第十七条"
BASIS_INSPECTION = "《劳动保障监察条例》第十五条"

# The act kinds that are 行政强制措施 (行政强制法 第二条第二款、第九条).
COERCIVE_KINDS = frozenset({ActKind.SEIZURE, ActKind.ONSITE_COERCION})


@dataclass(frozen=True)
class Grant:
    """The coercive measures a power item's basis grants, and the article that grants them."""

    measures: frozenset[ActKind]
    basis: str


# Built in: none of the bureau's 劳动保障 power items is granted a coercive measure (see above).
GRANTS: dict[str, Grant] = {}


def grants_from_setting(value: Mapping[str, Any] | None) -> dict[str, Grant]:
    """The built-in table with the configured grants (ValueError on an unknown measure)."""
    table = dict(GRANTS)
    for code, entry in (value or {}).items():
        measures = frozenset(ActKind(m) for m in entry.get("measures", ()))
        if measures - COERCIVE_KINDS:
            raise ValueError(f"{code}：只能授予行政强制措施（{sorted(COERCIVE_KINDS)}）")
        if not str(entry.get("basis", "")).strip():
            raise ValueError(f"{code}：须写明设定该行政强制措施的法律、法规条款")
        table[code] = Grant(measures, str(entry["basis"]))
    return table


def granted(power_item_code: str, grants: Mapping[str, Grant]) -> frozenset[ActKind]:
    grant = grants.get(power_item_code)
    return grant.measures if grant else frozenset()


def offered(
    kinds: Iterable[ActKind], power_item_code: str, grants: Mapping[str, Grant]
) -> list[ActKind]:
    """The act kinds to offer for a case under ``power_item_code``: every non-coercive kind, and
    the coercive ones its basis grants."""
    allowed = granted(power_item_code, grants)
    return [k for k in kinds if k not in COERCIVE_KINDS or k in allowed]


def check_granted(
    *, kind: str, power_item_code: str, procedure: str, grants: Mapping[str, Grant]
) -> None:
    """Refuse a coercive act the power item's basis does not grant."""
    kind = ActKind(kind)
    if kind not in COERCIVE_KINDS or kind in granted(power_item_code, grants):
        return
    inspection = procedure == "labor_inspection"
    who = "劳动保障监察" if inspection else "本案"
    basis = f"{BASIS_COERCION}；{BASIS_INSPECTION}" if inspection else BASIS_COERCION
    raise Refused(
        f"权责事项 {power_item_code} 的设定依据未授予“{ACT_LABELS[kind]}”，{who}不能采取该行政强制措施",
        basis,
        code=ErrorCode.COERCION_NOT_GRANTED,
    )
