"""The 撤销 after 行政复议 of the publicity demo: a published penalty of an enforcement case is
withdrawn through a reconsideration naming the case. ``fazhi.publicity.demo`` calls it for the
records of enforcement cases (registered in ``DisputesConfig.ready``; publicity sits below
disputes)."""

from __future__ import annotations

from datetime import date

from fazhi.core.demo import on_day
from fazhi.core.selectors.calendar import work_calendar
from fazhi.disputes.domain.reconsideration import DecisionType, ErrorCause, Role
from fazhi.disputes.services import reconsideration as recon
from fazhi.enforcement.models import Case

SOURCE_TYPE = Case._meta.label_lower


def _case_of(record):
    if record.source_type != Case._meta.label_lower:
        return None
    return Case.objects.filter(pk=record.source_id).select_related("org_unit", "power_item").first()


def revoked_on_reconsideration(ctx, record, *, decided: date, served: date) -> bool:
    """The party applies for reconsideration (the deciding unit answers as 被申请人); the decision
    is revoked, and serving that decision withdraws the record in the same transaction. False
    when the record's case is gone."""
    case = _case_of(record)
    if case is None:
        return False
    legal = ctx.users["fagui"]
    calendar = work_calendar()
    number = case.decision_number or case.reference
    dispute = recon.reconsideration_apply(
        org_unit=case.org_unit,
        role=Role.RESPONDENT,
        applicant_name=record.party_name,
        respondent=case.org_unit.name,
        act=f"行政处罚决定书（{number}）",
        act_known_on=record.decided_on,
        requests="撤销该行政处罚决定",
        reasons="认定的主要事实不清、证据不足",
        received_on=calendar.add_working_days(record.published_on, 2),
        actor=legal,
        handler=legal,
        original_case_ref=number,
        power_item_code=case.power_item.code,
        officers="周执法、吴执法",
        reference=f"津政复〔{decided.year}〕公示演示1号",
    )
    dispute = recon.reconsideration_decide(
        case=dispute,
        decision=DecisionType.REVOKE,
        on=decided,
        actor=legal,
        text="主要事实不清、证据不足，决定撤销",
        error_cause=ErrorCause.FACTS_UNCLEAR.value,
    )
    with on_day(served):  # serving withdraws the record, dated by the clock
        recon.reconsideration_serve(case=dispute, on=served, actor=legal)
    ctx.created["reconsideration_cases"] += 1
    return True
