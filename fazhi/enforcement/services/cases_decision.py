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

from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.deadlines import deadline_compute
from fazhi.core.services.deadlines import deadline_cancel, deadline_meet, deadline_open
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import hearing as hearing_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.discretion import Facts, departure_needs_reason
from fazhi.enforcement.domain.numbering import decision_number, prefix_for
from fazhi.enforcement.models import Case, CaseAct, Hearing, LegalReview
from fazhi.enforcement.publicity import case_publicity_register
from fazhi.enforcement.services import cases_common as c
from fazhi.enforcement.services.cases import CASE_CLOCKS
from fazhi.enforcement.services.discretion import discretion_propose
from fazhi.officers.domain.certificates import BASIS_REVIEWER
from fazhi.officers.selectors import reviewer_qualification_problem

HEARING_REQUEST = "penalty.hearing_request"
HEARING_NOTICE = "penalty.hearing_notice"
SERVICE = "penalty.service"
PENALTY_LAW = flow.PENALTY_LAW


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


def _check_measures(measures: Sequence[str]) -> list[str]:
    try:
        return sorted({review_rules.Measure(m).value for m in measures})
    except ValueError:
        raise Refused("处罚种类不正确", f"{PENALTY_LAW}第九条") from None


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
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.NOTIFY)
    flow.check_not_before(on, case.filed_on, "立案日期")
    act_rules.check_investigated(case.acts.filter(kind__in=act_rules.FINDING_KINDS).count())
    outcome = review_rules.Outcome(outcome)
    measures = _check_measures(measures)
    if not text.strip():
        raise Refused("请写明拟作出处罚的事实、理由和依据", f"{PENALTY_LAW}第四十四条")
    fine = Decimal(fine or 0)
    if outcome == review_rules.Outcome.NO_PENALTY and (fine or measures):
        raise Refused("拟不予处罚的，不能同时拟处罚款或其他处罚", f"{PENALTY_LAW}第三十三条")
    if violation_code is not None:
        case.violation_code = violation_code
    if facts is not None:
        case.facts = dict(facts)
    proposal = _proposal(case, on)
    reasons = hearing_rules.hearing_triggers(
        fine=fine,
        party_kind=case.party_kind,
        measures=frozenset(measures),
        thresholds=c.hearing_thresholds(),
    )
    case.notified_on, case.proposed_outcome, case.proposed_fine = on, outcome, fine
    case.proposed_measures, case.proposed_text = measures, text.strip()
    case.proposal, case.hearing_reasons = _proposal_dict(proposal), reasons
    c.save(
        case,
        "status",
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
    c.record(
        case,
        "notify",
        actor,
        on=on,
        outcome=outcome,
        fine=fine,
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
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.REQUEST_HEARING)
    flow.check_not_before(on, case.notified_on, "告知日期")
    last_day = _hearing_last_day(case)
    hearing_rules.check_request(
        has_right=bool(case.hearing_reasons), requested_on=on, last_day=last_day or on
    )
    if Hearing.objects.filter(case=case).exists():
        raise Refused("本案已经申请过听证", hearing_rules.BASIS_64)
    hearing = Hearing.objects.create(case=case, requested_on=on)
    c.save(case, "status")
    if deadline := c.open_deadline(case, HEARING_REQUEST):
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
    c.record(case, "hearing_request", actor, on=on, **{"from": previous, "to": case.status})
    return hearing


def _hearing(case: Case) -> Hearing:
    if flow.Status(case.status) != flow.Status.HEARING:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不在听证程序中", hearing_rules.BASIS_64
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
    case = c.lock(case, seen_version)
    hearing = _hearing(case)
    flow.check_not_before(notice_on, hearing.requested_on, "听证申请日期")
    hearing_rules.check_presiding(
        presiding_is_investigator=presiding is None or presiding.pk in c.investigator_user_ids(case)
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
    case = c.lock(case, seen_version)
    hearing = _hearing(case)
    if hearing.hearing_on is None:
        raise Refused("尚未通知听证，不能记录听证笔录", hearing_rules.BASIS_64)
    flow.check_not_before(held_on, hearing.hearing_on, "通知的听证日期")
    act_rules.check_summary(act_rules.ActKind.HEARING_RECORD, summary)
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
    case = c.lock(case, seen_version)
    hearing = Hearing.objects.select_for_update().filter(case=case).first()
    if hearing is not None:
        hearing_rules.check_can_close(
            has_record=hearing.record_id is not None,
            held=hearing.record_id is not None,
            waived=waived,
        )
    previous = c.move(case, flow.Action.CLOSE_HEARING)
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
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.SUBMIT_REVIEW)
    flow.check_not_before(on, case.notified_on, "告知日期")
    triggers = c.review_triggers(case)
    last = case.reviews.order_by("-round").first()
    review = LegalReview.objects.create(
        case=case,
        round=(last.round + 1 if last else 1),
        submitted_on=on,
        submitted_by=actor,
        triggers=[{"code": t.code, "label": t.label, "basis": t.basis} for t in triggers],
    )
    c.save(case, "status")
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
    case = c.lock(case, seen_version)
    review_rules.check_reviewer(
        is_reviewer=c.is_reviewer(actor),
        is_investigator=getattr(actor, "pk", None) in c.investigator_user_ids(case),
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
    previous = c.move(case, action)
    review = case.reviews.select_for_update().order_by("-round").first()
    flow.check_not_before(on, review.submitted_on, "提交审核日期")
    review.reviewer, review.reviewed_on, review.opinion = actor, on, result.opinion
    review.points = {p.code: {"passed": p.passed, "note": p.note} for p in result.points}
    review.comments = result.comments
    review.save(update_fields=["reviewer", "reviewed_on", "opinion", "points", "comments"])
    c.save(case, "status")
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
    """集体讨论 by the agency's 负责人 for serious cases (行政处罚法 第五十七条第二款)."""
    case = c.lock(case, seen_version)
    if flow.Status(case.status) not in {
        flow.Status.NOTIFIED,
        flow.Status.HEARD,
        flow.Status.REVIEWED,
    }:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不能组织集体讨论", f"{PENALTY_LAW}第五十七条"
        )
    if not attendees.strip() or not conclusion.strip():
        raise Refused("集体讨论记录须写明参加人员和讨论决定", f"{PENALTY_LAW}第五十七条第二款")
    act = c.add_act(
        case,
        kind=act_rules.ActKind.DISCUSSION,
        on=on,
        actor=actor,
        summary=conclusion,
        data={"attendees": attendees.strip()},
    )
    c.save(case)
    c.record(case, "discuss", actor, seq=act.seq, on=on)
    return act


@transaction.atomic
def case_decide(
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
    """The decision with its number (第五十七、五十九条).

    Refuses: a decision before the hearing-request period ends (第六十四条); one that needs
    法制审核 without an agreeing review (第五十八条); a serious case without 集体讨论
    (第五十七条); a heavier penalty than notified (第四十五条); a fine outside the benchmark's
    range without a reason (第三十四条); an altered evidence file. Numbers the decision from a
    locked per-year counter; registers the decision for publicity (``publicity.record.register``).
    Audits ``enforcement.case.decide``.
    """
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.DECIDE)
    flow.check_not_before(on, case.notified_on, "告知日期")
    outcome = review_rules.Outcome(outcome)
    measures = _check_measures(measures)
    fine = Decimal(fine or 0)
    if not text.strip():
        raise Refused("请写明处罚决定的内容", f"{PENALTY_LAW}第五十九条")
    if outcome == review_rules.Outcome.NO_PENALTY and (fine or measures):
        raise Refused("不予处罚决定不能同时处以罚款或其他处罚", f"{PENALTY_LAW}第三十三条")
    hearing = Hearing.objects.filter(case=case).first()
    hearing_rules.check_decision_after_window(
        has_right=bool(case.hearing_reasons),
        requested=hearing is not None,
        decided_on=on,
        last_day=_hearing_last_day(case),
    )
    triggers = c.review_triggers(case, fine=fine, measures=measures, outcome=outcome)
    review_rules.check_review_done(
        required=triggers, agreed=flow.Status(previous) == flow.Status.REVIEWED
    )
    if case.is_serious and not case.acts.filter(kind=act_rules.ActKind.DISCUSSION).exists():
        raise Refused(
            "情节复杂或重大违法行为的处罚，须经行政机关负责人集体讨论决定",
            f"{PENALTY_LAW}第五十七条第二款",
        )
    if fine > (case.proposed_fine or 0) or set(measures) - set(case.proposed_measures):
        raise Refused(
            "决定的处罚不能重于告知的拟处罚（如须加重，应重新告知）", f"{PENALTY_LAW}第四十五条"
        )
    proposal = _proposal(case, case.notified_on)
    if proposal is not None:  # 不予处罚 (0) departs too unless the benchmark allows it (第三十三条)
        act_rules.check_fine(
            fine=fine, needs_reason=departure_needs_reason(proposal, fine), reason=departure_reason
        )
    c.check_evidence_intact(c.case_evidence(case))
    prefix = prefix_for(case.org_unit.code, c.option("ENFORCEMENT_DECISION_PREFIXES"))
    serial = c.take_serial(prefix, on.year)
    case.decision_prefix, case.decision_year, case.decision_serial = prefix, on.year, serial
    case.decision_number = decision_number(prefix, on.year, serial)
    case.decided_on, case.outcome, case.fine, case.measures = on, outcome, fine, measures
    case.decision_text, case.departure_reason = text.strip(), departure_reason.strip()
    c.save(
        case,
        "status",
        "decision_prefix",
        "decision_year",
        "decision_serial",
        "decision_number",
        "decided_on",
        "outcome",
        "fine",
        "measures",
        "decision_text",
        "departure_reason",
    )
    if deadline := c.open_deadline(case, *CASE_CLOCKS):
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
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
        measures=measures,
        triggers=[t.code for t in triggers],
        departure_reason=case.departure_reason,
        **{"from": previous, "to": case.status},
    )
    return case
