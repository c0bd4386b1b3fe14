"""重大执法决定法制审核: the catalogue (目录清单), its triggers, and the seven review points. Pure.

行政处罚法 (2021) 第五十八条: 法制审核 is mandatory before the decision where the case (一) 涉及重大
公共利益; (二) 直接关系当事人或者第三人重大权益，经过听证程序; (三) 案件情况疑难复杂、涉及多个法律
关系; (四) other cases required by law. Without it, or if it fails, no decision may be made.
国办发〔2018〕118号 (十二) asks each agency to publish its 目录清单 by type, level, field and amount;
(十三) lists the seven points reviewed and the two opinions, 同意 or 存在问题.

The catalogue is configuration (``settings.FAZHI["LEGAL_REVIEW_CATALOGUE"]``): which triggers are
on, and the amounts. The default amounts below are the bureau's to confirm (UNVERIFIED).

>>> facts = ReviewFacts(fine=Decimal("50000"), party_kind="org")
>>> [t.code for t in review_triggers(facts, Catalogue())]
['large_fine']
>>> review_triggers(ReviewFacts(fine=Decimal("2000")), Catalogue())
[]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from fazhi.core.domain.errors import Refused

PENALTY_LAW = "《中华人民共和国行政处罚法》"
DOC_118 = "国办发〔2018〕118号"
BASIS_58 = f"{PENALTY_LAW}第五十八条"


class Measure(StrEnum):
    """Penalties other than a fine that the triggers look at (行政处罚法 第九条)."""

    WARNING = "warning"  # 警告
    CONFISCATION = "confiscation"  # 没收违法所得、没收非法财物
    REVOKE_LICENCE = "revoke_licence"  # 吊销许可证件
    LOWER_QUALIFICATION = "lower_qualification"  # 降低资质等级
    SUSPEND_BUSINESS = "suspend_business"  # 责令停产停业
    CLOSE_DOWN = "close_down"  # 责令关闭
    RESTRICT_PRACTICE = "restrict_practice"  # 限制从业


MEASURE_LABELS = {
    Measure.WARNING: "警告",
    Measure.CONFISCATION: "没收违法所得、非法财物",
    Measure.REVOKE_LICENCE: "吊销许可证件",
    Measure.LOWER_QUALIFICATION: "降低资质等级",
    Measure.SUSPEND_BUSINESS: "责令停产停业",
    Measure.CLOSE_DOWN: "责令关闭",
    Measure.RESTRICT_PRACTICE: "限制从业",
}


class Outcome(StrEnum):
    PENALTY = "penalty"  # 给予行政处罚
    MITIGATED = "mitigated"  # 减轻处罚 (below the statutory range, 第三十二条)
    NO_PENALTY = "no_penalty"  # 不予行政处罚 (第三十三条)


OUTCOME_LABELS = {
    Outcome.PENALTY: "给予行政处罚",
    Outcome.MITIGATED: "减轻行政处罚",
    Outcome.NO_PENALTY: "不予行政处罚",
}


@dataclass(frozen=True)
class Trigger:
    code: str
    label: str
    basis: str


TRIGGERS: dict[str, Trigger] = {
    t.code: t
    for t in (
        Trigger(
            "public_interest", "涉及重大公共利益", f"{BASIS_58}第一款第（一）项；{DOC_118}（十二）"
        ),
        Trigger("social_impact", "可能造成重大社会影响或引发社会风险", f"{DOC_118}（十二）"),
        Trigger(
            "major_rights_heard",
            "直接关系当事人或第三人重大权益，经过听证程序",
            f"{BASIS_58}第一款第（二）项",
        ),
        Trigger("complex", "案件情况疑难复杂、涉及多个法律关系", f"{BASIS_58}第一款第（三）项"),
        Trigger(
            "large_fine",
            "罚款数额达到目录清单标准",
            f"{BASIS_58}第一款第（四）项；{DOC_118}（十二）",
        ),
        Trigger(
            "large_confiscation",
            "没收违法所得或非法财物价值达到目录清单标准",
            f"{BASIS_58}第一款第（四）项；{DOC_118}（十二）",
        ),
        Trigger("suspend_business", "责令停产停业、责令关闭、限制从业", f"{DOC_118}（十二）"),
        Trigger("revoke_licence", "吊销许可证件、降低资质等级", f"{DOC_118}（十二）"),
        Trigger("mitigated", "减轻处罚", f"{DOC_118}（十二）"),
        Trigger("no_penalty", "不予处罚", f"{DOC_118}（十二）"),
    )
}


@dataclass(frozen=True)
class Catalogue:
    """The bureau's 目录清单. Amounts in 元, by party kind ("person" 公民 / "org" 法人或其他组织).

    Defaults: fine ≥ 30,000元 for an organisation or ≥ 5,000元 for a person; confiscation ≥
    30,000元 — UNVERIFIED, the bureau's to confirm.
    """

    enabled: frozenset[str] = frozenset(TRIGGERS)
    fine_person: Decimal = Decimal("5000")
    fine_org: Decimal = Decimal("30000")
    confiscation: Decimal = Decimal("30000")

    @classmethod
    def from_setting(cls, value: Mapping[str, Any] | None) -> Catalogue:
        value = value or {}
        default = cls()
        enabled = value.get("triggers")
        unknown = set(enabled or ()) - set(TRIGGERS)
        if unknown:
            raise ValueError(f"LEGAL_REVIEW_CATALOGUE 中有未知的审核情形：{sorted(unknown)}")
        return cls(
            enabled=frozenset(enabled) if enabled is not None else default.enabled,
            fine_person=Decimal(str(value.get("fine_person", default.fine_person))),
            fine_org=Decimal(str(value.get("fine_org", default.fine_org))),
            confiscation=Decimal(str(value.get("confiscation", default.confiscation))),
        )


@dataclass(frozen=True)
class ReviewFacts:
    fine: Decimal = Decimal(0)
    confiscation: Decimal = Decimal(0)
    party_kind: str = "org"
    measures: frozenset[str] = frozenset()
    outcome: str = Outcome.PENALTY
    public_interest: bool = False
    social_impact: bool = False
    major_rights: bool = False
    complex_case: bool = False
    heard: bool = False


def dated(trigger: Trigger, on: date | None) -> Trigger:
    """The trigger citing the law in force on ``on``: before 2021-07-15 the catalogue rests on
    118号 (十二) and, from 2018-01-01, 行政处罚法 (2017) 第三十八条第三款, not on 第五十八条.

    >>> dated(TRIGGERS["large_fine"], date(2019, 5, 6)).basis
    '《中华人民共和国行政处罚法》（2017年修正）第三十八条第三款；国办发〔2018〕118号（十二）'
    >>> dated(TRIGGERS["large_fine"], date(2022, 5, 6)).basis
    '《中华人民共和国行政处罚法》第五十八条第一款第（四）项；国办发〔2018〕118号（十二）'
    """
    from fazhi.core.domain import citations

    if on is None or on >= date(2021, 7, 15) or not trigger.basis.startswith(BASIS_58):
        return trigger
    basis = f"{DOC_118}（十二）"
    if citations.has_article(citations.PENALTY, "legal_review", on):
        basis = f"{citations.cite(citations.PENALTY, 'legal_review', on)}；{basis}"
    return Trigger(trigger.code, trigger.label, basis)


def review_triggers(
    facts: ReviewFacts, catalogue: Catalogue, on: date | None = None
) -> list[Trigger]:
    """The catalogue entries the case meets; any one makes 法制审核 mandatory (2021 第五十八条;
    2017 第三十八条第三款 with 118号 (十二)), each citing the law in force on ``on``."""
    hits: list[str] = []
    if facts.public_interest:
        hits.append("public_interest")
    if facts.social_impact:
        hits.append("social_impact")
    if facts.major_rights and facts.heard:
        hits.append("major_rights_heard")
    if facts.complex_case:
        hits.append("complex")
    limit = catalogue.fine_person if facts.party_kind == "person" else catalogue.fine_org
    if facts.fine and facts.fine >= limit:
        hits.append("large_fine")
    if facts.confiscation and facts.confiscation >= catalogue.confiscation:
        hits.append("large_confiscation")
    if facts.measures & {Measure.SUSPEND_BUSINESS, Measure.CLOSE_DOWN, Measure.RESTRICT_PRACTICE}:
        hits.append("suspend_business")
    if facts.measures & {Measure.REVOKE_LICENCE, Measure.LOWER_QUALIFICATION}:
        hits.append("revoke_licence")
    if facts.outcome == Outcome.MITIGATED:
        hits.append("mitigated")
    if facts.outcome == Outcome.NO_PENALTY:
        hits.append("no_penalty")
    return [dated(TRIGGERS[code], on) for code in hits if code in catalogue.enabled]


# --- the seven points and the opinion (118号 (十三)) -----------------------------------------


SEVEN_POINTS: tuple[tuple[str, str], ...] = (
    ("subject", "执法主体是否合法，执法人员是否具备执法资格"),
    ("procedure", "执法程序是否合法"),
    ("facts", "案件事实是否清楚，证据是否合法充分"),
    ("law", "适用法律、法规、规章是否准确，裁量基准运用是否适当"),
    ("authority", "执法是否超越执法机关法定权限"),
    ("documents", "执法文书是否完备、规范"),
    ("crime", "违法行为是否涉嫌犯罪、需要移送司法机关"),
)
POINT_CODES = tuple(code for code, _ in SEVEN_POINTS)


class Opinion(StrEnum):
    AGREE = "agree"  # 同意
    PROBLEMS = "problems"  # 存在问题


OPINION_LABELS = {Opinion.AGREE: "同意", Opinion.PROBLEMS: "存在问题"}


@dataclass(frozen=True)
class PointResult:
    code: str
    passed: bool
    note: str = ""


@dataclass(frozen=True)
class ReviewOpinion:
    points: tuple[PointResult, ...]
    opinion: Opinion
    comments: str = ""
    problems: tuple[str, ...] = field(default=())


def check_opinion(
    points: Mapping[str, tuple[bool, str]], opinion: str, comments: str
) -> ReviewOpinion:
    """Validate a reviewer's record: all seven points answered; 同意 only if every point passes;
    存在问题 must say what the problems are (118号 (十三): 承办机构 must be told what to fix).

    ``points`` maps each code to (passed, note). For the crime point, "passed" means no referral
    to the judicial authorities is needed.
    """
    basis = f"{DOC_118}（十三）"
    missing = [label for code, label in SEVEN_POINTS if code not in points]
    if missing:
        raise Refused(f"法制审核须逐项审查七项内容，尚缺：{'；'.join(missing)}", basis)
    try:
        opinion = Opinion(opinion)
    except ValueError:
        raise Refused("审核意见只能是“同意”或“存在问题”", basis) from None
    results = tuple(
        PointResult(code, bool(points[code][0]), points[code][1].strip()) for code in POINT_CODES
    )
    failed = [dict(SEVEN_POINTS)[r.code] for r in results if not r.passed]
    if opinion == Opinion.AGREE and failed:
        raise Refused(f"有审查事项未通过，不能出具“同意”意见：{'；'.join(failed)}", basis)
    if opinion == Opinion.PROBLEMS and not (failed or comments.strip()):
        raise Refused("出具“存在问题”意见须写明存在的问题", basis)
    return ReviewOpinion(results, opinion, comments.strip(), tuple(failed))


def check_reviewer(*, is_reviewer: bool, is_investigator: bool, on: date | None = None) -> None:
    """Only a 法制审核人员, and never one who investigated the case (118号 (十一)、(十四):
    审核机构 is separate from the 承办机构 and answers for its own opinion)."""
    if not is_reviewer:
        raise Refused("只有法制审核人员可以出具法制审核意见", f"{DOC_118}（十一）")
    if is_investigator:
        raise Refused(
            "本案调查人员不得担任本案法制审核人员",
            f"{DOC_118}（十四）" + ("" if on and on < date(2021, 7, 15) else f"；{BASIS_58}"),
        )


def check_review_done(*, required: list[Trigger], agreed: bool, on: date | None = None) -> None:
    """The hard gate: a case meeting a trigger is decided only after an agreeing review. Cites
    the law in force on ``on`` (2021 第五十八条; 2017 第三十八条第三款 with 118号 (十二))."""
    if required and not agreed:
        from fazhi.core.domain import citations

        day = on or citations.CURRENT
        basis = BASIS_58
        if citations.has_article(citations.PENALTY, "legal_review", day):
            basis = citations.cite(citations.PENALTY, "legal_review", day)
        if day < date(2021, 7, 15):
            basis += f"；{DOC_118}（十二）"
        labels = "、".join(t.label for t in required)
        raise Refused(
            f"本案属于重大执法决定（{labels}），未经法制审核或审核未通过的，不得作出决定", basis
        )
