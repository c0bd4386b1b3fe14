"""Feedback figures for enforcement: reconsideration, correction, loss and appearance rates.

Pure Python over plain rows, so a reviewer can check each figure by hand.

* 被复议率 = reconsideration cases / enforcement acts of the unit or power item (the acts come
  from the enforcement register; without them the rate is not shown);
* 纠错率 = decisions that corrected the act (撤销、变更、确认违法、责令履行、确认无效) / all
  reconsideration decisions (终止 and 不予受理 are not decisions on the merits);
* 败诉率 = suits lost / suits with a judgment or ruling;
* 负责人出庭率 = hearings the head attended / hearings held.

>>> r = Rate(1, 3)
>>> r.percent
'33.3%'
>>> Rate(0, 0).percent
'—'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def percent(self) -> str:
        value = self.value
        return "—" if value is None else f"{value * 100:.1f}%"


@dataclass(frozen=True)
class ReconRow:
    key: str
    decided: bool
    corrected: bool


@dataclass(frozen=True)
class SuitRow:
    key: str
    judged: bool
    lost: bool
    heard: bool
    head_appeared: bool


@dataclass
class Figures:
    key: str
    acts: int | None = None
    reconsiderations: int = 0
    decided: int = 0
    corrected: int = 0
    suits: int = 0
    judged: int = 0
    lost: int = 0
    heard: int = 0
    head_appeared: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def reconsideration_rate(self) -> Rate | None:
        """None when no acts of the key are on record (cases from before the platform)."""
        return Rate(self.reconsiderations, self.acts) if self.acts else None

    @property
    def correction_rate(self) -> Rate:
        return Rate(self.corrected, self.decided)

    @property
    def loss_rate(self) -> Rate:
        return Rate(self.lost, self.judged)

    @property
    def appearance_rate(self) -> Rate:
        return Rate(self.head_appeared, self.heard)


def figures(
    recons: Iterable[ReconRow],
    suits: Iterable[SuitRow],
    acts: Mapping[str, int] | None = None,
) -> dict[str, Figures]:
    """Figures per key (unit or power item), keys sorted.

    >>> out = figures([ReconRow("A", True, True), ReconRow("A", True, False)],
    ...               [SuitRow("A", True, True, True, False)], acts={"A": 40})
    >>> f = out["A"]
    >>> f.correction_rate.percent, f.loss_rate.percent, f.reconsideration_rate.percent
    ('50.0%', '100.0%', '5.0%')
    """
    acts = acts or {}
    out: dict[str, Figures] = {}

    def get(key: str) -> Figures:
        if key not in out:
            out[key] = Figures(key, acts.get(key))
        return out[key]

    for row in recons:
        f = get(row.key)
        f.reconsiderations += 1
        f.decided += row.decided
        f.corrected += row.decided and row.corrected
    for suit in suits:
        f = get(suit.key)
        f.suits += 1
        f.judged += suit.judged
        f.lost += suit.judged and suit.lost
        f.heard += suit.heard
        f.head_appeared += suit.heard and suit.head_appeared
    return dict(sorted(out.items()))


def total(rows: Mapping[str, Figures]) -> Figures:
    """The sum of every key's figures (acts summed only when every key has them)."""
    all_acts = [f.acts for f in rows.values()]
    result = Figures(
        "合计",
        sum(a for a in all_acts if a is not None) if all_acts and None not in all_acts else None,
    )
    for f in rows.values():
        for name in (
            "reconsiderations",
            "decided",
            "corrected",
            "suits",
            "judged",
            "lost",
            "heard",
            "head_appeared",
        ):
            setattr(result, name, getattr(result, name) + getattr(f, name))
    return result
