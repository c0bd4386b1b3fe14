"""The checks a proposal and a decision share: the discretion proposal of the case's facts,
the statutory amount, the measures, the hearing-request period and the 法制审核 opinion, and the
clock codes of the decision stage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.deadlines import deadline_compute
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import hearing as hearing_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.discretion import (
    Facts,
    Sanction,
    check_statutory,
    departure_needs_reason,
)
from fazhi.enforcement.models import (
    Case,
    CorrectionOrder,
    Hearing,
)
from fazhi.enforcement.services import cases_common as c
from fazhi.enforcement.services.discretion import discretion_propose

HEARING_REQUEST = "penalty.hearing_request"
HEARING_NOTICE = "penalty.hearing_notice"
SERVICE = "penalty.service"


def facts_of(case: Case) -> Facts:
    f = case.facts or {}
    return Facts(
        workers=int(f.get("workers", 0) or 0),
        months=int(f.get("months", 0) or 0),
        amount=Decimal(str(f.get("amount", 0) or 0)),
        party_kind=case.party_kind,
        first_offence=bool(f.get("first_offence")),
        corrected=bool(f.get("corrected")),
        harm=str(f.get("harm", "")),
        circumstances=tuple(f.get("circumstances", ())),
    )


def _proposal(case: Case, on: date):
    if not case.violation_code:
        return None
    return discretion_propose(violation_code=case.violation_code, facts=facts_of(case), on=on)


def _proposal_dict(proposal) -> dict:
    if proposal is None:
        return {}
    data = asdict(proposal)
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in data.items()}


def _check_measures(measures: Sequence[str], on: date | None = None) -> list[str]:
    try:
        return sorted({review_rules.Measure(m).value for m in measures})
    except ValueError:
        raise Refused("处罚种类不正确", cit.cite_penalty("types", on)) from None


def _overdue_payment_orders(case: Case) -> int:
    return CorrectionOrder.objects.filter(
        case=case, is_payment=True, status=CorrectionOrder.Status.OVERDUE
    ).count()


def _check_amount(case: Case, proposal, amount: Decimal, measures, on: date) -> str:
    """The sanction the amount is (罚款 or 加付赔偿金) after the hard rules: the statutory range
    (no reason lifts it) and, for 加付赔偿金, a 责令支付 the employer let pass."""
    sanction = proposal.sanction if proposal is not None else Sanction.FINE
    if proposal is not None:
        check_statutory(proposal, amount)
    if sanction == Sanction.COMPENSATION:
        basis = cit.cite(cit.INSPECTION, "compensation", on)
        if measures:
            raise Refused(
                "加付赔偿金是责令用人单位向劳动者支付的款项，不能与行政处罚合并作出", basis
            )
        if amount > 0:
            act_rules.check_compensation_ordered(
                overdue_payment_orders=_overdue_payment_orders(case), on=on
            )
    return sanction


def _hearing_last_day(case: Case) -> date | None:
    if not case.hearing_reasons or case.notified_on is None:
        return None
    return deadline_compute(code=HEARING_REQUEST, start=case.notified_on).due


def _review_agreed(case: Case, on: date) -> bool:
    """The latest 法制审核 round agreed, on or before ``on``."""
    last = case.reviews.order_by("-round").first()
    return bool(
        last is not None
        and last.opinion == review_rules.Opinion.AGREE
        and last.reviewed_on is not None
        and last.reviewed_on <= on
    )


def _check_decision(
    case: Case,
    *,
    on: date,
    outcome: str,
    fine: Decimal,
    measures: Sequence[str],
    text: str,
    departure_reason: str,
    discussion_needed: bool,
):
    """Every rule a decision (and the officer's proposal of it) must meet; returns
    (outcome, fine, compensation, measures, sanction, triggers)."""
    outcome = review_rules.Outcome(outcome)
    measures = _check_measures(measures, on)
    fine = Decimal(fine or 0)
    if not text.strip():
        raise Refused("请写明处罚决定的内容", cit.cite_penalty("decision_content", on))
    if outcome == review_rules.Outcome.NO_PENALTY and (fine or measures):
        raise Refused("不予处罚决定不能同时处以罚款或其他处罚", cit.cite_penalty("no_penalty", on))
    hearing = Hearing.objects.filter(case=case).first()
    hearing_rules.check_decision_after_window(
        has_right=bool(case.hearing_reasons),
        requested=hearing is not None,
        decided_on=on,
        last_day=_hearing_last_day(case),
    )
    proposal = _proposal(case, case.notified_on)
    sanction = _check_amount(case, proposal, fine, measures, on)
    compensation = fine if sanction == Sanction.COMPENSATION else None
    if compensation is not None:
        fine = Decimal(0)
        if compensation > (case.proposed_compensation or 0):
            raise Refused(
                "决定的加付赔偿金不能高于告知的数额（如须提高，应重新告知）",
                cit.cite_penalty("statement", on),
            )
    triggers = c.review_triggers(case, on, fine=fine, measures=measures, outcome=outcome)
    review_rules.check_review_done(required=triggers, agreed=_review_agreed(case, on), on=on)
    if (
        discussion_needed
        and case.is_serious
        and not case.acts.filter(kind=act_rules.ActKind.DISCUSSION, on__lte=on).exists()
    ):
        raise Refused(
            "情节复杂或重大违法行为的处罚，须经行政机关负责人集体讨论决定",
            cit.cite_penalty("collective", on),
        )
    if fine > (case.proposed_fine or 0) or set(measures) - set(case.proposed_measures):
        raise Refused(
            "决定的处罚不能重于告知的拟处罚（如须加重，应重新告知）",
            cit.cite_penalty("statement", on),
        )
    if proposal is not None:  # 不予处罚 (0) departs too unless the benchmark allows it
        amount = compensation if compensation is not None else fine
        act_rules.check_fine(
            fine=amount,
            needs_reason=departure_needs_reason(proposal, amount),
            reason=departure_reason,
            on=on,
            what="加付赔偿金" if compensation is not None else "罚款",
        )
    return outcome, fine, compensation, measures, sanction, triggers


def _audit_person(actor):
    from fazhi.core.services import audit

    return audit.person(actor)
