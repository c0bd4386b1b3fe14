"""What a decided case publishes (执法公示 事后; 双公示 行政处罚).

国办发〔2018〕118号（六）: a 行政处罚 decision is published within 7 working days of the decision,
any other enforcement decision — here 不予行政处罚 (行政处罚法 第三十三条) — within 20, with the
执法机关、执法对象、执法类别、执法结论. `case_decide` registers the record in its own
transaction, so the publicity clock starts on the decision date and a refused decision
registers nothing.

A 加付赔偿金 decision (劳动保障监察条例 第二十六条) is not a 行政处罚: the money goes to the
workers, so it is published as another enforcement decision (执法类别 行政处理, 执法结论 责令加付
赔偿金, within 20 working days) — never as CF_CFLB=罚款 with its amount.

The case records no 法定代表人 (负责人): an organisation's record leaves CF_FRDB empty and the
pre-flight check holds it back until that is filled in.
"""

from __future__ import annotations

from decimal import Decimal

from fazhi.enforcement.domain.review import OUTCOME_LABELS, Measure, Outcome
from fazhi.enforcement.models import Case
from fazhi.powers.selectors import power_item_current_version
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import IdType, Kind, PartyCategory, PenaltyCategory
from fazhi.publicity.services import publicity_register
from fazhi.publicity.services.records import authority_for

# 行政处罚法 第九条 types (CF_CFLB) of the measures a decision records besides the fine.
MEASURE_CATEGORIES: dict[str, PenaltyCategory] = {
    Measure.WARNING: PenaltyCategory.WARNING,
    Measure.CONFISCATION: PenaltyCategory.CONFISCATE_GAINS,
    Measure.REVOKE_LICENCE: PenaltyCategory.REVOKE_LICENCE,
    Measure.LOWER_QUALIFICATION: PenaltyCategory.DOWNGRADE,
    Measure.SUSPEND_BUSINESS: PenaltyCategory.STOP_PRODUCTION,
    Measure.CLOSE_DOWN: PenaltyCategory.CLOSE,
    Measure.RESTRICT_PRACTICE: PenaltyCategory.RESTRICT_PRACTICE,
}


def kind_of(case: Case) -> Kind:
    """不予处罚 and 加付赔偿金 are other enforcement decisions, not 行政处罚 (118号（六）)."""
    if case.outcome == Outcome.NO_PENALTY or case.is_compensation:
        return Kind.OTHER
    return Kind.PENALTY


def _other_conclusion(case: Case) -> tuple[str, str, str]:
    """(执法类别, 执法结论, document title) of a decision that is not a penalty."""
    if case.is_compensation:
        return (
            "行政处理",
            f"责令向劳动者加付赔偿金（{case.cause}）",
            "劳动保障监察行政处理决定书",
        )
    return "行政处罚", f"{OUTCOME_LABELS[Outcome.NO_PENALTY]}（{case.cause}）", "不予行政处罚决定书"


def _yuan(amount: Decimal) -> str:
    return f"{amount.normalize():f}"


def _penalty(case: Case) -> tuple[tuple[str, ...], str]:
    """The CF_CFLB categories and the CF_NR text: measures first, then the fine."""
    categories = [MEASURE_CATEGORIES[Measure(m)] for m in case.measures or ()]
    if case.fine:
        categories.append(PenaltyCategory.FINE)
    parts = [c.value for c in categories if c != PenaltyCategory.FINE]
    if case.fine:
        parts.append(f"罚款人民币{_yuan(case.fine)}元")
    return tuple(c.value for c in categories), "；".join(parts)


def _basis(case: Case) -> str:
    """CF_YJ: the 处罚依据 of the benchmark item proposed at notice, else the power item's
    legal basis."""
    basis = (case.proposal or {}).get("basis", "")
    if basis:
        return basis
    version = power_item_current_version(item=case.power_item)
    return version.legal_basis_text if version is not None else ""


def decision_data(case: Case) -> DecisionData:
    """The publicity data of a decided case; personal data in full (masked on every output)."""
    authority = authority_for(case.org_unit)
    person = case.party_kind == "person"
    other = kind_of(case) == Kind.OTHER
    categories, content = _penalty(case)
    category, conclusion, title = _other_conclusion(case) if other else ("", "", "")
    return DecisionData(
        party_category=PartyCategory.PERSON if person else PartyCategory.ORGANISATION,
        party_name=case.party_name,
        uscc="" if person else case.party_code,
        person_id_type=IdType.RESIDENT_ID if person and case.party_code else "",
        person_id_number=case.party_code if person else "",
        party_address=case.party_address,
        legal_rep="" if person else case.party_legal_rep,
        decided_on=case.decided_on,
        authority=authority.name,
        authority_uscc=authority.uscc,
        source_unit=authority.name,
        source_unit_uscc=authority.uscc,
        document_number=case.decision_number,
        document_title=title if other else "行政处罚决定书",
        # for another decision: 执法类别 and 执法结论 (118号（六）)
        violation_type=category if other else case.cause,
        content=conclusion if other else content,
        facts=case.decision_text,
        basis=_basis(case),
        penalty_categories=() if other else categories,
        fine_yuan=case.fine if case.fine and not other else None,
    )


def case_publicity_register(*, case: Case, actor):
    """Register the decision of ``case`` for publication (idempotent per case); returns the
    record and its publicity deadline. Raises `Refused` when the clock cannot be opened."""
    return publicity_register(
        kind=kind_of(case), source=case, data=decision_data(case), actor=actor
    )
