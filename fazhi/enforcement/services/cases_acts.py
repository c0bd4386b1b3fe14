"""Investigation acts: 笔录, evidence, 查封扣押 (with their A/V record), 责令改正 and follow-up.

Each act names two or more officers with a usable certificate on the act's date (行政处罚法
第四十二条); its files go through the evidence store (SHA-256 at ingestion); existing files are
re-hashed before use. Audits ``enforcement.case.act`` / ``order`` / ``order_followup``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import ENFORCEMENT_HANDLE, require
from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused
from fazhi.core.models import EvidenceFile
from fazhi.core.services.deadlines import deadline_meet, deadline_open_fixed
from fazhi.enforcement.domain import acts as rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import coercion
from fazhi.enforcement.models import Case, CaseAct, CorrectionOrder
from fazhi.enforcement.services import cases_common as c
from fazhi.officers.models import Officer

ORDER_RULE = "enforcement.correction_order"


def coercion_grants() -> dict[str, coercion.Grant]:
    """The coercive measures each power item's basis grants (``ENFORCEMENT_COERCION_GRANTS``)."""
    return coercion.grants_from_setting(c.option("ENFORCEMENT_COERCION_GRANTS"))


def _check_investigating(case: Case, label: str, on: date | None = None) -> None:
    if flow.Status(case.status) not in flow.INVESTIGATING:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不能{label}（须在立案后、作出决定前）",
            flow.basis_text([(cit.PENALTY, "filing"), (cit.PENALTY, "record")], on),
        )


@transaction.atomic
def case_record_act(
    *,
    case: Case,
    kind: str,
    on: date,
    summary: str,
    officers: Sequence[Officer],
    actor,
    uploads: Sequence[c.Upload] = (),
    existing: Sequence[EvidenceFile] = (),
    place: str = "",
    seen_version: int | None = None,
) -> CaseAct:
    """Record one investigation act in the case file. Refuses a single or uncertified officer,
    a missing A/V file for 查封扣押 and the like (118号 (八)) and an altered evidence file."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    kind = rules.ActKind(kind)
    if kind not in rules.INVESTIGATION_KINDS:
        raise Refused(f"“{rules.ACT_LABELS[kind]}”须通过相应步骤办理")
    coercion.check_granted(  # 17.12: only the measures the power item's basis grants
        kind=kind,
        power_item_code=case.power_item.code,
        procedure=case.procedure,
        grants=coercion_grants(),
    )
    _check_investigating(case, f"记录{rules.ACT_LABELS[kind]}", on)
    flow.check_not_before(on, case.filed_on, "立案日期")
    rules.check_summary(kind, summary, on)
    named = (
        c.officers_that_can_act(officers, on) if kind in rules.TWO_OFFICER_KINDS else list(officers)
    )
    c.check_evidence_intact(existing, on)
    rules.check_av(
        kind=kind, mime_types=[*c.sniff_uploads(uploads), *(e.mime_type for e in existing)]
    )
    files = [*c.ingest(case, uploads, actor), *existing]
    act = c.add_act(
        case,
        kind=kind,
        on=on,
        summary=summary,
        actor=actor,
        officers=named,
        evidence=files,
        place=place,
    )
    c.save(case)
    c.record(
        case,
        "act",
        actor,
        kind=kind,
        seq=act.seq,
        on=on,
        officers=[o.pk for o in named],
        evidence=[e.sha256 for e in files],
    )
    return act


@transaction.atomic
def case_order_correction(
    *,
    case: Case,
    on: date,
    due_on: date,
    items: str,
    officers: Sequence[Officer],
    actor,
    pay: bool = False,
    seen_version: int | None = None,
) -> CorrectionOrder:
    """责令改正指令书 with its own deadline, fixed by the order (劳动保障监察条例 第十八条;
    行政处罚法 第二十八条); with ``pay`` a 责令支付通知书 (条例 第二十六条: 责令限期支付 wages,
    overtime pay or 经济补偿) — only when it is overdue may 加付赔偿金 follow. Audits
    ``enforcement.case.order``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    kind = rules.ActKind.PAY_ORDER if pay else rules.ActKind.ORDER
    _check_investigating(case, f"下达{rules.ACT_LABELS[kind]}", on)
    flow.check_not_before(on, case.filed_on, "立案日期")
    rules.check_summary(kind, items, on)
    rules.check_correction_due(issued_on=on, due_on=due_on)
    named = c.officers_that_can_act(officers, on)
    act = c.add_act(
        case,
        kind=kind,
        on=on,
        summary=items,
        actor=actor,
        officers=named,
        data={"due_on": due_on.isoformat()},
    )
    order = CorrectionOrder.objects.create(
        case=case, act=act, issued_on=on, due_on=due_on, items=items.strip(), is_payment=pay
    )
    deadline_open_fixed(
        subject=order,
        rule_code=ORDER_RULE,
        title="责令支付期限" if pay else "责令改正期限",
        start=on,
        due=due_on,
        actor=actor,
        org_unit=case.org_unit,
        owner=c.case_owner(case),
        basis="责令支付通知书确定的期限（《劳动保障监察条例》第二十六条）"
        if pay
        else "责令改正指令书确定的期限（《劳动保障监察条例》第十八条）",
    )
    c.save(case)
    c.record(case, "order", actor, seq=act.seq, on=on, due_on=due_on, pay=pay)
    return order


@transaction.atomic
def case_order_followup(
    *,
    order: CorrectionOrder,
    on: date,
    complied: bool,
    summary: str,
    officers: Sequence[Officer],
    actor,
    uploads: Sequence[c.Upload] = (),
    seen_version: int | None = None,
) -> CorrectionOrder:
    """整改复查: 已改正 (on or before the due day) or 逾期未改正. Audits
    ``enforcement.case.order_followup``."""
    require(actor, ENFORCEMENT_HANDLE, unit=order.case.org_unit)
    case = c.lock(order.case, seen_version)
    order = CorrectionOrder.objects.select_for_update().get(pk=order.pk)
    if order.status != CorrectionOrder.Status.OPEN:
        raise Refused("该责令改正指令已复查", "《劳动保障监察条例》第十八条")
    flow.check_not_before(on, order.issued_on, "指令下达日期")
    rules.check_summary(rules.ActKind.ORDER_FOLLOWUP, summary, on)
    if not complied and on <= order.due_on:
        raise Refused("改正期限尚未届满，不能认定逾期未改正", "《劳动保障监察条例》第十八条")
    named = c.officers_that_can_act(officers, on)
    files = c.ingest(case, uploads, actor)
    status = (
        CorrectionOrder.Status.COMPLIED
        if complied and on <= order.due_on
        else CorrectionOrder.Status.OVERDUE
    )
    act = c.add_act(
        case,
        kind=rules.ActKind.ORDER_FOLLOWUP,
        on=on,
        summary=summary,
        actor=actor,
        officers=named,
        evidence=files,
        data={"order": order.act.seq, "status": status},
    )
    order.status, order.followed_on = status, on
    order.save(update_fields=["status", "followed_on"])
    if deadline := c.open_deadline(order, ORDER_RULE):
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
    c.save(case)
    c.record(case, "order_followup", actor, seq=act.seq, order=order.act.seq, status=status)
    return order
