"""告知: the proposed decision told to the party with the rights it has (行政处罚法 2021
第四十四、四十五、六十三条). Audits ``enforcement.case.notify``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from django.db import transaction

from fazhi.accounts.permissions import (
    ENFORCEMENT_HANDLE,
    require,
)
from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused
from fazhi.core.services.deadlines import deadline_open
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import hearing as hearing_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.discretion import (
    Sanction,
)
from fazhi.enforcement.models import (
    Case,
)
from fazhi.enforcement.services import cases_common as c
from fazhi.enforcement.services.cases_decision.checks import (
    HEARING_REQUEST,
    _check_amount,
    _check_measures,
    _proposal,
    _proposal_dict,
)


@transaction.atomic
def case_notify(
    *,
    case: Case,
    on: date,
    outcome: str,
    fine: Decimal | None,
    text: str,
    actor,
    measures: Sequence[str] = (),
    violation_code: str | None = None,
    facts: Mapping | None = None,
    seen_version: int | None = None,
) -> Case:
    """告知 the proposed decision with the rights of 陈述、申辩 and, where a trigger applies, 听证
    (行政处罚法 第四十四、六十三条). The discretion benchmark in force proposes the range (第三十四条).
    Opens the hearing-request period. Audits ``enforcement.case.notify``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.NOTIFY, on)
    c.check_typed("notify", on)
    flow.check_not_before(on, case.filed_on, "立案日期")
    act_rules.check_investigated(case.acts.filter(kind__in=act_rules.FINDING_KINDS).count(), on)
    outcome = review_rules.Outcome(outcome)
    measures = _check_measures(measures, on)
    if not text.strip():
        raise Refused("请写明拟作出处罚的事实、理由和依据", cit.cite_penalty("notify", on))
    fine = Decimal(fine or 0)
    if outcome == review_rules.Outcome.NO_PENALTY and (fine or measures):
        raise Refused(
            "拟不予处罚的，不能同时拟处罚款或其他处罚", cit.cite_penalty("no_penalty", on)
        )
    if violation_code is not None:
        case.violation_code = violation_code
    if facts is not None:
        case.facts = dict(facts)
    proposal = _proposal(case, on)
    sanction = _check_amount(case, proposal, fine, measures, on)
    compensation = fine if sanction == Sanction.COMPENSATION else None
    if compensation is not None:
        fine = Decimal(0)  # 加付赔偿金 is not a 罚款: no hearing threshold, no 加处罚款
    reasons = hearing_rules.hearing_triggers(
        fine=fine,
        party_kind=case.party_kind,
        measures=frozenset(measures),
        thresholds=c.hearing_thresholds(),
    )
    case.notified_on, case.proposed_outcome, case.proposed_fine = on, outcome, fine
    case.sanction, case.proposed_compensation = sanction, compensation
    case.proposed_measures, case.proposed_text = measures, text.strip()
    case.proposal, case.hearing_reasons = _proposal_dict(proposal), reasons
    c.save(
        case,
        "status",
        "sanction",
        "proposed_compensation",
        "notified_on",
        "proposed_outcome",
        "proposed_fine",
        "proposed_measures",
        "proposed_text",
        "proposal",
        "hearing_reasons",
        "violation_code",
        "facts",
    )
    if reasons and not c.open_deadline(case, HEARING_REQUEST):
        deadline_open(
            subject=case,
            rule_code=HEARING_REQUEST,
            start=on,
            actor=actor,
            org_unit=case.org_unit,
            owner=c.case_owner(case),
        )
    c.enter_date(case, "notify", on, actor)
    c.record(
        case,
        "notify",
        actor,
        on=on,
        outcome=outcome,
        fine=fine,
        compensation=compensation,
        measures=measures,
        hearing=reasons,
        proposal=case.proposal,
        **{"from": previous, "to": case.status},
    )
    return case
