"""A dispute that undoes a decision withdraws its publicity (执法公示 事后).

《中华人民共和国行政处罚法》第四十八条第二款: a published penalty decision that is 变更、撤销、确认违法
or 确认无效 is withdrawn within three working days, with the reason published (国办发〔2018〕118号
（六）: the same for licensing and other decisions). The dispute names the original decision
(原执法案件编号: an enforcement case's 案件编号 or 决定书文号, or a licensing decision's 受理编号 or
许可文号); when that decision is on the publicity register, pending or published, the step that
makes the dispute's decision effective withdraws it in the same transaction:

* reconsideration: on service, when the decision takes effect (行政复议法（2023）第七十五条);
* litigation: at 判决履行, once the appeal period has passed (行政诉讼法 第八十五条); the
  judgment took effect the day after the period ended, or on service when it had none (二审).

A withdrawal the publicity rules refuse refuses the dispute step too: nothing is written.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from fazhi.core.domain.errors import Refused as PublicityRefused
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.domain.litigation import Outcome
from fazhi.disputes.domain.reconsideration import DecisionType
from fazhi.enforcement.selectors import case_by_reference_or_number
from fazhi.enforcement.services.cases_disputes import case_decision_set_aside
from fazhi.govservices.selectors import application_by_reference_or_number
from fazhi.publicity.domain.enums import Change
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.selectors import active_record_for, record_of
from fazhi.publicity.services import publicity_withdraw

RECONSIDERATION_CHANGES: dict[DecisionType, Change] = {
    DecisionType.REVOKE: Change.REVOKED,  # 行政复议法（2023）第六十四条
    DecisionType.VARY: Change.CHANGED,  # 第六十三条
    DecisionType.CONFIRM_ILLEGAL: Change.CONFIRMED_UNLAWFUL,  # 第六十五条
    DecisionType.CONFIRM_VOID: Change.CONFIRMED_VOID,  # 第六十七条
}
LITIGATION_CHANGES: dict[Outcome, Change] = {
    Outcome.REVOKE: Change.REVOKED,  # 行政诉讼法 第七十条
    Outcome.VARY: Change.CHANGED,  # 第七十七条
    Outcome.CONFIRM_ILLEGAL: Change.CONFIRMED_UNLAWFUL,  # 第七十四条
    Outcome.CONFIRM_VOID: Change.CONFIRMED_VOID,  # 第七十五条
}


def withdraw_after_reconsideration(case, *, actor, on: date) -> PublicityRecord | None:
    """On service of ``case``'s decision (``on``), which takes effect that day."""
    change = RECONSIDERATION_CHANGES.get(DecisionType(case.decision)) if case.decision else None
    return _changed(
        case,
        change=change,
        by=f"行政复议（{case.reference}）",
        basis="《中华人民共和国行政复议法》（2023年修订）第六十三至六十七条",
        effective=on,
        actor=actor,
        on=on,
    )


def withdraw_after_judgment(case, *, actor, on: date, effective: date) -> PublicityRecord | None:
    """At 判决履行 (``on``) of ``case``, whose judgment took effect on ``effective``."""
    change = LITIGATION_CHANGES.get(Outcome(case.outcome)) if case.outcome else None
    return _changed(
        case,
        change=change,
        by=f"{case.court}{case.case_number}判决",
        basis="《中华人民共和国行政诉讼法》第七十条、第七十四条、第七十五条、第七十七条",
        effective=effective,
        actor=actor,
        on=on,
    )


def _changed(case, *, change, by: str, basis: str, effective: date, actor, on: date):
    """The original decision ``by`` changed reaches its case and withdraws its publicity record
    (withdrawn on ``on``, changed as from the earlier of ``effective`` and ``on``)."""
    reach_the_case(
        original_ref=case.original_case_ref,
        change=change,
        by=by,
        effective_on=effective,
        basis=basis,
        actor=actor,
    )
    return withdraw_original(
        original_ref=case.original_case_ref,
        change=change,
        reason=f"经{by}，原决定被{change}",
        actor=actor,
        on=on,
        changed_on=min(effective, on),
    )


def reach_the_case(
    *, original_ref: str, change: Change | None, by: str, effective_on: date, basis: str, actor
) -> None:
    """The enforcement case whose decision the dispute undid records it (through its own
    service): the fine is no longer due, and refunded if paid."""
    if change is None:
        return
    case = case_by_reference_or_number(original_ref)
    if case is None or not case.decided_on:
        return
    case_decision_set_aside(
        case=case, change=str(change), by=by, effective_on=effective_on, basis=basis, actor=actor
    )


def withdraw_original(
    *, original_ref: str, change: Change | None, reason: str, actor, on: date, changed_on: date
) -> PublicityRecord | None:
    """Withdraw the publicity of the decision ``original_ref`` names, if ``change`` undoes it
    and the decision has a record still pending or published; returns the withdrawn record."""
    if change is None:
        return None
    source = _decision_named(original_ref)
    if source is None:
        return None
    record = active_record_for(source_type=source._meta.label_lower, source_id=str(source.pk))
    if record is None:
        return None
    try:
        # the withdrawal itself is dated by the system (publicity_withdraw); ``on`` bounds
        # the typed date of the change
        return publicity_withdraw(
            record=record,
            reason=reason,
            change=change,
            actor=actor,
            changed_on=min(changed_on, on, timezone.localdate()),
        )
    except PublicityRefused as exc:
        raise Refused(f"原决定（{original_ref}）的公示无法撤回：{exc.message}", exc.basis) from None


def _decision_named(ref: str):
    """The enforcement case or the licensing decision ``ref`` names (a case first: its numbers
    and an application's are issued by different series)."""
    return case_by_reference_or_number(ref) or application_by_reference_or_number(ref)


def original_publicity(original_ref: str) -> PublicityRecord | None:
    """The newest publicity record, in any state, of the decision ``original_ref`` names (for
    the case page: whether the dispute's outcome reached the public register)."""
    source = _decision_named(original_ref)
    return record_of(source) if source is not None else None
