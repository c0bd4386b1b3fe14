"""裁量基准: from a benchmark item and the facts of a case to a proposed penalty range. Pure Python.

Legal frame:

* 《中华人民共和国行政处罚法》（2021）第三十四条: an agency may set 裁量基准 and must publish them.
* 第三十二条: 从轻或者减轻 where the party 主动消除或者减轻违法行为危害后果, was 受他人胁迫或者诱骗,
  主动供述 an unknown violation or 配合查处有立功表现.
* 第三十三条第一款: 违法行为轻微并及时改正、没有造成危害后果的，不予处罚; 初次违法且危害后果轻微并及时
  改正的，可以不予处罚 (首违不罚).
* Tier structure after the Tianjin 人社 办法 (domain-rules §10): 轻微 / 一般 / 较重 / 严重; 定额处罚
  (a fixed rate such as 禁止使用童工规定 第六条) is outside discretion and has one tier "定额".

An item has a *form* that turns the per-unit tier range into yuan:

==================  ======================================  ==========================
form                range in yuan                           example
==================  ======================================  ==========================
fixed               low – high                              劳动保障监察条例 第三十条
per_worker          (low – high) × workers                  第二十五条: 100–500 元/人
per_worker_month    (low – high) × workers × months         禁止使用童工规定 第六条
multiple            (low – high) × amount                   社会保险法 第八十六条: 1–3 倍
==================  ======================================  ==========================

Choosing the tier (the rule the benchmark data is written for):

1. Each tier lists machine-checkable *condition keys*; a tier matches when **any** of its keys
   holds. Tiers are tried from the most to the least severe; the first match wins. When none
   matches, the tier marked ``is_default`` applies (else the lowest one).
2. 从重: any circumstance in ``HEAVIER`` (or harm "serious") moves one tier up; 从轻: any in
   ``LIGHTER`` (or ``corrected``) moves one tier down. Both present: they cancel, and the
   explanation names both. The tier never leaves the item's tier list.
3. 不予处罚 is offered (``no_penalty_allowed``) under 第三十三条 as above, unless the item
   excludes it (``exemption_allowed=False``) or a 从重 circumstance is present.

Condition keys: ``workers:A-B`` / ``months:A-B`` / ``amount:A-B`` (inclusive; an open end is
written ``A-`` or ``-B``), ``harm:none|minor|serious``, ``party:org|person``, ``circ:<key>``
(``<key>`` in ``facts.circumstances``).

>>> item = BenchmarkItem(
...     violation_code="lsi-25", violation="违法延长劳动者工作时间",
...     legal_basis="《劳动保障监察条例》第二十五条", penalty_basis="《劳动保障监察条例》第二十五条",
...     form="per_worker", tiers=(
...         Tier("minor", Decimal(100), Decimal(200), keys=("workers:1-9",)),
...         Tier("general", Decimal(200), Decimal(300), keys=("workers:10-29",)),
...         Tier("serious", Decimal(300), Decimal(400), keys=("workers:30-99",)),
...         Tier("severe", Decimal(400), Decimal(500), keys=("workers:100-",)),
...     ))
>>> p = propose(item, Facts(workers=12))
>>> (p.tier_label, p.min_amount, p.max_amount, p.suggested)
('一般', Decimal('2400.00'), Decimal('3600.00'), Decimal('3000.00'))
>>> propose(item, Facts(workers=12, circumstances=("refused_correction",))).tier_label
'较重'
>>> departure_needs_reason(p, Decimal(5000))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from fazhi.core.domain import citations
from fazhi.core.domain.errors import Refused

FEN = Decimal("0.01")

BASIS_PUBLISH = "《中华人民共和国行政处罚法》第三十四条"
# 首违不罚 (初次违法且危害后果轻微并及时改正的，可以不予处罚) exists only from the 2021 text.
FIRST_OFFENCE_FROM = date(2021, 7, 15)


class Sanction(StrEnum):
    """What the amount is: a 罚款 (行政处罚法 第九条), or 加付赔偿金 the employer pays to the
    workers (劳动保障监察条例 第二十六条) — a 行政处理, not a penalty: no 加处罚款, no penalty
    publicity."""

    FINE = "fine"
    COMPENSATION = "compensation"


SANCTION_LABELS: dict[str, str] = {Sanction.FINE: "罚款", Sanction.COMPENSATION: "加付赔偿金"}


class Form(StrEnum):
    FIXED = "fixed"
    PER_WORKER = "per_worker"
    PER_WORKER_MONTH = "per_worker_month"
    MULTIPLE = "multiple"


FORM_LABELS: dict[str, str] = {
    Form.FIXED: "固定幅度",
    Form.PER_WORKER: "按每名劳动者",
    Form.PER_WORKER_MONTH: "按每人每月",
    Form.MULTIPLE: "按金额倍数",
}
FORM_UNITS: dict[str, str] = {
    Form.FIXED: "元",
    Form.PER_WORKER: "元/人",
    Form.PER_WORKER_MONTH: "元/人·月",
    Form.MULTIPLE: "倍",
}


class TierCode(StrEnum):
    MINOR = "minor"
    GENERAL = "general"
    SERIOUS = "serious"
    SEVERE = "severe"
    FIXED = "fixed"


TIER_LABELS: dict[str, str] = {
    TierCode.MINOR: "轻微",
    TierCode.GENERAL: "一般",
    TierCode.SERIOUS: "较重",
    TierCode.SEVERE: "严重",
    TierCode.FIXED: "定额",
}
TIER_ORDER: tuple[str, ...] = (
    TierCode.MINOR,
    TierCode.GENERAL,
    TierCode.SERIOUS,
    TierCode.SEVERE,
    TierCode.FIXED,
)

# 从重情节 (machine keys → Chinese). Bureau practice after the Tianjin and Gansu 人社 办法
# (domain-rules §10: 拒不改正、一年内再次违法 …); 本局待确认.
HEAVIER: dict[str, str] = {
    "refused_correction": "拒不改正或者逾期不改正",
    "repeat_within_year": "一年内因同一种违法行为再次被处理",
    "obstruction": "妨碍、阻挠或者拒绝监察",
    "mass_incident": "引发群体性事件或者造成恶劣社会影响",
    "special_groups": "侵害女职工、未成年工、农民工等特殊群体权益",
}
# 从轻情节: 行政处罚法（2021）第三十二条第（一）至（四）项.
LIGHTER: dict[str, str] = {
    "reduced_harm": "主动消除或者减轻违法行为危害后果",
    "coerced": "受他人胁迫或者诱骗实施违法行为",
    "confessed": "主动供述行政机关尚未掌握的违法行为",
    "meritorious": "配合行政机关查处违法行为有立功表现",
}
# Circumstances that only select a tier (劳动保障监察条例 第三十条 lists the acts).
TIER_CIRCUMSTANCES: dict[str, str] = {
    "false_materials": "提供虚假材料",
    "destroy_evidence": "隐瞒事实真相、隐匿或者销毁证据",
    "violence": "以暴力、威胁等方法阻挠监察",
    "refused_order": "拒不履行行政处理决定",
}
CIRCUMSTANCES: dict[str, str] = {**HEAVIER, **LIGHTER, **TIER_CIRCUMSTANCES}

HARMS: dict[str, str] = {
    "": "未认定",
    "none": "无危害后果",
    "minor": "危害后果轻微",
    "serious": "危害后果严重",
}
PARTY_KINDS: dict[str, str] = {"org": "单位", "person": "个人"}

_RANGE_KEY = re.compile(r"^(workers|months|amount):(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$")


@dataclass(frozen=True)
class Facts:
    """What the officer found; the only input of ``propose`` besides the benchmark item."""

    workers: int = 0
    months: int = 0
    amount: Decimal = Decimal(0)
    party_kind: str = "org"
    first_offence: bool = False
    corrected: bool = False
    harm: str = ""
    circumstances: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tier:
    """One tier: per-unit range (yuan, or a multiple for the multiple form) and its conditions."""

    code: str
    low: Decimal
    high: Decimal
    conditions: str = ""
    keys: tuple[str, ...] = ()
    is_default: bool = False

    @property
    def label(self) -> str:
        return TIER_LABELS.get(self.code, self.code)


@dataclass(frozen=True)
class BenchmarkItem:
    """One violation in one benchmark version."""

    violation_code: str
    violation: str
    legal_basis: str
    penalty_basis: str
    form: str
    tiers: tuple[Tier, ...]
    version: str = ""
    title: str = ""
    heavier: str = ""
    lighter: str = ""
    exemption: str = ""
    exemption_allowed: bool = True
    fixed_rate: bool = False
    note: str = ""
    # The range the law itself sets, per unit of the form (e.g. 100–500 元/人 for 第二十五条).
    # A hard limit: tiers lie inside it, and no decision exceeds its maximum.
    statutory_low: Decimal | None = None
    statutory_high: Decimal | None = None
    sanction: str = Sanction.FINE


@dataclass(frozen=True)
class Proposal:
    """The proposed range in yuan for the facts, with its reasons in Chinese."""

    violation_code: str
    benchmark_version: str
    tier: str
    tier_label: str
    min_amount: Decimal
    max_amount: Decimal
    suggested: Decimal | None
    no_penalty_allowed: bool
    basis: str
    explanation: str
    statutory_min: Decimal = Decimal(0)
    statutory_max: Decimal = Decimal(0)
    fixed_rate: bool = False
    heavier: tuple[str, ...] = field(default=())
    lighter: tuple[str, ...] = field(default=())
    sanction: str = Sanction.FINE
    missing: str = ""


def _to_fen(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)


def _yuan(amount: Decimal) -> str:
    """Chinese money text without needless decimals.

    >>> _yuan(Decimal("3000.00")), _yuan(Decimal("1234.5"))
    ('3,000', '1,234.50')
    """
    amount = _to_fen(amount)
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def check_key(key: str) -> None:
    """Raise ValueError for a condition key outside the grammar of the module docstring.

    >>> check_key("workers:10-29"); check_key("circ:obstruction")
    >>> check_key("staff:3")
    Traceback (most recent call last):
    ...
    ValueError: 无法识别的条件键：staff:3
    """
    if _RANGE_KEY.match(key):
        return
    kind, _, value = key.partition(":")
    if kind == "harm" and value in HARMS and value:
        return
    if kind == "party" and value in PARTY_KINDS:
        return
    if kind == "circ" and value in CIRCUMSTANCES:
        return
    raise ValueError(f"无法识别的条件键：{key}")


def condition_met(key: str, facts: Facts) -> bool:
    """Whether one condition key holds for the facts.

    >>> condition_met("workers:10-29", Facts(workers=12)), condition_met("months:-3", Facts(months=4))
    (True, False)
    """
    match = _RANGE_KEY.match(key)
    if match:
        name, low, high = match.groups()
        fact = Decimal(getattr(facts, name))
        return (low is None or fact >= Decimal(low)) and (high is None or fact <= Decimal(high))
    kind, _, value = key.partition(":")
    if kind == "harm":
        return facts.harm == value
    if kind == "party":
        return facts.party_kind == value
    if kind == "circ":
        return value in facts.circumstances
    raise ValueError(f"无法识别的条件键：{key}")


def condition_label(key: str) -> str:
    """Chinese text of a condition key.

    >>> condition_label("workers:10-29"), condition_label("months:13-"), condition_label("amount:-50000")
    ('涉及劳动者10至29人', '持续13个月以上', '涉及金额50000元以下')
    """
    match = _RANGE_KEY.match(key)
    if match:
        name, low, high = match.groups()
        noun, unit = {
            "workers": ("涉及劳动者", "人"),
            "months": ("持续", "个月"),
            "amount": ("涉及金额", "元"),
        }[name]
        if low and high:
            return f"{noun}{low}至{high}{unit}"
        if low:
            return f"{noun}{low}{unit}以上"
        return f"{noun}{high}{unit}以下"
    kind, _, value = key.partition(":")
    if kind == "harm":
        return HARMS.get(value, value)
    if kind == "party":
        return f"当事人为{PARTY_KINDS.get(value, value)}"
    return CIRCUMSTANCES.get(value, value)


def check_item(item: BenchmarkItem) -> None:
    """Raise ValueError (Chinese) when a benchmark item cannot be evaluated."""
    if item.form not in FORM_LABELS:
        raise ValueError(f"{item.violation_code}：未知的罚款形式 {item.form}")
    if not item.tiers:
        raise ValueError(f"{item.violation_code}：至少需要一个阶次")
    if item.fixed_rate and len(item.tiers) != 1:
        raise ValueError(f"{item.violation_code}：定额处罚只能有一个阶次")
    seen: set[str] = set()
    for tier in item.tiers:
        if tier.code not in TIER_LABELS:
            raise ValueError(f"{item.violation_code}：未知的阶次 {tier.code}")
        if tier.code in seen:
            raise ValueError(f"{item.violation_code}：阶次 {tier.label} 重复")
        seen.add(tier.code)
        if tier.low < 0 or tier.low > tier.high:
            raise ValueError(f"{item.violation_code}：阶次 {tier.label} 的幅度下限高于上限")
        for key in tier.keys:
            check_key(key)
        check_tier_in_statutory(item, tier.low, tier.high, tier.label)
    if item.sanction not in SANCTION_LABELS:
        raise ValueError(f"{item.violation_code}：未知的处理种类 {item.sanction}")


def check_tier_in_statutory(item: BenchmarkItem, low: Decimal, high: Decimal, label: str) -> None:
    """A tier may not leave the statutory range (ValueError in Chinese).

    >>> item = BenchmarkItem("lsi-25", "延长工时", "", "《劳动保障监察条例》第二十五条", "per_worker",
    ...                      (), statutory_low=Decimal(100), statutory_high=Decimal(500))
    >>> check_tier_in_statutory(item, Decimal(400), Decimal(600), "严重")
    Traceback (most recent call last):
    ...
    ValueError: lsi-25：阶次 严重 的幅度（400至600元/人）超出法定幅度（100至500元/人，《劳动保障监察条例》第二十五条）
    """
    if item.statutory_low is None or item.statutory_high is None:
        return
    if low < item.statutory_low or high > item.statutory_high:
        unit = FORM_UNITS.get(item.form, "")
        raise ValueError(
            f"{item.violation_code}：阶次 {label} 的幅度（{low.normalize():f}至{high.normalize():f}{unit}）"
            f"超出法定幅度（{item.statutory_low.normalize():f}至{item.statutory_high.normalize():f}"
            f"{unit}，{item.penalty_basis}）"
        )


def _ordered(item: BenchmarkItem) -> list[Tier]:
    return sorted(item.tiers, key=lambda t: TIER_ORDER.index(t.code))


def _base_tier(tiers: list[Tier], facts: Facts) -> tuple[int, list[str]]:
    """Index of the matching tier (most severe first) and the keys that matched."""
    for index in range(len(tiers) - 1, -1, -1):
        hits = [k for k in tiers[index].keys if condition_met(k, facts)]
        if hits:
            return index, hits
    defaults = [i for i, t in enumerate(tiers) if t.is_default]
    return (defaults[0] if defaults else 0), []


def _multiplier(item: BenchmarkItem, facts: Facts) -> tuple[Decimal, str]:
    """The factor that turns a per-unit range into yuan, and what is missing if it is zero."""
    if item.form == Form.PER_WORKER:
        return Decimal(facts.workers), "" if facts.workers > 0 else "涉及劳动者人数"
    if item.form == Form.PER_WORKER_MONTH:
        missing = "、".join(
            n for n, v in (("涉及人数", facts.workers), ("月数", facts.months)) if v <= 0
        )
        return Decimal(facts.workers * facts.months), missing
    if item.form == Form.MULTIPLE:
        return Decimal(facts.amount), "" if facts.amount > 0 else "涉及金额"
    return Decimal(1), ""


def _facts_text(facts: Facts) -> str:
    parts = [f"当事人为{PARTY_KINDS.get(facts.party_kind, facts.party_kind)}"]
    if facts.workers:
        parts.append(f"涉及劳动者{facts.workers}人")
    if facts.months:
        parts.append(f"持续{facts.months}个月")
    if facts.amount:
        parts.append(f"涉及金额{_yuan(facts.amount)}元")
    if facts.harm:
        parts.append(HARMS.get(facts.harm, facts.harm))
    if facts.first_offence:
        parts.append("初次违法")
    if facts.corrected:
        parts.append("已及时改正")
    return "，".join(parts)


def _unit_range(item: BenchmarkItem, tier: Tier) -> str:
    unit = FORM_UNITS[item.form]
    if item.form == Form.MULTIPLE:
        return f"应缴（欠缴、应付）金额的{tier.low.normalize()}至{tier.high.normalize()}倍"
    if tier.low == tier.high:
        return f"{_yuan(tier.low)}{unit}"
    return f"{_yuan(tier.low)}至{_yuan(tier.high)}{unit}"


def propose(item: BenchmarkItem, facts: Facts, on: date | None = None) -> Proposal:
    """Choose the tier for ``facts``, compute the range in yuan and explain it (see module doc).

    ``on`` is the date of the facts: the 行政处罚法 in force then is cited, and 首违不罚 is offered
    only from 2021-07-15 (before, only 违法行为轻微并及时纠正、没有造成危害后果 — 2017 第二十七条
    第二款)."""
    check_item(item)
    day = on or citations.CURRENT
    lighter_basis = citations.cite(citations.PENALTY, "lighter", day)
    no_penalty_basis = citations.cite(citations.PENALTY, "no_penalty", day)
    first_offence_exists = citations.has_article(citations.PENALTY, "first_offence", day)
    tiers = _ordered(item)
    index, hits = _base_tier(tiers, facts)
    reasons: list[str] = []
    if hits:
        reasons.append(
            f"符合“{tiers[index].label}”阶次条件（{'、'.join(map(condition_label, hits))}）"
        )
    elif not item.fixed_rate:
        reasons.append(f"未符合其他阶次的条件，适用“{tiers[index].label}”阶次")

    heavier = [HEAVIER[c] for c in facts.circumstances if c in HEAVIER]
    if facts.harm == "serious":
        heavier.append(HARMS["serious"])
    lighter = [LIGHTER[c] for c in facts.circumstances if c in LIGHTER]
    if facts.corrected:
        lighter.append("及时改正违法行为")
    if not item.fixed_rate:
        step = (1 if heavier else 0) - (1 if lighter else 0)
        if heavier:
            reasons.append(f"从重情节：{'、'.join(heavier)}")
        if lighter:
            reasons.append(f"从轻情节：{'、'.join(lighter)}（{lighter_basis}）")
        if heavier and lighter:
            reasons.append("从重与从轻情节并存，阶次不作调整")
        moved = min(max(index + step, 0), len(tiers) - 1)
        if moved != index:
            verb = "上调" if moved > index else "下调"
            reasons.append(f"阶次{verb}为“{tiers[moved].label}”")
        index = moved
    tier = tiers[index]

    factor, missing = _multiplier(item, facts)
    low, high = _to_fen(tier.low * factor), _to_fen(tier.high * factor)
    unit_low = item.statutory_low if item.statutory_low is not None else min(t.low for t in tiers)
    unit_high = (
        item.statutory_high if item.statutory_high is not None else max(t.high for t in tiers)
    )
    statutory_low, statutory_high = _to_fen(unit_low * factor), _to_fen(unit_high * factor)
    notes: list[str] = []
    suggested: Decimal | None = None
    if missing:
        notes.append(f"缺少{missing}，无法计算罚款金额，请补充事实后再试算")
    else:
        suggested = _to_fen((tier.low + tier.high) / 2 * factor)

    # 2021 第三十三条第一款（2017 第二十七条第二款）：轻微并及时改正、没有危害后果的不予处罚；
    # 2021 年起，初次违法、危害后果轻微并及时改正的可以不予处罚（首违不罚）。从重情节存在时不适用。
    no_penalty = False
    if item.exemption_allowed and facts.corrected and not heavier:
        if facts.harm == "none" and tier.code == TierCode.MINOR:
            no_penalty = True
            notes.append(
                f"违法行为轻微并及时改正，没有造成危害后果，依法不予处罚（{no_penalty_basis}）"
            )
        elif facts.first_offence and facts.harm in ("none", "minor") and first_offence_exists:
            no_penalty = True
            notes.append(
                f"初次违法且危害后果轻微并及时改正，可以不予处罚（首违不罚，{no_penalty_basis}）"
            )
        elif facts.first_offence and facts.harm in ("none", "minor"):
            notes.append(
                f"首违不罚自{FIRST_OFFENCE_FROM:%Y年%m月%d日}起施行（《中华人民共和国行政处罚法》"
                f"（2021年修订）第三十三条第一款），不适用于此前的违法行为"
            )
    elif not item.exemption_allowed and facts.first_offence and facts.corrected:
        notes.append("本基准对该违法行为不适用首违不罚")

    head = f"依据《{item.title}》（{item.version}），" if item.title else ""
    lines = [
        f"{head}{item.violation}（违法依据：{item.legal_basis}；处罚依据：{item.penalty_basis}）。",
        f"事实：{_facts_text(facts)}。",
    ]
    if item.fixed_rate:
        lines.append(f"该项为定额处罚，不适用裁量阶次：{_unit_range(item, tier)}。")
    else:
        lines.append("；".join(reasons) + "。")
        lines.append(f"“{tier.label}”阶次幅度：{_unit_range(item, tier)}。")
    if suggested is not None:
        if low == high:
            lines.append(f"罚款金额{_yuan(low)}元。")
        else:
            lines.append(
                f"罚款幅度{_yuan(low)}元至{_yuan(high)}元，建议{_yuan(suggested)}元（取中间值）。"
            )
            lines.append(f"法定幅度{_yuan(statutory_low)}元至{_yuan(statutory_high)}元。")
    lines.extend(n + "。" for n in notes)
    if item.fixed_rate and (heavier or lighter):
        lines.append("定额处罚不因从重、从轻情节调整金额。")
    return Proposal(
        violation_code=item.violation_code,
        benchmark_version=item.version,
        tier=tier.code,
        tier_label=tier.label,
        min_amount=low,
        max_amount=high,
        suggested=suggested,
        no_penalty_allowed=no_penalty,
        basis=item.penalty_basis,
        explanation="".join(lines),
        statutory_min=statutory_low,
        statutory_max=statutory_high,
        fixed_rate=item.fixed_rate,
        heavier=tuple(heavier),
        lighter=tuple(lighter),
        sanction=item.sanction,
        missing=missing,
    )


def departure_needs_reason(proposal: Proposal, amount: Decimal) -> bool:
    """Whether deciding ``amount`` departs from the proposal, so the decision must state why.

    The rule: any amount outside ``[min_amount, max_amount]`` departs — below it is 从轻 /
    减轻 beyond the tier, above it is 从重 beyond the tier. The one exception is ``0``
    (不予处罚) when the proposal allows it under 第三十三条. Without the facts for a range
    (``suggested is None``; min = max = 0) every positive amount departs.

    >>> p = Proposal("x", "v", "general", "一般", Decimal(100), Decimal(200), Decimal(150),
    ...              True, "", "")
    >>> [departure_needs_reason(p, Decimal(a)) for a in (0, 100, 200, 201, 99)]
    [False, False, False, True, True]
    """
    amount = Decimal(amount)
    if amount == 0 and proposal.no_penalty_allowed:
        return False
    return not (proposal.min_amount <= amount <= proposal.max_amount)


def check_statutory(proposal: Proposal, amount: Decimal) -> None:
    """The statutory range is a hard limit: no 偏离理由 lets an amount exceed its maximum
    (《中华人民共和国行政处罚法》第四条 处罚法定; the article of ``proposal.basis`` sets the
    range). Only the 裁量基准 tier may be left with reasons. A per-unit amount cannot be set at
    all without the facts that measure it (e.g. the number of workers).

    Below the statutory minimum is 减轻处罚 (2021 第三十二条; 2017 第二十七条), which needs a reason
    (`departure_needs_reason`) but is not barred here.

    >>> p = Proposal("lsi-25", "2019", "general", "一般", Decimal(2400), Decimal(3600),
    ...              Decimal(3000), False, "《劳动保障监察条例》第二十五条", "",
    ...              Decimal(1200), Decimal(6000))
    >>> check_statutory(p, Decimal(6000))
    >>> check_statutory(p, Decimal(7000))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 罚款7,000元超出法定幅度（1,200元至6,000元）的上限，不得作出；偏离裁量基准的理由只能在法定幅度内适用（依据：《劳动保障监察条例》第二十五条）
    """
    amount = Decimal(amount)
    what = SANCTION_LABELS.get(proposal.sanction, "罚款")
    if amount <= 0:
        return
    if proposal.missing:
        raise Refused(
            f"缺少{proposal.missing}，无法确定法定幅度，不能拟定或者决定{what}金额", proposal.basis
        )
    if proposal.statutory_max and amount > proposal.statutory_max:
        raise Refused(
            f"{what}{_yuan(amount)}元超出法定幅度（{_yuan(proposal.statutory_min)}元至"
            f"{_yuan(proposal.statutory_max)}元）的上限，不得作出；偏离裁量基准的理由只能在法定幅度内适用",
            proposal.basis,
        )


def departure_text(proposal: Proposal, amount: Decimal) -> str:
    """A Chinese note on how ``amount`` departs from the proposal ("" when it does not).

    Above ``statutory_max`` the amount exceeds what the law allows, which no reason can cure.

    >>> p = Proposal("x", "v", "general", "一般", Decimal(100), Decimal(200), Decimal(150),
    ...              False, "", "", Decimal(50), Decimal(500))
    >>> departure_text(p, Decimal(600))
    '超出法定幅度上限500元，不得作出'
    >>> departure_text(p, Decimal(80))
    '低于建议幅度下限100元，应当说明理由'
    """
    amount = Decimal(amount)
    if not departure_needs_reason(proposal, amount):
        return ""
    if proposal.statutory_max and amount > proposal.statutory_max:
        return f"超出法定幅度上限{_yuan(proposal.statutory_max)}元，不得作出"
    if amount == 0:
        return "不符合不予处罚条件，应当说明理由"
    if amount < proposal.min_amount:
        return f"低于建议幅度下限{_yuan(proposal.min_amount)}元，应当说明理由"
    return f"高于建议幅度上限{_yuan(proposal.max_amount)}元，应当说明理由"
