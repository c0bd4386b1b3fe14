"""行政执法统计年报: the counting rules (domain-rules-2 §22; 广东 样式 2018, VERIFIED). Pure.

* Decisions dated 1 January – 31 December count, including those later revoked.
* A 并处 counts once, under the heaviest type (没收 + 罚款 → 没收). "Heaviest" follows the order
  of 行政处罚法（2021）第九条, read from light to heavy, which is also the layout's column order.
* 罚没金额 = the amount in the 决定书, in 万元 (four decimals); confiscation with no fixable value
  is left out.
* Due by 31 January of the next year (国办发〔2018〕118号 (六)).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from fazhi.core.domain.errors import Refused

BASIS = "国办发〔2018〕118号（六）；行政执法统计年报样式（广东省，2018）"

# (code, column label), light → heavy (行政处罚法 第九条)
TYPES: tuple[tuple[str, str], ...] = (
    ("warning", "警告、通报批评"),
    ("fine", "罚款"),
    ("confiscation", "没收违法所得、没收非法财物"),
    ("suspend_lower", "暂扣许可证件、降低资质等级"),
    ("revoke", "吊销许可证件"),
    ("restrict", "限制开展生产经营活动"),
    ("suspend_close", "责令停产停业、责令关闭、限制从业"),
    ("detention", "行政拘留"),
    ("other", "其他"),
)
TYPE_LABELS = dict(TYPES)
_RANK = {code: i for i, (code, _) in enumerate(TYPES[:-1])}

# enforcement's measures (fazhi.enforcement.domain.review.Measure values) → the layout's types
MEASURE_TYPES = {
    "warning": "warning",
    "confiscation": "confiscation",
    "lower_qualification": "suspend_lower",
    "revoke_licence": "revoke",
    "suspend_business": "suspend_close",
    "close_down": "suspend_close",
    "restrict_practice": "suspend_close",
}


def due_date(year: int) -> date:
    """The 年报 is due by 31 January of the next year.

    >>> due_date(2019)
    datetime.date(2020, 1, 31)
    """
    return date(year + 1, 1, 31)


def check_publishable(year: int, *, today: date) -> None:
    """The 年报 of a year is published once the year is over (and not for a year to come).

    >>> check_publishable(2019, today=date(2020, 1, 1))
    >>> check_publishable(2019, today=date(2019, 12, 31))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 2019年尚未结束，不能公布该年度统计年报（依据：国办发〔2018〕118号（六）；行政执法统计年报样式（广东省，2018））
    """
    if today <= date(year, 12, 31):
        raise Refused(f"{year}年尚未结束，不能公布该年度统计年报", BASIS, code="yearbook_early")


@dataclass(frozen=True)
class Decision:
    key: str  # the record (case reference)
    decided_on: date
    fine: Decimal = Decimal(0)
    measures: tuple[str, ...] = ()
    confiscated: Decimal | None = None  # None: no fixable value
    penalised: bool = True  # False: 不予处罚 — not a penalty decision


def counted_type(d: Decision) -> str:
    """The one type a decision counts under: the heaviest of its penalties.

    >>> counted_type(Decision("A", date(2019, 5, 1), Decimal(5000), ("confiscation",)))
    'confiscation'
    >>> counted_type(Decision("B", date(2019, 5, 1), Decimal(5000), ("warning",)))
    'fine'
    >>> counted_type(Decision("C", date(2019, 5, 1), measures=("odd",)))
    'other'
    """
    types = {MEASURE_TYPES[m] for m in d.measures if m in MEASURE_TYPES}
    if d.fine:
        types.add("fine")
    if not types:
        return "other"
    return max(types, key=_RANK.__getitem__)


def wan(amount: Decimal) -> Decimal:
    """Yuan → 万元, four decimals.

    >>> wan(Decimal("86000")), wan(Decimal("12345.67"))
    (Decimal('8.6000'), Decimal('1.2346'))
    """
    return (amount / Decimal(10000)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


@dataclass
class PenaltyTable:
    year: int
    counts: dict[str, int] = field(default_factory=dict)
    records: dict[str, list[str]] = field(default_factory=dict)
    amount_wan: Decimal = Decimal(0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def penalty_table(year: int, decisions: Iterable[Decision]) -> PenaltyTable:
    """The 处罚 table of ``year``: decisions dated in the year (revoked later or not), each once.

    >>> t = penalty_table(2019, [
    ...     Decision("A", date(2019, 1, 1), Decimal(20000), ("confiscation",), Decimal(3000)),
    ...     Decision("B", date(2019, 12, 31), Decimal(5000)),
    ...     Decision("C", date(2020, 1, 1), Decimal(7000)),
    ...     Decision("D", date(2019, 6, 1), penalised=False),
    ... ])
    >>> t.total, t.counts["confiscation"], t.counts["fine"], t.amount_wan
    (2, 1, 1, Decimal('2.8000'))
    """
    table = PenaltyTable(year, {c: 0 for c, _ in TYPES}, {c: [] for c, _ in TYPES})
    total = Decimal(0)
    for d in decisions:
        if d.decided_on.year != year or not d.penalised:
            continue
        t = counted_type(d)
        table.counts[t] += 1
        table.records[t].append(d.key)
        total += d.fine or 0
        total += d.confiscated or 0
    table.amount_wan = wan(total)
    return table
