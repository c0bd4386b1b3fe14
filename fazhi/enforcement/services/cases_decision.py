"""From the investigated facts to the decision: 告知, 听证, 法制审核, 集体讨论, 决定.

Audits ``enforcement.case.notify`` / ``hearing_request`` / ``hearing_notice`` / ``hearing_record``
/ ``hearing_close`` / ``review_submit`` / ``review`` / ``discuss`` / ``decide``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from django.db import transaction

from fazhi.accounts.permissions import (
    ENFORCEMENT_DECIDE,
    ENFORCEMENT_HANDLE,
    ENFORCEMENT_LEGAL_REVIEW,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.deadlines import deadline_compute
from fazhi.core.services.deadlines import deadline_cancel, deadline_meet, deadline_open
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import citations as cit
from fazhi.enforcement.domain import hearing as hearing_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.discretion import (
    Facts,
    Sanction,
    check_statutory,
    departure_needs_reason,
)
from fazhi.enforcement.domain.numbering import check_number_order, decision_number, prefix_for
from fazhi.enforcement.models import Case, CaseAct, CorrectionOrder, Hearing, LegalReview
from fazhi.enforcement.publicity import case_publicity_register
from fazhi.enforcement.services import cases_common as c
from fazhi.enforcement.services.cases import CASE_CLOCKS
from fazhi.enforcement.services.discretion import discretion_propose
from fazhi.officers.domain.certificates import BASIS_REVIEWER
from fazhi.officers.selectors import reviewer_qualification_problem

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


def _hearing_last_day(case: Case) -> date | None:
    if not case.hearing_reasons or case.notified_on is None:
        return None
    return deadline_compute(code=HEARING_REQUEST, start=case.notified_on).due


@transaction.atomic
def case_hearing_request(
    *, case: Case, on: date, actor, seen_version: int | None = None
) -> Hearing:
    """The party asks for a hearing within the period (第六十四条第（一）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.REQUEST_HEARING, on)
    c.check_typed("hearing_request", on)
    flow.check_not_before(on, case.notified_on, "告知日期")
    last_day = _hearing_last_day(case)
    hearing_rules.check_request(
        has_right=bool(case.hearing_reasons), requested_on=on, last_day=last_day or on
    )
    if Hearing.objects.filter(case=case).exists():
        raise Refused("本案已经申请过听证", hearing_rules.basis(on, "request"))
    hearing = Hearing.objects.create(case=case, requested_on=on)
    c.save(case, "status")
    # The party's period (not the bureau's): met on the day the party asked.
    if deadline := c.open_deadline(case, HEARING_REQUEST):
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
    c.enter_date(case, "hearing_request", on, actor)
    c.record(case, "hearing_request", actor, on=on, **{"from": previous, "to": case.status})
    return hearing


def _hearing(case: Case) -> Hearing:
    if flow.Status(case.status) != flow.Status.HEARING:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不在听证程序中", hearing_rules.basis(None)
        )
    return Hearing.objects.select_for_update().get(case=case)


@transaction.atomic
def case_hearing_notice(
    *,
    case: Case,
    presiding,
    notice_on: date,
    hearing_on: date,
    place: str,
    actor,
    seen_version: int | None = None,
) -> Hearing:
    """Appoint the presiding officer (not an investigator) and notify the party at least 7
    (working) days before the hearing (第六十四条第（二）、（四）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    hearing = _hearing(case)
    flow.check_not_before(notice_on, hearing.requested_on, "听证申请日期")
    hearing_rules.check_presiding(
        presiding_is_investigator=presiding is None
        or presiding.pk in c.investigator_user_ids(case),
        on=notice_on,
    )
    latest = deadline_compute(code=HEARING_NOTICE, start=hearing_on).due
    hearing_rules.check_notice(notice_on=notice_on, hearing_on=hearing_on, latest_notice=latest)
    act = c.add_act(
        case,
        kind=act_rules.ActKind.HEARING_NOTICE,
        on=notice_on,
        actor=actor,
        summary=f"定于{hearing_on.isoformat()}在{place or '本机关'}举行听证，主持人{presiding}",
        place=place,
        data={"hearing_on": hearing_on.isoformat(), "presiding": presiding.pk},
    )
    hearing.presiding, hearing.notice_on, hearing.hearing_on = presiding, notice_on, hearing_on
    hearing.save(update_fields=["presiding", "notice_on", "hearing_on"])
    c.save(case)
    c.record(
        case, "hearing_notice", actor, seq=act.seq, hearing_on=hearing_on, presiding=presiding.pk
    )
    return hearing


@transaction.atomic
def case_hearing_record(
    *,
    case: Case,
    held_on: date,
    summary: str,
    actor,
    uploads: Sequence[c.Upload] = (),
    seen_version: int | None = None,
) -> CaseAct:
    """The signed 听证笔录 (第六十四条第（八）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    hearing = _hearing(case)
    if hearing.hearing_on is None:
        raise Refused("尚未通知听证，不能记录听证笔录", hearing_rules.basis(held_on, "record"))
    flow.check_not_before(held_on, hearing.hearing_on, "通知的听证日期")
    act_rules.check_summary(act_rules.ActKind.HEARING_RECORD, summary, held_on)
    files = c.ingest(case, uploads, actor)
    act = c.add_act(
        case,
        kind=act_rules.ActKind.HEARING_RECORD,
        on=held_on,
        summary=summary,
        actor=actor,
        evidence=files,
        data={"presiding": hearing.presiding_id},
    )
    hearing.record = act
    hearing.save(update_fields=["record"])
    c.save(case)
    c.record(
        case, "hearing_record", actor, seq=act.seq, on=held_on, evidence=[e.sha256 for e in files]
    )
    return act


@transaction.atomic
def case_hearing_close(
    *, case: Case, on: date, actor, waived: bool = False, seen_version: int | None = None
) -> Case:
    """End the hearing: only with its 笔录, unless the party withdrew or failed to appear
    (第六十四条第（六）、（八）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    hearing = Hearing.objects.select_for_update().filter(case=case).first()
    if hearing is not None:
        hearing_rules.check_can_close(
            has_record=hearing.record_id is not None,
            held=hearing.record_id is not None,
            waived=waived,
            on=on,
        )
    previous = c.move(case, flow.Action.CLOSE_HEARING, on)
    hearing.waived, hearing.closed_on = waived, on
    hearing.save(update_fields=["waived", "closed_on"])
    c.save(case, "status")
    c.record(
        case, "hearing_close", actor, on=on, waived=waived, **{"from": previous, "to": case.status}
    )
    return case


@transaction.atomic
def case_review_submit(
    *, case: Case, on: date, actor, seen_version: int | None = None
) -> LegalReview:
    """Send the case to 法制审核 with the catalogue entries it meets (第五十八条)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.SUBMIT_REVIEW, on)
    c.check_typed("review_submit", on)
    flow.check_not_before(on, case.notified_on, "告知日期")
    triggers = c.review_triggers(case, on)
    last = case.reviews.order_by("-round").first()
    review = LegalReview.objects.create(
        case=case,
        round=(last.round + 1 if last else 1),
        submitted_on=on,
        submitted_by=actor,
        triggers=[{"code": t.code, "label": t.label, "basis": t.basis} for t in triggers],
    )
    c.save(case, "status")
    c.enter_date(case, "review_submit", on, actor)
    c.record(
        case,
        "review_submit",
        actor,
        on=on,
        round=review.round,
        triggers=[t.code for t in triggers],
        **{"from": previous, "to": case.status},
    )
    return review


@transaction.atomic
def case_review(
    *,
    case: Case,
    on: date,
    points: Mapping[str, tuple[bool, str]],
    opinion: str,
    comments: str,
    actor,
    seen_version: int | None = None,
) -> LegalReview:
    """The reviewer's opinion on the seven points (118号 (十三)): 同意, or 存在问题 which sends
    the case back to be corrected and submitted again. The reviewer holds the 法制审核人员 role
    and did not investigate this case. Audits ``enforcement.case.review``."""
    # 法制审核人员 only (第五十八条; not the administrator): the role and the scope are the gate's
    require(actor, ENFORCEMENT_LEGAL_REVIEW, unit=case.org_unit)
    case = c.lock(case, seen_version)
    review_rules.check_reviewer(
        is_reviewer=True,
        is_investigator=getattr(actor, "pk", None) in c.investigator_user_ids(case),
        on=on,
    )
    # 行政处罚法 (2021) 第五十八条第二款: a first-time reviewer holds the 法律职业资格
    if unqualified := reviewer_qualification_problem(user=actor, on=on):
        raise Refused(unqualified, BASIS_REVIEWER)
    result = review_rules.check_opinion(points, opinion, comments)
    action = (
        flow.Action.REVIEW_AGREE
        if result.opinion == review_rules.Opinion.AGREE
        else flow.Action.REVIEW_PROBLEMS
    )
    previous = c.move(case, action, on)
    c.check_typed("review", on)
    review = case.reviews.select_for_update().order_by("-round").first()
    flow.check_not_before(on, review.submitted_on, "提交审核日期")
    review.reviewer, review.reviewed_on, review.opinion = actor, on, result.opinion
    review.points = {p.code: {"passed": p.passed, "note": p.note} for p in result.points}
    review.comments = result.comments
    review.save(update_fields=["reviewer", "reviewed_on", "opinion", "points", "comments"])
    c.save(case, "status")
    c.enter_date(case, "review", on, actor)
    c.record(
        case,
        "review",
        actor,
        on=on,
        round=review.round,
        opinion=result.opinion,
        problems=list(result.problems),
        **{"from": previous, "to": case.status},
    )
    return review


@transaction.atomic
def case_discuss(
    *,
    case: Case,
    on: date,
    attendees: str,
    conclusion: str,
    actor,
    seen_version: int | None = None,
) -> CaseAct:
    """集体讨论 by the agency's 负责人 for serious cases (行政处罚法 2021 第五十七条第二款; 2017
    第三十八条第二款), recorded with its attendees, date and conclusion, before the decision."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    if flow.Status(case.status) not in {
        flow.Status.NOTIFIED,
        flow.Status.HEARD,
        flow.Status.REVIEWED,
        flow.Status.PROPOSED,
    }:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不能组织集体讨论",
            cit.cite_penalty("collective", on),
        )
    if not attendees.strip() or not conclusion.strip():
        raise Refused("集体讨论记录须写明参加人员和讨论决定", cit.cite_penalty("collective", on))
    flow.check_not_before(on, case.notified_on, "告知日期")
    act = c.add_act(
        case,
        kind=act_rules.ActKind.DISCUSSION,
        on=on,
        actor=actor,
        summary=conclusion,
        data={"attendees": attendees.strip()},
    )
    c.save(case)
    c.record(case, "discuss", actor, seq=act.seq, on=on, attendees=attendees.strip())
    return act


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


def _audit_person(actor):
    from fazhi.core.services import audit

    return audit.person(actor)


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
