"""Comparing two versions of the 政务服务事项 catalogue: the reductions the annual report quotes.

Pure Python. The figures are computed from the two catalogues, never typed in:

* **licensing items** — items whose kind is 行政许可 (``ItemKind.LICENSING``);
* **materials** — the materials an applicant must hand in: required (``is_required``) and not
  obtainable by data sharing (``is_shared`` = 免提交), summed over every item of the catalogue;
* **average time** — the mean promised time limit (承诺时限, working days; 即办 = 0) over every
  item of the catalogue.

The reduction of a measure from ``old`` to ``new`` is ``(old − new) ÷ old × 100``, rounded half
up to a whole percent (``reduction_percent``); a growth is a negative reduction; ``old = 0``
gives ``None`` (no percentage exists). The one-decimal value is kept for audit (``exact``).

>>> reduction_percent(8, 4)
Decimal('50')
>>> reduction_percent(17, Decimal("2.875")).quantize(Decimal(1))
Decimal('83')
>>> reduction_percent(0, 3) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any


class ItemKind(StrEnum):
    LICENSING = "licensing"
    CONFIRMATION = "confirmation"
    BENEFIT = "benefit"
    PUBLIC_SERVICE = "public_service"
    OTHER = "other"


ITEM_KIND_LABELS: dict[ItemKind, str] = {
    ItemKind.LICENSING: "行政许可",
    ItemKind.CONFIRMATION: "行政确认",
    ItemKind.BENEFIT: "行政给付",
    ItemKind.PUBLIC_SERVICE: "公共服务",
    ItemKind.OTHER: "其他政务服务",
}


@dataclass(frozen=True)
class MaterialFacts:
    name: str
    is_required: bool = True
    is_shared: bool = False  # 可共享免提交: the bureau obtains it from another system

    @property
    def applicant_submits(self) -> bool:
        return self.is_required and not self.is_shared


@dataclass(frozen=True)
class ItemFacts:
    code: str
    name: str
    kind: str
    promised_days: int
    materials: tuple[MaterialFacts, ...] = ()
    merged_into: str = ""  # in the OLD catalogue: code of the item that absorbs this one

    @property
    def submitted_materials(self) -> int:
        return sum(1 for m in self.materials if m.applicant_submits)


@dataclass(frozen=True)
class CatalogueFigures:
    items: int
    by_kind: dict[str, int]
    licensing_items: int
    materials: int
    promised_days_total: int
    average_promised_days: Decimal  # two decimals, half up

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "by_kind": dict(self.by_kind),
            "licensing_items": self.licensing_items,
            "materials": self.materials,
            "promised_days_total": self.promised_days_total,
            "average_promised_days": str(self.average_promised_days),
        }


@dataclass(frozen=True)
class Reduction:
    measure: str
    label: str
    old: Decimal
    new: Decimal
    percent: Decimal | None  # whole percent, half up
    exact: Decimal | None  # one decimal, half up

    def as_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "label": self.label,
            "old": str(self.old),
            "new": str(self.new),
            "percent": None if self.percent is None else int(self.percent),
            "exact": None if self.exact is None else str(self.exact),
        }


@dataclass(frozen=True)
class Comparison:
    old: CatalogueFigures
    new: CatalogueFigures
    reductions: tuple[Reduction, ...]
    removed: tuple[ItemFacts, ...] = ()  # in old, gone from new, not merged
    merged: tuple[tuple[ItemFacts, str], ...] = ()  # (old item, code it was merged into)
    added: tuple[ItemFacts, ...] = ()  # in new only
    kept: tuple[str, ...] = field(default=())

    def reduction(self, measure: str) -> Reduction:
        return next(r for r in self.reductions if r.measure == measure)

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old.as_dict(),
            "new": self.new.as_dict(),
            "reductions": [r.as_dict() for r in self.reductions],
            "removed": [{"code": i.code, "name": i.name, "kind": i.kind} for i in self.removed],
            "merged": [
                {"code": i.code, "name": i.name, "kind": i.kind, "merged_into": into}
                for i, into in self.merged
            ],
            "added": [{"code": i.code, "name": i.name, "kind": i.kind} for i in self.added],
            "kept": list(self.kept),
        }


def _half_up(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def reduction_percent(
    old: int | Decimal, new: int | Decimal, *, places: str = "1"
) -> Decimal | None:
    """``(old − new) ÷ old × 100`` rounded half up; ``None`` when ``old`` is zero.

    >>> reduction_percent(100, 70)
    Decimal('30')
    >>> reduction_percent(3, 4, places="0.1")
    Decimal('-33.3')
    """
    old, new = Decimal(old), Decimal(new)
    if old == 0:
        return None
    return _half_up((old - new) / old * 100, places)


def catalogue_figures(items: Iterable[ItemFacts]) -> CatalogueFigures:
    """Counts of one catalogue.

    >>> f = catalogue_figures([ItemFacts("A", "甲", "licensing", 20, (MaterialFacts("申请书"),)),
    ...                        ItemFacts("B", "乙", "public_service", 0)])
    >>> (f.items, f.licensing_items, f.materials, f.average_promised_days)
    (2, 1, 1, Decimal('10.00'))
    """
    items = list(items)
    by_kind: dict[str, int] = {}
    for item in items:
        by_kind[item.kind] = by_kind.get(item.kind, 0) + 1
    total_days = sum(i.promised_days for i in items)
    average = _half_up(Decimal(total_days) / len(items), "0.01") if items else Decimal("0.00")
    return CatalogueFigures(
        items=len(items),
        by_kind=dict(sorted(by_kind.items())),
        licensing_items=by_kind.get(ItemKind.LICENSING.value, 0),
        materials=sum(i.submitted_materials for i in items),
        promised_days_total=total_days,
        average_promised_days=average,
    )


def _reduction(measure: str, label: str, old: Decimal | int, new: Decimal | int) -> Reduction:
    def shown(value: Decimal | int) -> Decimal:
        value = Decimal(value)
        return value if value == value.to_integral_value() else _half_up(value, "0.01")

    return Reduction(
        measure,
        label,
        shown(old),
        shown(new),
        reduction_percent(old, new),
        reduction_percent(old, new, places="0.1"),
    )


def compare_catalogues(old: Sequence[ItemFacts], new: Sequence[ItemFacts]) -> Comparison:
    """The three reductions and the lists of removed, merged and added items.

    The average time reduction uses the unrounded means (total ÷ count), so rounding the
    averages for display never moves the percentage.

    >>> a = [ItemFacts("X", "甲", "licensing", 20), ItemFacts("Y", "乙", "licensing", 20, merged_into="X")]
    >>> c = compare_catalogues(a, [ItemFacts("X", "甲", "licensing", 5)])
    >>> c.reduction("licensing_items").percent, [i.code for i, _ in c.merged]
    (Decimal('50'), ['Y'])
    """
    f_old, f_new = catalogue_figures(old), catalogue_figures(new)
    new_codes = {i.code for i in new}
    old_codes = {i.code for i in old}
    removed, merged = [], []
    for item in old:
        if item.code in new_codes:
            continue
        if item.merged_into and item.merged_into in new_codes:
            merged.append((item, item.merged_into))
        else:
            removed.append(item)
    mean_old = Decimal(f_old.promised_days_total) / f_old.items if f_old.items else Decimal(0)
    mean_new = Decimal(f_new.promised_days_total) / f_new.items if f_new.items else Decimal(0)
    reductions = (
        _reduction("licensing_items", "行政许可事项", f_old.licensing_items, f_new.licensing_items),
        _reduction("materials", "申请材料", f_old.materials, f_new.materials),
        _reduction("average_promised_days", "平均承诺办理时限", mean_old, mean_new),
    )
    return Comparison(
        old=f_old,
        new=f_new,
        reductions=reductions,
        removed=tuple(removed),
        merged=tuple(merged),
        added=tuple(i for i in new if i.code not in old_codes),
        kept=tuple(sorted(old_codes & new_codes)),
    )
