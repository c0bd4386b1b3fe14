"""When an enforcement certificate (执法证) may be used, and the register's figures. Pure Python.

Legal basis:

* 《中华人民共和国行政处罚法》第四十二条: penalties are imposed by officers holding 行政执法资格,
  at least two of them; 第七十六条第（五）项: a penalty imposed by an officer without a card is
  sanctioned (处分).
* 《劳动保障监察条例》第四条: the 劳动保障监察证件 is issued under the ministry's supervision to
  inspectors appointed by 考核 or 考试; 第十六条: an investigation needs at least two inspectors
  who show the card.
* 国办发〔2018〕118号（二十三）: unified card management, training before and during service.

Tianjin's own card rules (validity, review cycle, training hours) are UNVERIFIED
(domain-rules.md §12), so they arrive as a `CardPolicy` built from settings.

Periods counted in years or months end on the corresponding day of the last month, or on that
month's last day when it has none (《中华人民共和国民法典》第二百零二条): a card issued on
2016-02-29 for 3 years is valid through 2019-02-28.

>>> no_review = CardPolicy(validity_years=3, review_cycle_months=0)
>>> card = CardFacts(status="valid", issued_on=date(2019, 3, 1), expires_on=date(2022, 3, 1))
>>> unusable_reason(card, on=date(2022, 3, 1), policy=no_review) is None
True
>>> str(unusable_reason(card, on=date(2022, 3, 2), policy=no_review))
'已过期'
>>> str(unusable_reason(card, on=date(2020, 3, 2), policy=CardPolicy(review_cycle_months=12)))
'未年审'
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

BASIS_TWO_OFFICERS = "《中华人民共和国行政处罚法》第四十二条；《劳动保障监察条例》第十六条"
BASIS_QUALIFIED = "《中华人民共和国行政处罚法》第四十二条"
BASIS_CARD = "《劳动保障监察条例》第四条；国办发〔2018〕118号（二十三）"
BASIS_SANCTION = "《中华人民共和国行政处罚法》第七十六条第（五）项"
BASIS_PERIOD = "《中华人民共和国民法典》第二百零二条"


class Status(StrEnum):
    VALID = "valid"  # 有效
    SUSPENDED = "suspended"  # 暂扣
    REVOKED = "revoked"  # 注销


class Unusable(StrEnum):
    """Why a certificate cannot be used on a day (the text staff see)."""

    NOT_YET_ISSUED = "尚未发证"
    EXPIRED = "已过期"
    SUSPENDED = "暂扣"
    REVOKED = "注销"
    REVIEW_OVERDUE = "未年审"


@dataclass(frozen=True)
class CardPolicy:
    """The configurable card rules (UNVERIFIED for Tianjin, domain-rules.md §12).

    ``review_cycle_months`` 0 means no annual review is required.
    """

    validity_years: int = 3
    review_cycle_months: int = 12
    min_training_hours: int = 60  # 每人每年不少于60学时 (法治政府建设实施纲要, UNVERIFIED)

    def __post_init__(self) -> None:
        if self.validity_years < 1 or self.review_cycle_months < 0 or self.min_training_hours < 0:
            raise ValueError("执法证有效期、年审周期、培训学时的配置不合法")


@dataclass(frozen=True)
class CardFacts:
    """A certificate as the rules see it; dates of suspensions and revocation keep history."""

    status: str
    issued_on: date
    expires_on: date
    reviews: tuple[date, ...] = ()  # passed annual reviews (年审合格)
    suspensions: tuple[tuple[date, date | None], ...] = ()  # [from, until) of each 暂扣
    revoked_on: date | None = None


def add_months(day: date, months: int) -> date:
    """The corresponding day ``months`` later, or the month's last day (民法典 第二百零二条).

    >>> add_months(date(2019, 1, 31), 1)
    datetime.date(2019, 2, 28)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def expiry_for(issued_on: date, policy: CardPolicy) -> date:
    """Last day of validity of a card issued on ``issued_on`` (新证有效期).

    >>> expiry_for(date(2016, 2, 29), CardPolicy(validity_years=3))
    datetime.date(2019, 2, 28)
    """
    return add_months(issued_on, 12 * policy.validity_years)


def review_due(base: date, policy: CardPolicy) -> date | None:
    """Last day on which a card last reviewed (or issued) on ``base`` is still in order."""
    if not policy.review_cycle_months:
        return None
    return add_months(base, policy.review_cycle_months)


def review_cutoff(on: date, policy: CardPolicy) -> date | None:
    """The earliest review (or issue) day that keeps a card in order on ``on``.

    The inverse of `review_due` for database filters: ``review_due(b) >= on`` exactly when
    ``b >= review_cutoff(on)``.

    >>> review_cutoff(date(2019, 3, 31), CardPolicy(review_cycle_months=1))
    datetime.date(2019, 3, 1)
    """
    if not policy.review_cycle_months:
        return None
    candidate = add_months(on, -policy.review_cycle_months)
    # add_months clamps month ends, so step until the smallest day whose due date reaches ``on``.
    while add_months(candidate, policy.review_cycle_months) < on:
        candidate += timedelta(days=1)
    while add_months(candidate - timedelta(days=1), policy.review_cycle_months) >= on:
        candidate -= timedelta(days=1)
    return candidate


def last_review_base(card: CardFacts, on: date) -> date:
    """The latest passed review on or before ``on``, or the issue date."""
    earlier = [d for d in card.reviews if card.issued_on <= d <= on]
    return max(earlier, default=card.issued_on)


def unusable_reason(card: CardFacts, *, on: date, policy: CardPolicy) -> Unusable | None:
    """None when the card may be used on ``on``; otherwise why not.

    Usable means: issued on or before the day, not past its last day of validity, not
    revoked or suspended on that day, and — when a review cycle is configured — reviewed
    within the cycle (行政处罚法 第四十二条; 劳动保障监察条例 第四条、第十六条).
    """
    if card.revoked_on is not None and on >= card.revoked_on:
        return Unusable.REVOKED
    if card.status == Status.REVOKED and card.revoked_on is None:
        return Unusable.REVOKED
    if any(start <= on and (until is None or on < until) for start, until in card.suspensions):
        return Unusable.SUSPENDED
    if card.status == Status.SUSPENDED and not card.suspensions:
        return Unusable.SUSPENDED
    if on < card.issued_on:
        return Unusable.NOT_YET_ISSUED
    if on > card.expires_on:
        return Unusable.EXPIRED
    due = review_due(last_review_base(card, on), policy)
    if due is not None and on > due:
        return Unusable.REVIEW_OVERDUE
    return None


def is_usable(card: CardFacts, *, on: date, policy: CardPolicy) -> bool:
    return unusable_reason(card, on=on, policy=policy) is None


def best_reason(cards: Iterable[CardFacts], *, on: date, policy: CardPolicy) -> str:
    """Why an officer cannot act: the reason of their most recent card, or 无执法证."""
    latest = max(cards, key=lambda c: c.issued_on, default=None)
    if latest is None:
        return "无执法证"
    return str(unusable_reason(latest, on=on, policy=policy) or "")


@dataclass(frozen=True)
class Rate:
    """持证率 = officers in enforcement posts holding a usable card / officers in those posts."""

    certified: int
    posts: int

    @property
    def value(self) -> float | None:
        return None if not self.posts else self.certified / self.posts

    @property
    def percent(self) -> str:
        """The rate as shown in the report.

        >>> Rate(136, 136).percent
        '100.0%'
        """
        if not self.posts:
            return "—"
        exact = Decimal(self.certified * 100) / Decimal(self.posts)
        return f"{exact.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def certification_rate(*, certified: int, posts: int) -> Rate:
    if certified < 0 or posts < 0 or certified > posts:
        raise ValueError("持证人数不能超过执法岗位人数")
    return Rate(certified=certified, posts=posts)


@dataclass(frozen=True)
class TrainingShortfall:
    hours: Decimal
    required: int
    missing: Decimal = field(default=Decimal(0))

    @property
    def is_short(self) -> bool:
        return self.missing > 0


def training_shortfall(hours: Decimal | int | float, policy: CardPolicy) -> TrainingShortfall:
    """Hours still missing this year against the minimum (纲要: 每人每年不少于60学时, UNVERIFIED).

    >>> training_shortfall(52, CardPolicy(min_training_hours=60)).missing
    Decimal('8')
    """
    done = Decimal(str(hours))
    missing = max(Decimal(policy.min_training_hours) - done, Decimal(0))
    return TrainingShortfall(hours=done, required=policy.min_training_hours, missing=missing)


def two_officers_message(count: int) -> str:
    return f"执法人员不足两名（仅{count}名），每个执法行为须有两名以上持有效执法证的执法人员"


def unqualified_message(problems: Iterable[tuple[str, str]]) -> str:
    """``problems``: (name, reason). E.g. 以下执法人员不能执法：张三（已过期）。"""
    listed = "、".join(f"{name}（{reason}）" for name, reason in problems)
    return f"以下执法人员当日无有效执法证，不能从事执法活动：{listed}"


def normalise_number(value: str) -> str:
    """A certificate number as stored: no spaces, upper case, 4–32 letters, digits or '-'.

    >>> normalise_number(" 1200001900001 ")
    '1200001900001'
    """
    cleaned = "".join(value.split()).upper()
    if not 4 <= len(cleaned) <= 32 or not all(
        ch.isascii() and (ch.isalnum() or ch == "-") for ch in cleaned
    ):
        raise ValueError(f"执法证号“{value.strip()}”格式不正确（4至32位字母、数字或连字符）")
    return cleaned


def demo_number(*, year: int, serial: int) -> str:
    """The demo's numbering: 120000 + two-digit issue year + five-digit serial.

    >>> demo_number(year=2019, serial=7)
    '1200001900007'
    """
    return f"120000{year % 100:02d}{serial:05d}"
