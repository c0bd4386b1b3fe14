"""What a report figure is: a named, versioned definition and the value it returns. Pure Python.

A figure is never typed into a report (法治政府建设与责任落实督察工作规定 第二十五条 asks for the
year's measures and results; the bureau must be able to show where each number comes from). Each
definition says what it counts, over which records and for which year; its value carries the
records behind it, or — when the records cannot produce it — says which records are missing
instead of a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any


class Unit(StrEnum):
    COUNT = "件"
    PEOPLE = "名"
    ITEMS = "项"
    PERCENT = "%"
    TIMES = "次"
    TEAMS = "支"


@dataclass(frozen=True)
class Definition:
    """``key`` and ``version`` name the definition; a change to what is counted is a new
    version, so a frozen report still says which definition produced its numbers."""

    key: str
    version: int
    title: str
    unit: Unit
    counts: str  # what is counted, over which records, for which year (shown beside the figure)
    part: str  # the report section the figure belongs to (a key of layouts.SECTIONS)


@dataclass(frozen=True)
class Record:
    """One record behind a figure: what the reader sees and where it opens."""

    label: str
    model: str  # app_label.model, e.g. "disputes.reconsiderationcase"
    pk: int


@dataclass(frozen=True)
class Value:
    definition: Definition
    year: int
    value: Decimal | None
    records: tuple[Record, ...] = ()
    missing: str = ""  # which records are missing when ``value`` is None
    parts: dict[str, str] = field(default_factory=dict)  # numerator/denominator and the like

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def display(self) -> str:
        """How the figure reads in a sentence.

        >>> d = Definition("x", 1, "持证率", Unit.PERCENT, "", "")
        >>> Value(d, 2019, Decimal("100")).display
        '100%'
        >>> Value(d, 2019, Decimal("-83.33")).display
        '-83.3%'
        >>> Value(Definition("n", 1, "复议", Unit.COUNT, "", ""), 2019, Decimal(141)).display
        '141件'
        >>> Value(d, 2019, None, missing="没有记录").display
        '（待补：没有记录）'
        """
        if self.value is None:
            return f"（待补：{self.missing}）"
        return number_text(self.value, self.definition.unit) + self.definition.unit.value

    def as_dict(self) -> dict[str, Any]:
        d = self.definition
        return {
            "key": d.key,
            "version": d.version,
            "title": d.title,
            "unit": d.unit.value,
            "counts": d.counts,
            "year": self.year,
            "value": None if self.value is None else str(self.value),
            "display": self.display,
            "missing": self.missing,
            "parts": dict(self.parts),
            "records": [{"label": r.label, "model": r.model, "id": r.pk} for r in self.records],
        }


def number_text(value: Decimal, unit: Unit) -> str:
    """Whole numbers without decimals; percentages to one decimal place when not whole.

    >>> number_text(Decimal("50.00"), Unit.PERCENT), number_text(Decimal("29.6"), Unit.PERCENT)
    ('50', '29.6')
    """
    if unit is Unit.PERCENT:
        rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return (
            str(rounded.to_integral_value())
            if rounded == rounded.to_integral_value()
            else str(rounded)
        )
    return str(value.to_integral_value(rounding=ROUND_HALF_UP))


def percent(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator as a percentage, or None when there is nothing to divide by.

    >>> percent(136, 136), percent(0, 0), percent(1, 3)
    (Decimal('100.00'), None, Decimal('33.33'))
    """
    if denominator == 0:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def change_percent(before: int | Decimal, after: int | Decimal) -> Decimal | None:
    """The relative change from ``before`` to ``after``, as the report states a reduction
    (a negative number is a reduction).

    >>> change_percent(10, 5), change_percent(0, 3)
    (Decimal('-50.00'), None)
    """
    if not before:
        return None
    return ((Decimal(after) - Decimal(before)) * 100 / Decimal(before)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def differences(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> list[tuple[str, str, str]]:
    """(key, old display, new display) for every figure whose value changed between two
    snapshots (``Value.as_dict()`` keyed by figure key): what a refreshed draft asks staff to
    accept.

    >>> differences({"a": {"value": "141", "display": "141件"}},
    ...             {"a": {"value": "142", "display": "142件"}})
    [('a', '141件', '142件')]
    """
    out = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key, {}), new.get(key, {})
        if before.get("value") != after.get("value") or before.get("missing") != after.get(
            "missing"
        ):
            out.append((key, before.get("display", "（无）"), after.get("display", "（无）")))
    return out
