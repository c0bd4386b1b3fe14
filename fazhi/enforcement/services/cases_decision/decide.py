"""The officer's proposal, the 负责人's send-back and decision with its number (行政处罚法
2021 第五十七、五十九条). Audits ``enforcement.case.propose`` / ``send_back`` / ``decide``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.db import transaction

from fazhi.accounts.permissions import (
    ENFORCEMENT_DECIDE,
    ENFORCEMENT_HANDLE,
    require,
)
from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused
from fazhi.core.services.deadlines import deadline_cancel, deadline_open
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.numbering import (
    check_number_order,
    decision_number,
    prefix_for,
)
from fazhi.enforcement.models import (
    Case,
)
from fazhi.enforcement.publicity import case_publicity_register
from fazhi.enforcement.services import cases_common as c
from fazhi.enforcement.services.cases import CASE_CLOCKS
from fazhi.enforcement.services.cases_decision.checks import (
    HEARING_REQUEST,
    SERVICE,
    _audit_person,
    _check_decision,
)


@transaction.atomic
def case_propose(
    *,
    case: Case,
    on: date,
    outcome: str,
    fine: Decimal | None,
    text: str,
    actor,
    measures: Sequence[str] = (),
    departure_reason: str = "",
    seen_version: int | None = None,
) -> Case:
    """The officer's 处理意见 after the investigation, the 告知 and, where required, the 法制审核:
    it goes to the 负责人, who reviews and decides (行政处罚法 2021 第五十七条; 2017 第三十八条).
    Checked like the decision itself (`_check_decision`), except the 集体讨论 which may follow
    it. ``fine`` is the amount: a 罚款, or 加付赔偿金 where the benchmark item says so.
    Audits ``enforcement.case.propose``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.PROPOSE, on)
    flow.check_not_before(on, case.notified_on, "告知日期")
    outcome, fine, compensation, measures, sanction, triggers = _check_decision(
        case,
        on=on,
        outcome=outcome,
        fine=Decimal(fine or 0),
        measures=measures,
        text=text,
        departure_reason=departure_reason,
        discussion_needed=False,
    )
    c.check_evidence_intact(c.case_evidence(case), on)  # the proposal rests on the evidence
    case.proposed_on, case.proposed_by = on, _audit_person(actor)
    case.proposed_decision = {
        "outcome": outcome,
        "fine": str(fine),
        "compensation": None if compensation is None else str(compensation),
        "measures": measures,
        "text": text.strip(),
        "departure_reason": departure_reason.strip(),
        "sanction": sanction,
        "needs_discussion": bool(case.is_serious),
    }
    c.save(case, "status", "proposed_on", "proposed_by", "proposed_decision")
    c.record(
        case,
        "propose",
        actor,
        on=on,
        outcome=outcome,
        fine=fine,
        compensation=compensation,
        measures=measures,
        triggers=[t.code for t in triggers],
        **{"from": previous, "to": case.status},
    )
    return case


@transaction.atomic
def case_send_back(
    *, case: Case, on: date, reason: str, actor, seen_version: int | None = None
) -> Case:
    """The 负责人 does not decide on the proposal and sends the case back for further
    investigation or review (行政处罚法 2021 第五十七条; 2017 第三十八条). Audits
    ``enforcement.case.send_back``."""
    case = c.lock(case, seen_version)
    require(actor, ENFORCEMENT_DECIDE, unit=case.org_unit)
    previous = c.move(case, flow.Action.SEND_BACK, on)
    flow.check_not_before(on, case.proposed_on, "提出处理意见日期")
    if not reason.strip():
        raise Refused("退回须写明理由", cit.cite_penalty("decide", on))
    c.save(case, "status")
    c.record(
        case,
        "send_back",
        actor,
        on=on,
        reason=reason.strip(),
        **{"from": previous, "to": case.status},
    )
    return case


_UNSET = object()


@transaction.atomic
def case_decide(
    *,
    case: Case,
    on: date,
    actor,
    outcome: str | None = None,
    fine: Decimal | object | None = _UNSET,
    text: str | None = None,
    measures: Sequence[str] | None = None,
    departure_reason: str | None = None,
    seen_version: int | None = None,
) -> Case:
    """The 负责人's decision on the officer's proposal, with its number (行政处罚法 2021
    第五十七、五十九条; 2017 第三十八、三十九条). Only a 负责人 decides (``ENFORCEMENT_DECIDE``);
    the values not given are the proposal's.

    Refuses: a decision before the hearing-request period ends; one that needs 法制审核 without
    an agreeing review; a serious case without 集体讨论 (第五十七条第二款); a heavier penalty than
    notified (第四十五条); an amount above the statutory maximum (no reason lifts it) or outside
    the benchmark's tier without a reason; 加付赔偿金 without an overdue 责令支付; an altered
    evidence file. Numbers the decision from a locked per-year counter; registers it for
    publicity. Audits ``enforcement.case.decide``.
    """
    case = c.lock(case, seen_version)
    require(actor, ENFORCEMENT_DECIDE, unit=case.org_unit)
    previous = c.move(case, flow.Action.DECIDE, on)
    c.check_typed("decide", on)
    flow.check_not_before(on, case.proposed_on, "提出处理意见日期")
    proposed = case.proposed_decision or {}
    if fine is _UNSET:
        amount = proposed.get("compensation") or proposed.get("fine") or 0
    else:
        amount = fine or 0
    outcome, fine, compensation, measures, sanction, triggers = _check_decision(
        case,
        on=on,
        outcome=outcome or proposed.get("outcome") or review_rules.Outcome.PENALTY,
        fine=Decimal(str(amount)),
        measures=proposed.get("measures", []) if measures is None else measures,
        text=proposed.get("text", "") if text is None else text,
        departure_reason=(
            proposed.get("departure_reason", "") if departure_reason is None else departure_reason
        ),
        discussion_needed=True,
    )
    text = proposed.get("text", "") if text is None else text
    departure_reason = (
        proposed.get("departure_reason", "") if departure_reason is None else departure_reason
    )
    c.check_evidence_intact(c.case_evidence(case), on)
    prefix = prefix_for(case.org_unit.code, c.option("ENFORCEMENT_DECISION_PREFIXES"))
    serial = c.take_serial(prefix, on.year)  # locks the counter: the check below is race-free
    latest = (
        Case.objects.filter(decision_prefix=prefix, decision_year=on.year)
        .exclude(decided_on=None)
        .order_by("-decided_on", "-decision_serial")
        .values_list("decided_on", "decision_number")
        .first()
    )
    check_number_order(
        decided_on=on,
        latest_on=latest[0] if latest else None,
        latest_number=latest[1] if latest else "",
    )
    case.decision_prefix, case.decision_year, case.decision_serial = prefix, on.year, serial
    case.decision_number = decision_number(prefix, on.year, serial)
    case.decided_on, case.outcome, case.fine, case.measures = on, outcome, fine, measures
    case.compensation, case.sanction = compensation, sanction
    case.decided_by = _audit_person(actor)
    case.decision_text, case.departure_reason = text.strip(), departure_reason.strip()
    c.save(
        case,
        "status",
        "decision_prefix",
        "decision_year",
        "decision_serial",
        "decision_number",
        "decided_on",
        "decided_by",
        "outcome",
        "fine",
        "compensation",
        "sanction",
        "measures",
        "decision_text",
        "departure_reason",
    )
    # the decision clock is met on the day the decision is entered (never the typed date)
    c.enter_date(case, "decide", on, actor, meets=c.open_deadline(case, *CASE_CLOCKS))
    if deadline := c.open_deadline(case, HEARING_REQUEST):
        deadline_cancel(deadline=deadline, actor=actor, reason="当事人未在期限内要求听证")
    deadline_open(
        subject=case,
        rule_code=SERVICE,
        start=on,
        actor=actor,
        org_unit=case.org_unit,
        owner=c.case_owner(case),
    )
    case_publicity_register(case=case, actor=actor)  # 118号（六）: the publicity clock starts now
    c.record(
        case,
        "decide",
        actor,
        on=on,
        number=case.decision_number,
        outcome=outcome,
        fine=fine,
        compensation=compensation,
        sanction=sanction,
        measures=measures,
        triggers=[t.code for t in triggers],
        departure_reason=case.departure_reason,
        **{"from": previous, "to": case.status},
    )
    return case
