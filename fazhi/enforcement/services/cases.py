"""Case intake: registration, acceptance of complaints, 立案, extension, withdrawal.

Every service locks the case, compares the version the user saw (``seen_version``), checks the
rules (raising `Refused` with the article before anything is written), moves the statutory
clock and audits ``enforcement.case.<verb>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import ENFORCEMENT_HANDLE, require
from fazhi.core.caching import bump
from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.time_limits import UnknownRule
from fazhi.core.services.audit import person
from fazhi.core.services.deadlines import (
    deadline_cancel,
    deadline_extend,
    deadline_open,
)
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain.numbering import case_reference
from fazhi.enforcement.models import Case
from fazhi.enforcement.services import cases_common as c
from fazhi.officers.models import Officer
from fazhi.powers.models import PowerItem

CASE_POWER_KINDS = frozenset({"penalty", "coercion", "inspection"})
ACCEPTANCE = "labor_inspection.complaint_acceptance"
INVESTIGATION = "labor_inspection.investigation"
DECISION = "penalty.decision"
CASE_CLOCKS = (INVESTIGATION, DECISION)


def check_power_item(power_item: PowerItem, on: date | None = None) -> None:
    """执法 strictly by the power list (行政处罚法 2021 第四条 / 2017 第三条; 118号 (四))."""
    if not power_item.is_active or power_item.kind not in CASE_POWER_KINDS:
        raise Refused(
            f"权责事项“{power_item.code} {power_item.name}”不是有效的行政处罚、强制或检查事项，"
            "不能据此办案",
            f"{cit.cite_penalty('legality', on)}；国办发〔2018〕118号（四）",
        )


@transaction.atomic
def case_register(
    *,
    power_item: PowerItem,
    org_unit,
    source: str,
    received_on: date,
    cause: str,
    party_name: str,
    actor,
    procedure: str = flow.Procedure.LABOR_INSPECTION,
    party_kind: str = "org",
    party_code: str = "",
    party_address: str = "",
    party_legal_rep: str = "",
    complainant: str = "",
    violation_code: str = "",
    reference: str = "",
) -> Case:
    """Register a case from its source. 投诉/举报 start the 5-working-day acceptance clock
    (若干规定 第十八条); other sources await 立案. Audits ``enforcement.case.register``."""
    # the target unit: nobody registers (and spends the number of) a unit outside their scope
    require(actor, ENFORCEMENT_HANDLE, unit=org_unit)
    source, procedure = flow.Source(source), flow.Procedure(procedure)
    c.check_typed("register", received_on)
    check_power_item(power_item, received_on)
    if not cause.strip() or not party_name.strip():
        raise Refused("请填写案由和当事人", cit.cite_penalty("filing", received_on))
    if party_kind not in ("org", "person"):
        raise Refused("当事人类别只能是公民或法人、其他组织")
    reference = reference or case_reference(
        org_unit.code, received_on.year, c.take_serial(org_unit.code, received_on.year)
    )
    case = Case.objects.create(
        reference=reference,
        power_item=power_item,
        org_unit=org_unit,
        status=flow.Status.RECEIVED,
        source=source,
        procedure=procedure,
        received_on=received_on,
        cause=cause.strip(),
        party_name=party_name.strip(),
        party_kind=party_kind,
        party_code=party_code.strip(),
        party_address=party_address.strip(),
        party_legal_rep=party_legal_rep.strip() if party_kind == "org" else "",
        complainant=complainant.strip(),
        violation_code=violation_code,
        created_by=person(actor),
    )
    if source in flow.NEEDS_ACCEPTANCE:
        deadline_open(
            subject=case,
            rule_code=ACCEPTANCE,
            start=received_on,
            actor=actor,
            org_unit=org_unit,
            owner=person(actor),
        )
    c.enter_date(case, "register", received_on, actor)
    c.record(
        case,
        "register",
        actor,
        source=source,
        power_item=power_item.code,
        procedure=procedure,
        received_on=received_on,
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return case


@transaction.atomic
def case_accept(*, case: Case, on: date, actor, seen_version: int | None = None) -> Case:
    """受理 a complaint or report (若干规定 第十八条). Audits ``enforcement.case.accept``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    flow.check_source_needs_acceptance(case.source, flow.Action.ACCEPT)
    c.check_typed("accept", on)
    flow.check_not_before(on, case.received_on, "收到投诉举报日期")
    previous = c.move(case, flow.Action.ACCEPT, on)
    case.accepted_on = on
    c.save(case, "status", "accepted_on")
    c.enter_date(case, "accept", on, actor, meets=c.open_deadline(case, ACCEPTANCE))
    c.record(case, "accept", actor, on=on, **{"from": previous, "to": case.status})
    return case


@transaction.atomic
def case_reject(
    *, case: Case, on: date, reason: str, actor, seen_version: int | None = None
) -> Case:
    """不予受理 with the written reason (若干规定 第十八条). Audits ``enforcement.case.reject``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    flow.check_source_needs_acceptance(case.source, flow.Action.REJECT)
    flow.check_rejection_reason(reason)
    c.check_typed("reject", on)
    flow.check_not_before(on, case.received_on, "收到投诉举报日期")
    previous = c.move(case, flow.Action.REJECT, on)
    case.rejected_reason = reason.strip()
    c.save(case, "status", "rejected_reason")
    c.enter_date(case, "reject", on, actor, meets=c.open_deadline(case, ACCEPTANCE))
    c.record(
        case,
        "reject",
        actor,
        on=on,
        reason=case.rejected_reason,
        **{"from": previous, "to": case.status},
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return case


@transaction.atomic
def case_file(
    *,
    case: Case,
    on: date,
    approver,
    officers: Sequence[Officer],
    actor,
    seen_version: int | None = None,
) -> Case:
    """立案 with the 负责人's approval, assigning two or more certified officers.

    Opens the investigation clock: 60 working days for 劳动保障监察 (条例 第十七条); 90 days for
    other penalty cases filed from 2021-07-15 (行政处罚法 第六十条); none for earlier general
    cases (the 2017 text set no such period). Audits ``enforcement.case.file``.
    """
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    flow.check_filing_from(case.status, case.source)
    previous = c.move(case, flow.Action.FILE, on)
    c.check_typed("file", on)
    flow.check_not_before(on, case.accepted_on or case.received_on, "受理（发现）日期")
    if not c.is_leader(approver):
        raise Refused("立案须经行政机关负责人批准", cit.cite_penalty("filing", on))
    assigned = c.officers_that_can_act(officers, on)
    case.filed_on, case.filing_approver = on, approver
    c.save(case, "status", "filed_on", "filing_approver")
    case.officers.set(assigned)
    rule = INVESTIGATION if case.procedure == flow.Procedure.LABOR_INSPECTION else DECISION
    clock = None
    try:
        clock = deadline_open(
            subject=case,
            rule_code=rule,
            start=on,
            actor=actor,
            org_unit=case.org_unit,
            owner=assigned[0].user,
        )
    except UnknownRule:
        clock = None  # 2017 text: no statutory decision period (shown on the case page)
    # The clock starts on the typed 立案 date (never after today: an earlier start is stricter).
    c.enter_date(case, "file", on, actor)
    c.record(
        case,
        "file",
        actor,
        on=on,
        approver=approver.pk,
        officers=[o.pk for o in assigned],
        clock=rule if clock else "",
        **{"from": previous, "to": case.status},
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return case


@transaction.atomic
def case_extend(
    *, case: Case, approver, reason: str, on: date, actor, seen_version: int | None = None
) -> Case:
    """Extend the labour-inspection investigation by 30 working days with the 负责人's approval
    (劳动保障监察条例 第十七条). Audits ``enforcement.case.extend``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    basis = "《劳动保障监察条例》第十七条"
    deadline = c.open_deadline(case, INVESTIGATION)
    if deadline is None:
        raise Refused("本案没有进行中的劳动保障监察调查期限，不能延长", basis)
    if not c.is_leader(approver):
        raise Refused("延长调查期限须经劳动保障行政部门负责人批准", basis)
    if not reason.strip():
        raise Refused("请写明延长调查期限的理由（情况复杂）", basis)
    if deadline.extended:
        raise Refused("调查期限已经延长过一次，不能再延长", basis)
    c.check_typed("extend", on)
    deadline_extend(deadline=deadline, actor=actor, reason=reason)
    act = c.add_act(
        case,
        kind=act_rules.ActKind.EXTENSION,
        on=on,
        summary=reason,
        actor=actor,
        data={"approver": approver.pk, "approver_name": str(approver)},
    )
    c.save(case)
    c.enter_date(case, "extend", on, actor)
    c.record(case, "extend", actor, on=on, approver=approver.pk, act=act.seq)
    return case


def cancel_open_deadlines(case: Case, actor, reason: str) -> None:
    for deadline in c.open_deadlines(case):
        deadline_cancel(deadline=deadline, actor=actor, reason=reason)


@transaction.atomic
def case_withdraw(
    *, case: Case, on: date, reason: str, actor, seen_version: int | None = None
) -> Case:
    """撤销立案 (劳动保障监察条例 第十八条: minor and corrected, or no violation established).
    Audits ``enforcement.case.withdraw``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.WITHDRAW, on)
    if not reason.strip():
        raise Refused("撤销立案须写明理由", "《劳动保障监察条例》第十八条")
    c.check_typed("withdraw", on)
    flow.check_not_before(on, case.filed_on, "立案日期")
    case.closed_on, case.close_note = on, reason.strip()
    c.save(case, "status", "closed_on", "close_note")
    c.enter_date(case, "withdraw", on, actor, meets=c.open_deadline(case, *CASE_CLOCKS))
    cancel_open_deadlines(case, actor, "撤销立案")
    c.record(
        case,
        "withdraw",
        actor,
        on=on,
        reason=case.close_note,
        **{"from": previous, "to": case.status},
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return case
