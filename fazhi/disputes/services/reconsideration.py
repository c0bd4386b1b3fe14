"""Writes on reconsideration cases (行政复议). Each step: one service, one audit event.

Every service runs in a transaction, checks the rule (raising `Refused` with the article before
anything is written), moves the statutory clock and audits ``disputes.reconsideration.<verb>``.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import IO

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from fazhi.accounts.permissions import DISPUTES_HANDLE, HEAD_APPROVAL, allowed, require
from fazhi.core.documents import agency_name
from fazhi.core.domain.docnum import DocNumber, format_docnum
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.services import audit
from fazhi.core.services.deadlines import (
    deadline_cancel,
    deadline_extend,
    deadline_meet,
    deadline_open,
    deadline_open_fixed,
)
from fazhi.core.services.evidence import evidence_ingest
from fazhi.core.services.numbering import take_serial
from fazhi.disputes.domain import decision as content
from fazhi.disputes.domain import jurisdiction
from fazhi.disputes.domain import reconsideration as rules
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.domain.reconsideration import DecisionType, Role, Status
from fazhi.disputes.models import ProceedingRecord, ReconsiderationCase
from fazhi.disputes.publicity import withdraw_after_reconsideration
from fazhi.disputes.services.clock import (
    DECISION_RULES,
    RESUMED_DECISION,
    RESUMED_TITLE,
    open_deadline,
)
from fazhi.publicity.services.records import authority_for

DEFAULT_PREFIX = "津人社复"
TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(10))


def reference_prefix() -> str:
    """The agency's 代字 for its 复议 numbers (configuration: ``FAZHI["RECONSIDERATION_PREFIX"]``;
    the default is illustrative, UNVERIFIED)."""
    return settings.FAZHI.get("RECONSIDERATION_PREFIX") or DEFAULT_PREFIX


def _reference(year: int) -> str:
    """津人社复〔YYYY〕N号 (GB/T 9704 7.2.4 发文字号: the agency's 代字, the year, a serial from 1)
    from core's locked counter (never by counting: concurrent filings collided). The counter's
    first value continues after the numbers already used under this 代字 (or the bare 复〔〕 of
    earlier releases); numbers typed from another body's papers (津政复…) are not ours."""
    prefix = reference_prefix()
    own = (f"{prefix}〔{year}〕", f"复〔{year}〕")

    def used() -> int:
        serials = [0]
        for ref in ReconsiderationCase.objects.filter(
            reference__contains=f"〔{year}〕"
        ).values_list("reference", flat=True):
            head = next((h for h in own if ref.startswith(h)), None)
            tail = ref[len(head) :].removesuffix("号") if head else ""
            if tail.isdigit():
                serials.append(int(tail))
        return max(serials)

    serial = take_serial("disputes.reconsideration", year, floor=used)
    return format_docnum(DocNumber(issuer=prefix, year=year, serial=serial))


def _agency(org_unit) -> str:
    """The full name of the department whose act is challenged: the bureau (configuration) or
    the district bureau above the unit that acted."""
    unit = org_unit
    while unit is not None and unit.kind not in ("bureau", "district"):
        unit = unit.parent
    if unit is None or unit.kind == "bureau":
        return agency_name()
    return authority_for(unit).name


def _locked(case: ReconsiderationCase) -> ReconsiderationCase:
    return ReconsiderationCase.objects.select_for_update().get(pk=case.pk)


def _move(case: ReconsiderationCase, target: Status) -> str:
    previous = case.status
    rules.check_transition(Status(previous), target)
    case.status = target
    return previous


def _record(case, action: str, actor, **data) -> None:
    audit.record(actor=actor, action=f"disputes.reconsideration.{action}", target=case, data=data)


@transaction.atomic
def reconsideration_apply(
    *,
    org_unit,
    role: Role,
    applicant_name: str,
    respondent: str,
    act: str,
    act_known_on: date,
    requests: str,
    received_on: date,
    actor,
    reasons: str = "",
    applicant_id_number: str = "",
    applicant_phone: str = "",
    is_online: bool = False,
    is_simplified: bool = False,
    attachments: tuple[tuple[IO[bytes], str], ...] = (),
    power_item_code: str = "",
    original_case_ref: str = "",
    officers: str = "",
    handler=None,
    reference: str = "",
    tracking_code: str = "",
    body_choice: str = "",
) -> ReconsiderationCase:
    """Register an application (online or from paper), or, as respondent, the copy received.

    Refuses an application with no identifiable act or out of its 60-day period (2023 第二十条 /
    2017 第九条) and an attachment the evidence store rejects. As 复议机关 it opens the 5-day
    acceptance review; as 被申请人 the case starts accepted with the reply deadline running.

    The 复议机关 is recorded by the date (domain/jurisdiction.py): as 被申请人, the government
    (2023 第二十四条) or, before 2024, the body the applicant chose (``body_choice``, 1999/2017
    第十二条); as 复议机关 (old law only), the bureau itself, chosen as 上一级主管部门.
    """
    # 行政复议法（2023）第二十二条: anyone may apply online (the public form, no account); a paper
    # application, or the copy received as 被申请人, is registered by the legal division.
    if not (is_online and actor is None):
        require(actor, DISPUTES_HANDLE, unit=org_unit)
    rules.check_role(Role(role), received_on)
    law = rules.check_application(
        received_on=received_on,
        known_on=act_known_on,
        act=act,
        respondent=respondent,
        calendar=work_calendar(),
    )
    if not applicant_name.strip() or not requests.strip():
        raise Refused("请填写申请人和复议请求", rules.cite(law, law.act_article))
    rules.check_applicant_contacts(
        id_number=applicant_id_number, phone=applicant_phone, today=received_on
    )
    if is_simplified:
        rules.decision_rule(simplified=True, received_on=received_on)
    if Role(role) == Role.BODY:
        body = jurisdiction.Body(
            agency_name(), jurisdiction.jurisdiction_basis(received_on), "department"
        )
    else:
        body = jurisdiction.reconsideration_body(
            agency=_agency(org_unit),
            received_on=received_on,
            choice=body_choice,
            configured=settings.FAZHI.get("RECONSIDERATION_BODIES", {}).get(org_unit.code),
        )
    reference = reference or _reference(received_on.year)
    case = ReconsiderationCase(
        reference=reference,
        tracking_code=tracking_code or new_tracking_code(),
        role=role,
        is_online=is_online,
        status=Status.RECEIVED,
        law=law.code,
        body_name=body.name,
        body_choice=body.choice,
        body_basis=body.basis,
        applicant_name=applicant_name.strip(),
        applicant_id_number=applicant_id_number.strip(),
        applicant_phone=applicant_phone.strip(),
        respondent=respondent.strip(),
        act=act.strip(),
        act_known_on=act_known_on,
        requests=requests.strip(),
        reasons=reasons.strip(),
        received_on=received_on,
        is_simplified=is_simplified,
        org_unit=org_unit,
        power_item_code=power_item_code,
        original_case_ref=original_case_ref,
        officers=officers,
        handler=handler,
    )
    if role == Role.RESPONDENT:
        case.status, case.accepted_on, case.copy_sent_on = Status.ACCEPTED, received_on, received_on
    case.save()
    files = [
        evidence_ingest(fileobj=f, original_name=name, actor=actor, case_ref=case.reference).pk
        for f, name in attachments
    ]
    owner = handler
    if role == Role.BODY:
        deadline_open(
            subject=case,
            rule_code="reconsideration.acceptance",
            start=received_on,
            actor=actor,
            owner=owner,
            org_unit=org_unit,
        )
    else:
        simplified = case.is_simplified
        deadline_open(
            subject=case,
            rule_code=rules.reply_rule(simplified=simplified),
            start=received_on,
            actor=actor,
            owner=owner,
            org_unit=org_unit,
        )
    _record(
        case,
        "apply",
        actor,
        law=law.code,
        role=role,
        online=is_online,
        files=files,
        body=body.name,
        body_basis=body.basis,
    )
    return case


@transaction.atomic
def reconsideration_review(
    *, case: ReconsiderationCase, outcome: str, on: date, actor, note: str = ""
) -> ReconsiderationCase:
    """Acceptance review: ``accept`` (受理), ``correct`` (补正通知) or ``reject`` (不予受理).

    Closes the acceptance deadline; acceptance opens the decision deadline (60 days, or 30
    under the simplified procedure — 2023 第六十二条; 2017 第三十一条).
    """
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    target = {"accept": Status.ACCEPTED, "correct": Status.CORRECTION, "reject": Status.REJECTED}
    if outcome not in target:
        raise Refused("审查结论应为受理、补正或不予受理")
    if outcome != "accept" and not note.strip():
        raise Refused("补正通知须写明补正事项，不予受理须写明理由")
    if on < case.received_on:
        raise Refused("审查日期不能早于收到申请日期")
    previous = _move(case, target[outcome])
    acceptance = open_deadline(case, "reconsideration.acceptance")
    if acceptance is not None:
        deadline_meet(deadline=acceptance, met_on=on, actor=actor)
    case.acceptance_note = note.strip()
    if outcome == "accept":
        case.accepted_on = on
        rule = rules.decision_rule(simplified=case.is_simplified, received_on=case.received_on)
        deadline_open(
            subject=case,
            rule_code=rule,
            start=on,
            actor=actor,
            owner=case.handler,
            org_unit=case.org_unit,
        )
    case.save()
    _record(case, "review", actor, outcome=outcome, on=on, note=note, previous=previous)
    return case


@transaction.atomic
def reconsideration_corrected(*, case: ReconsiderationCase, on: date, actor) -> ReconsiderationCase:
    """The applicant cured the application: the 5-day review runs again from ``on``."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    _move(case, Status.RECEIVED)
    case.save()
    deadline_open(
        subject=case,
        rule_code="reconsideration.acceptance",
        start=on,
        actor=actor,
        owner=case.handler,
        org_unit=case.org_unit,
    )
    _record(case, "corrected", actor, on=on)
    return case


@transaction.atomic
def reconsideration_send_copy(*, case: ReconsiderationCase, on: date, actor) -> ReconsiderationCase:
    """Send the application copy to the respondent; its reply is due in 10 (simplified: 5) days."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    if case.status != Status.ACCEPTED or case.role != Role.BODY or case.copy_sent_on:
        raise Refused("只有已受理、尚未发送副本的案件可以发送申请书副本")
    case.copy_sent_on = on
    case.save()
    deadline_open(
        subject=case,
        rule_code=rules.reply_rule(simplified=case.is_simplified),
        start=on,
        actor=actor,
        owner=case.handler,
        org_unit=case.org_unit,
    )
    _record(case, "send_copy", actor, on=on)
    return case


@transaction.atomic
def reconsideration_reply(
    *, case: ReconsiderationCase, on: date, actor, summary: str = ""
) -> ReconsiderationCase:
    """The respondent's reply with evidence arrived (or, as respondent, was filed) on ``on``;
    ``summary`` is what it says (stated in the decision: 2023 第四十八条; 2017 第二十三条)."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    reply = open_deadline(case, "reconsideration.reply", "reconsideration.simplified_reply")
    if reply is None or case.reply_received_on:
        raise Refused("该案件没有待答复的期限")
    met = deadline_meet(deadline=reply, met_on=on, actor=actor)
    case.reply_received_on, case.reply_summary = on, summary.strip()
    case.save()
    _record(case, "reply", actor, on=on, late=met.due < on, due=met.due, summary=summary.strip())
    return case


@transaction.atomic
def reconsideration_add_record(
    *, case: ReconsiderationCase, kind: str, on: date, summary: str, actor
) -> ProceedingRecord:
    """A hearing (听证), mediation (调解) or other record during review."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    allowed = {
        ProceedingRecord.Kind.HEARING,
        ProceedingRecord.Kind.MEDIATION,
        ProceedingRecord.Kind.NOTE,
    }
    if kind not in allowed or not summary.strip():
        raise Refused("请选择听证、调解或其他记录，并填写内容")
    if case.status not in {Status.ACCEPTED, Status.SUSPENDED}:
        raise Refused("只有审理中的案件可以添加审理记录")
    record = ProceedingRecord.objects.create(
        case=case, kind=kind, held_on=on, summary=summary.strip(), recorded_by=actor
    )
    _record(case, "record", actor, kind=kind, on=on)
    return record


@transaction.atomic
def reconsideration_suspend(
    *, case: ReconsiderationCase, on: date, reason: str, actor
) -> ReconsiderationCase:
    """中止: the decision clock stops; the days left are kept (2023 第三十九条)."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    if not reason.strip():
        raise Refused("请写明中止的原因", rules.cite(rules.law_for(case.received_on), "第三十九条"))
    _move(case, Status.SUSPENDED)
    decision = open_deadline(case, *DECISION_RULES)
    if decision is not None:
        case.suspension_days_left = max((decision.due - on).days, 0)
        deadline_cancel(deadline=decision, actor=actor, reason=f"中止审理：{reason}")
    case.suspended_on = on
    case.save()
    ProceedingRecord.objects.create(
        case=case,
        kind=ProceedingRecord.Kind.SUSPENSION,
        held_on=on,
        summary=reason,
        recorded_by=actor,
    )
    _record(case, "suspend", actor, on=on, days_left=case.suspension_days_left, reason=reason)
    return case


@transaction.atomic
def reconsideration_resume(*, case: ReconsiderationCase, on: date, actor) -> ReconsiderationCase:
    """恢复审理: the days left at suspension run again from ``on``."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    law = rules.law_for(case.received_on)
    _move(case, Status.ACCEPTED)
    if case.suspended_on is not None and case.suspension_days_left is not None:
        due = rules.resumed_due(
            original_due=case.suspended_on.fromordinal(
                case.suspended_on.toordinal() + case.suspension_days_left
            ),
            suspended_on=case.suspended_on,
            resumed_on=on,
        )
        deadline_open_fixed(
            subject=case,
            rule_code=RESUMED_DECISION,
            title=RESUMED_TITLE,
            start=on,
            due=due,
            actor=actor,
            owner=case.handler,
            org_unit=case.org_unit,
            basis=rules.cite(law, law.suspension_article),
        )
    ProceedingRecord.objects.create(
        case=case,
        kind=ProceedingRecord.Kind.RESUMPTION,
        held_on=on,
        summary="中止原因消除，恢复审理",
        recorded_by=actor,
    )
    case.suspended_on, case.suspension_days_left = None, None
    case.save()
    _record(case, "resume", actor, on=on)
    return case


def _is_leader(user) -> bool:
    return bool(user) and allowed(user, HEAD_APPROVAL)


@transaction.atomic
def reconsideration_extend(
    *, case: ReconsiderationCase, approver, reason: str, actor
) -> ReconsiderationCase:
    """Extend the decision deadline once by 30 days, approved by a leader (2023 第六十二条)."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    law = rules.law_for(case.received_on)
    basis = rules.cite(law, law.decision_article)
    if case.is_extended or case.is_simplified:
        raise Refused("简易程序或已延长过的案件不能再延长审理期限", basis)
    if not _is_leader(approver):
        raise PermissionDenied("延长审理期限须经局领导批准")
    if not reason.strip():
        raise Refused("请写明延长审理期限的理由", basis)
    decision = open_deadline(case, *DECISION_RULES)
    if decision is None:
        raise Refused("该案件没有正在计算的决定期限")
    if decision.rule_code == RESUMED_DECISION:
        deadline_cancel(deadline=decision, actor=actor, reason="延长审理期限")
        deadline_open_fixed(
            subject=case,
            rule_code=RESUMED_DECISION,
            title=RESUMED_TITLE,
            start=decision.start,
            due=decision.due.fromordinal(decision.due.toordinal() + 30),
            actor=actor,
            owner=case.handler,
            org_unit=case.org_unit,
            basis=basis,
        )
    else:
        deadline_extend(deadline=decision, actor=actor, reason=reason)
    case.is_extended, case.extension_approved_by = True, approver
    case.save()
    _record(case, "extend", actor, approver=approver.pk, reason=reason)
    return case


@transaction.atomic
def reconsideration_terminate(
    *, case: ReconsiderationCase, on: date, reason: str, actor
) -> ReconsiderationCase:
    """终止 (withdrawal, settlement, …): every open deadline on the case is withdrawn."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    if not reason.strip():
        raise Refused("请写明终止的原因")
    _move(case, Status.TERMINATED)
    while (
        open_one := open_deadline(
            case, *DECISION_RULES, "reconsideration.reply", "reconsideration.simplified_reply"
        )
    ) is not None:
        deadline_cancel(deadline=open_one, actor=actor, reason=f"终止：{reason}")
    case.closed_note = reason
    case.save()
    ProceedingRecord.objects.create(
        case=case,
        kind=ProceedingRecord.Kind.TERMINATION,
        held_on=on,
        summary=reason,
        recorded_by=actor,
    )
    _record(case, "terminate", actor, on=on, reason=reason)
    return case


@transaction.atomic
def reconsideration_decide(
    *,
    case: ReconsiderationCase,
    decision: DecisionType,
    on: date,
    actor,
    text: str = "",
    error_cause: str = "",
    facts: str = "",
    detail: str = "",
) -> ReconsiderationCase:
    """Record the decision. A correcting decision must name its cause (feedback). A decision
    after the due date is recorded and flagged ``decided_late`` (the deadline is missed).

    ``facts`` are the facts held (经审理查明); ``detail`` what an act is changed to, what the
    respondent must do and by when, or a 重作 order — required for 变更 and 责令履行
    (domain/decision.py); a 确认无效 decision exists only under the 2023 law."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    law = rules.law_for(case.received_on)
    if decision not in set(DecisionType):
        raise Refused("请选择复议决定的类型", rules.cite(law, law.decision_article))
    decision = DecisionType(decision)
    basis = content.check_content(decision, law.code, detail)
    if decision in rules.CORRECTING and error_cause not in set(rules.ErrorCause):
        raise Refused("纠错决定须注明原行政行为的错误原因")
    if on < (case.accepted_on or case.received_on):
        raise Refused("决定日期不能早于受理日期")
    _move(case, Status.DECIDED)
    deadline = open_deadline(case, *DECISION_RULES)
    if deadline is not None:
        met = deadline_meet(deadline=deadline, met_on=on, actor=actor)
        case.decided_late = on > met.due
    case.decision, case.decided_on, case.decision_text = decision, on, text.strip()
    case.facts_found, case.decision_detail = facts.strip(), detail.strip()
    case.error_cause = error_cause if decision in rules.CORRECTING else ""
    case.save()
    _record(
        case,
        "decide",
        actor,
        decision=decision,
        on=on,
        late=case.decided_late,
        basis=basis,
        detail=case.decision_detail,
    )
    return case


@transaction.atomic
def reconsideration_serve(*, case: ReconsiderationCase, on: date, actor) -> ReconsiderationCase:
    """Service of the decision; it takes effect on service (2023 第七十五条). A decision that
    undoes the original act withdraws its publicity now (disputes/publicity.py)."""
    require(actor, DISPUTES_HANDLE, unit=case.org_unit)
    case = _locked(case)
    if case.decided_on and on < case.decided_on:
        raise Refused("送达日期不能早于决定日期")
    _move(case, Status.SERVED)
    case.served_on = on
    case.save()
    withdrawn = withdraw_after_reconsideration(case, actor=actor, on=on)
    _record(case, "serve", actor, on=on, publicity_withdrawn=withdrawn.pk if withdrawn else None)
    return case
