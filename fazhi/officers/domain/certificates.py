"""When an enforcement certificate (执法证) may be used, and the register's figures. Pure Python.

Legal basis:

* 《中华人民共和国行政处罚法》(2021) 第四十二条: penalties are imposed by officers holding
  行政执法资格, at least two of them (1996/2009/2017 text 第三十七条第一款: at least two officers
  who show their 证件) — cited as the version in force on the day of the act, from the versioned
  table `fazhi.core.domain.citations` (`basis_two_officers`, `basis_qualified`); 第七十六条第（五）项: a penalty imposed by an officer without a card is
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

from fazhi.core.domain import citations

BASIS_CARD = "《劳动保障监察条例》第四条；国办发〔2018〕118号（二十三）"
BASIS_SANCTION = "《中华人民共和国行政处罚法》第七十六条第（五）项"
BASIS_PERIOD = "《中华人民共和国民法典》第二百零二条"
BASIS_EXAM = "《劳动保障监察条例》第四条（经考核或者考试录用）；国办发〔2018〕118号（二十三）"
BASIS_TRAINING = "国办发〔2018〕118号（二十三）（执法人员上岗前须经培训）"
BASIS_REVIEWER = "《中华人民共和国行政处罚法》（2021年修订）第五十八条第二款"
PENALTY_2021_FROM = date(2021, 7, 15)  # 行政处罚法 (2021) 第八十六条


def basis_qualified(on: date) -> str:
    """The 行政处罚法 article requiring qualified officers, as in force on ``on``.

    >>> basis_qualified(date(2019, 3, 5))
    '《中华人民共和国行政处罚法》（2017年修正）第三十七条第一款'
    >>> basis_qualified(date(2021, 7, 14)), basis_qualified(date(2021, 7, 15))
    ('《中华人民共和国行政处罚法》（2017年修正）第三十七条第一款', '《中华人民共和国行政处罚法》（2021年修订）第四十二条')
    >>> basis_qualified(date(2012, 5, 2))
    '《中华人民共和国行政处罚法》（2009年修正）第三十七条第一款'
    """
    return citations.cite(citations.PENALTY, "two_officers", on)


def basis_two_officers(on: date) -> str:
    """Two officers: the 行政处罚法 as in force on ``on`` and 劳动保障监察条例 第十六条.

    >>> basis_two_officers(date(2022, 1, 4))
    '《中华人民共和国行政处罚法》（2021年修订）第四十二条；《劳动保障监察条例》第十六条'
    """
    return f"{basis_qualified(on)}；《劳动保障监察条例》第十六条"


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
    # How long after expiry a card may still be replaced by 换证; later it is a new 申领 with
    # exam and training (local rules, UNVERIFIED: configurable).
    renewal_grace_months: int = 6

    def __post_init__(self) -> None:
        if (
            self.validity_years < 1
            or self.review_cycle_months < 0
            or self.min_training_hours < 0
            or self.renewal_grace_months < 0
        ):
            raise ValueError("执法证有效期、年审周期、培训学时、换证宽限期的配置不合法")


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


def issue_problem(
    *,
    issued_on: date,
    exam_passed_on: date | None,
    trained_on: date | None,
    legal_qualification_on: date | None = None,
) -> tuple[str, str] | None:
    """(message, basis) why a first card cannot be issued on ``issued_on``, or None.

    An inspector is appointed after 考核 or 考试 (劳动保障监察条例 第四条) and trained before
    taking up the post (118号（二十三）), so a passed exam and a training on record, both on or
    before the issue day, are required; a holder of the 法律职业资格 may have the exam waived
    (118号（二十三）), not the training.

    >>> issue_problem(issued_on=date(2019, 3, 1), exam_passed_on=None, trained_on=date(2019, 1, 5))[0]
    '没有执法资格考试合格记录（或法律职业资格），不能发放执法证'
    >>> issue_problem(issued_on=date(2019, 3, 1), exam_passed_on=None, trained_on=date(2019, 1, 5),
    ...               legal_qualification_on=date(2015, 9, 1)) is None
    True
    >>> issue_problem(issued_on=date(2019, 3, 1), exam_passed_on=date(2019, 2, 1), trained_on=None)[0]
    '没有上岗培训记录，不能发放执法证'
    """
    qualified = legal_qualification_on is not None and legal_qualification_on <= issued_on
    if not qualified and (exam_passed_on is None or exam_passed_on > issued_on):
        return "没有执法资格考试合格记录（或法律职业资格），不能发放执法证", BASIS_EXAM
    if trained_on is None or trained_on > issued_on:
        return "没有上岗培训记录，不能发放执法证", BASIS_TRAINING
    return None


def renewal_problem(*, expires_on: date, renew_on: date, policy: CardPolicy) -> str | None:
    """Why a card expired on ``expires_on`` can no longer be replaced by 换证 on ``renew_on``.

    >>> p = CardPolicy(renewal_grace_months=6)
    >>> renewal_problem(expires_on=date(2022, 1, 10), renew_on=date(2022, 7, 10), policy=p) is None
    True
    >>> renewal_problem(expires_on=date(2022, 1, 10), renew_on=date(2026, 1, 12), policy=p)
    '原证已于2022年01月10日到期，超过6个月未换证，不能换证；请按新申领办理（须有考试合格和培训记录）'
    """
    if renew_on <= add_months(expires_on, policy.renewal_grace_months):
        return None
    return (
        f"原证已于{expires_on:%Y年%m月%d日}到期，超过{policy.renewal_grace_months}个月未换证，"
        "不能换证；请按新申领办理（须有考试合格和培训记录）"
    )


def public_status_label(status_label: str, reason: Unusable | None) -> str:
    """What the public check shows as the card's state: a card past its validity is 已过期,
    never 有效 (118号（五）: the public checks the card an officer shows).

    >>> public_status_label("有效", Unusable.EXPIRED), public_status_label("有效", None)
    ('已过期', '有效')
    """
    return str(reason) if reason is not None else status_label


def reviewer_problem(
    *, on: date, first_reviewed_on: date | None, legal_qualification_on: date | None
) -> str | None:
    """Why a person may not give a 法制审核 opinion on ``on`` for want of the 法律职业资格.

    行政处罚法 (2021) 第五十八条第二款: 初次从事行政处罚决定法制审核的人员 must hold the
    法律职业资格. Someone who reviewed before 2021-07-15 is not 初次 under it; anyone starting
    since must hold it, obtained on or before the day of the opinion.

    >>> reviewer_problem(on=date(2025, 3, 3), first_reviewed_on=None, legal_qualification_on=None)
    '初次从事行政处罚决定法制审核的人员应当取得法律职业资格，本人未登记法律职业资格'
    >>> reviewer_problem(on=date(2025, 3, 3), first_reviewed_on=date(2020, 5, 6),
    ...                  legal_qualification_on=None) is None
    True
    >>> reviewer_problem(on=date(2019, 3, 3), first_reviewed_on=None, legal_qualification_on=None)
    """
    if on < PENALTY_2021_FROM:
        return None
    if first_reviewed_on is not None and first_reviewed_on < PENALTY_2021_FROM:
        return None
    if legal_qualification_on is not None and legal_qualification_on <= on:
        return None
    return "初次从事行政处罚决定法制审核的人员应当取得法律职业资格，本人未登记法律职业资格"


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
