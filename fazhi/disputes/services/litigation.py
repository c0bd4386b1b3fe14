"""Writes on litigation cases (行政应诉), one service per step of the seed's workflow:

诉讼文书接收 → 应诉事务审批（代理人选定）→ 答辩举证 → 负责人出庭 → 判决（裁定）→ 履行.

Each runs in a transaction, checks the step order, moves the clock and audits
``disputes.litigation.<verb>``; a refusal raises `Refused` before anything is written.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction

from fazhi.accounts.permissions import DISPUTES_HANDLE, HEAD_APPROVAL, allowed, require
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_cancel, deadline_meet, deadline_open
from fazhi.disputes.domain import litigation as rules
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.domain.litigation import Instance, Outcome, Step
from fazhi.disputes.domain.reconsideration import ErrorCause
from fazhi.disputes.models import LitigationCase
from fazhi.disputes.publicity import withdraw_after_judgment
from fazhi.disputes.services.clock import open_deadline

APPEAL_RULES = ("litigation.appeal_judgment", "litigation.appeal_ruling")


def _locked(case: LitigationCase) -> LitigationCase:
    return LitigationCase.objects.select_for_update().get(pk=case.pk)


def _advance(case: LitigationCase, target: Step) -> None:
    rules.check_step(Step(case.step), target)
    case.step = target


def _record(case, action: str, actor, **data) -> None:
    audit.record(actor=actor, action=f"disputes.litigation.{action}", target=case, data=data)


@transaction.atomic
def litigation_register(
    *,
    org_unit,
    court: str,
    case_number: str,
    instance: Instance,
    plaintiff: str,
    act: str,
    claims: str,
    received_on: date,
    actor,
    handler=None,
    reconsideration=None,
    power_item_code: str = "",
    original_case_ref: str = "",
    officers: str = "",
) -> LitigationCase:
    """诉讼文书接收: the complaint copy arrived; the answer is due in 15 days (第六十七条)."""
    require(actor, DISPUTES_HANDLE, unit=org_unit)
    if not court.strip() or not case_number.strip():
        raise Refused("请填写法院和案号")
    if len(act.strip()) < 4:
        raise Refused("请写明被诉的行政行为", rules.ANSWER_BASIS)
    if LitigationCase.objects.filter(case_number=case_number.strip()).exists():
        raise Refused(f"案号“{case_number}”已登记")
    case = LitigationCase.objects.create(
        org_unit=org_unit,
        court=court.strip(),
        case_number=case_number.strip(),
        instance=Instance(instance),
        plaintiff=plaintiff.strip(),
        act=act.strip(),
        claims=claims.strip(),
        received_on=received_on,
        step=Step.RECEIVED,
        handler=handler,
        reconsideration=reconsideration,
        power_item_code=power_item_code,
        original_case_ref=original_case_ref,
        officers=officers,
    )
    deadline_open(
        subject=case,
        rule_code="litigation.answer",
        start=received_on,
        actor=actor,
        owner=handler,
        org_unit=org_unit,
    )
    _record(case, "register", actor, court=case.court, instance=case.instance, on=received_on)
    return case


@transaction.atomic
def litigation_approve(
    *, case: LitigationCase, approver, agent: str, on: date, actor
) -> LitigationCase:
    """应诉事务审批 and 代理人选定: a leader approves the defence and the agent."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    if not (approver and allowed(approver, HEAD_APPROVAL)):
        raise PermissionDenied("应诉事务须经局领导审批")
    if not agent.strip():
        raise Refused("请填写委托代理人")
    _advance(case, Step.APPROVED)
    case.approved_by, case.approved_on, case.agent = approver, on, agent.strip()
    case.save()
    _record(case, "approve", actor, approver=approver.pk, agent=case.agent, on=on)
    return case


@transaction.atomic
def litigation_answer(*, case: LitigationCase, on: date, actor) -> LitigationCase:
    """答辩举证. An answer after the 15 days is recorded and flagged: late evidence counts as
    none (行政诉讼法 第六十七条、第三十四条)."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    _advance(case, Step.ANSWERED)
    deadline = open_deadline(case, "litigation.answer")
    due = deadline.due if deadline is not None else on
    case.answer_late = rules.answer_is_late(received_on=case.received_on, answered_on=on, due=due)
    if deadline is not None:
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
    case.answered_on = on
    case.save()
    _record(case, "answer", actor, on=on, late=case.answer_late, basis=rules.ANSWER_BASIS)
    return case


def _is_staff(name: str) -> bool:
    """Whether ``name`` is one of the agency's own people: an active account or officer."""
    from django.contrib.auth import get_user_model

    from fazhi.officers.models import Officer

    name = name.strip()
    if not name:
        return False
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(full_name=name).exists()
        or Officer.objects.filter(name=name, is_active=True).exists()
    )


@transaction.atomic
def litigation_hearing(
    *,
    case: LitigationCase,
    on: date,
    head_appeared: bool,
    actor,
    head_name: str = "",
    stand_in: str = "",
    absence_reason: str = "",
) -> LitigationCase:
    """负责人出庭: who appeared for the bureau; a head's absence needs a reason and a stand-in."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    rules.check_appearance(
        head_appeared=head_appeared,
        head_name=head_name,
        stand_in=stand_in,
        reason=absence_reason,
        stand_in_is_staff=head_appeared or _is_staff(stand_in),
    )
    if on < case.received_on:
        raise Refused("开庭日期不能早于收到起诉状副本的日期")
    _advance(case, Step.HEARD)
    case.hearing_on, case.head_appeared = on, head_appeared
    case.head_name = head_name.strip() if head_appeared else ""
    case.stand_in = "" if head_appeared else stand_in.strip()
    case.absence_reason = "" if head_appeared else absence_reason
    case.save()
    _record(case, "hearing", actor, on=on, head_appeared=head_appeared, reason=absence_reason)
    return case


@transaction.atomic
def litigation_judge(
    *, case: LitigationCase, outcome: Outcome, served_on: date, actor, error_cause: str = ""
) -> LitigationCase:
    """The judgment or ruling was served: the appeal period starts (第八十五条). A loss must
    name its cause, which feeds back to the enforcement unit."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    if outcome not in set(Outcome):
        raise Refused("请选择判决或裁定的结果")
    outcome = Outcome(outcome)
    if outcome in rules.LOSSES and error_cause not in set(ErrorCause):
        raise Refused("败诉案件须注明败诉原因")
    if outcome not in rules.RULINGS and case.step == Step.ANSWERED:
        raise Refused("判决前应记录开庭及负责人出庭情况")
    if case.step == Step.ANSWERED:  # a ruling without a hearing (撤诉、驳回起诉)
        case.step = Step.HEARD
    _advance(case, Step.JUDGED)
    case.outcome, case.judged_on = outcome, served_on
    case.error_cause = error_cause if outcome in rules.LOSSES else ""
    case.save()
    deadline_open(
        subject=case,
        rule_code=rules.appeal_rule(rules.kind_of(outcome)),
        start=served_on,
        actor=actor,
        owner=case.handler,
        org_unit=case.org_unit,
    )
    _record(case, "judge", actor, outcome=outcome, on=served_on, lost=case.is_lost)
    return case


@transaction.atomic
def litigation_perform(*, case: LitigationCase, on: date, note: str, actor) -> LitigationCase:
    """判决履行: once the appeal period has passed, record performance (or that none is due).
    A judgment that undoes the original act withdraws its publicity (disputes/publicity.py)."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    appeal = open_deadline(case, *APPEAL_RULES)
    if appeal is not None and on <= appeal.due:
        raise Refused(
            f"上诉期至{appeal.due:%Y-%m-%d}届满，裁判尚未生效",
            "《中华人民共和国行政诉讼法》第八十五条",
        )
    if not note.strip():
        raise Refused("请填写履行情况")
    _advance(case, Step.PERFORMED)
    if appeal is not None:
        deadline_cancel(deadline=appeal, actor=actor, reason="上诉期届满未上诉，裁判生效")
    case.performed_on, case.performance_note = on, note.strip()
    case.save()
    # Effective the day after the appeal period ended, or on service without one (二审).
    effective = appeal.due + timedelta(days=1) if appeal is not None else case.judged_on
    withdrawn = withdraw_after_judgment(case, actor=actor, on=on, effective=effective or on)
    _record(case, "perform", actor, on=on, publicity_withdrawn=withdrawn.pk if withdrawn else None)
    return case
