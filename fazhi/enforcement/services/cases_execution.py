"""After the decision: 送达, payment (加处罚款), 催告, application to the court, 结案, 归档.

Audits ``enforcement.case.serve`` / ``pay`` / ``remind`` / ``apply_court`` / ``close`` /
``archive``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from fazhi.accounts.permissions import ENFORCEMENT_HANDLE, require
from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused
from fazhi.core.services.deadlines import deadline_meet, deadline_open
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import execution as execution_rules
from fazhi.enforcement.domain.penalties import (
    check_suspension,
    late_payment_surcharge,
    overdue_days,
)
from fazhi.enforcement.models import Case
from fazhi.enforcement.services import cases_common as c
from fazhi.enforcement.services.cases import cancel_open_deadlines
from fazhi.enforcement.services.cases_decision import SERVICE

PAYMENT = "penalty.payment"
PENALTY_LAW = flow.PENALTY_LAW
# 加付赔偿金: the decision fixes the period to pay the workers (劳动保障监察条例 第二十六条 says
# only "限期"); the bureau's usual period is configuration, UNVERIFIED default 15 days.
COMPENSATION_PAY_DAYS = 15
SERVICE_METHODS = {
    "direct": "直接送达",
    "onsite": "当场交付",
    "left": "留置送达",
    "post": "邮寄送达",
    "electronic": "电子送达（当事人同意并签订确认书）",
    "public": "公告送达",
}


@transaction.atomic
def case_serve(
    *,
    case: Case,
    on: date,
    method: str,
    recipient: str,
    actor,
    notice_on: date | None = None,
    seen_version: int | None = None,
) -> Case:
    """送达 the decision with its 送达回证 (行政处罚法 2021 第六十一条; 2017 第四十条); opens the
    15-day payment period where there is a fine (2021 第六十七条; 2017 第四十六条).

    公告送达 (``method="public"``): ``notice_on`` is the day the notice was published and ``on``
    the day it is deemed served — the notice day plus 60 days (民事诉讼法 2017 第九十二条) or 30
    days from 2022-01-01 (2021 第九十五条); any other ``on`` is refused, so the payment period
    starts then and not on the notice day. Audits ``enforcement.case.serve``."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.SERVE, on)
    # 公告送达: ``on`` is the day it is deemed served (computed, may lie ahead); the notice day
    # is the typed fact
    c.check_typed("serve", notice_on or on)
    if method not in SERVICE_METHODS:
        raise Refused("送达方式不正确", cit.cite_penalty("service", on))
    if not recipient.strip():
        raise Refused("送达回证须载明受送达人", cit.cite_penalty("service", on))
    if method == "public":
        if notice_on is None:
            raise Refused("公告送达须填写发出公告的日期", execution_rules.public_notice_basis(on))
        flow.check_not_before(notice_on, case.decided_on, "决定日期")
        execution_rules.check_public_notice(notice_on=notice_on, served_on=on)
    elif notice_on is not None:
        raise Refused("只有公告送达才填写公告日期", cit.cite_penalty("service", on))
    flow.check_not_before(on, case.decided_on, "决定日期")
    case.served_on, case.service_method, case.service_recipient = on, method, recipient.strip()
    case.notice_published_on = notice_on
    fields = ["status", "served_on", "service_method", "service_recipient", "notice_published_on"]
    # the service clock is met on the day the service is entered (never the typed date)
    c.enter_date(case, "serve", notice_on or on, actor, meets=c.open_deadline(case, SERVICE))
    if case.fine:
        payment = deadline_open(
            subject=case,
            rule_code=PAYMENT,
            start=on,
            actor=actor,
            org_unit=case.org_unit,
            owner=c.case_owner(case),
        )
        case.payment_due = payment.due
        fields.append("payment_due")
    elif case.is_compensation and case.compensation:
        days = int(c.option("COMPENSATION_PAY_DAYS", COMPENSATION_PAY_DAYS))
        case.payment_due = on + timedelta(days=days)
        fields.append("payment_due")
    c.save(case, *fields)
    c.record(
        case,
        "serve",
        actor,
        on=on,
        method=method,
        notice_on=notice_on,
        payment_due=case.payment_due,
        **{"from": previous, "to": case.status},
    )
    return case


@transaction.atomic
def case_pay(
    *, case: Case, on: date, actor, suspended_days: int = 0, seen_version: int | None = None
) -> Case:
    """Record payment at the bank; a late payment carries 加处罚款 of 3% a day, capped at the
    fine (第七十二条), not counted while 复议/诉讼 were pending (第七十三条)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.PAY, on)
    c.check_typed("pay", on)
    if not case.amount_due:
        raise Refused("本案没有罚款或加付赔偿金，无须缴纳", cit.cite_penalty("payment", on))
    flow.check_not_before(on, case.served_on, "送达日期")
    if case.fine:
        check_suspension(suspended_days=suspended_days, due=case.payment_due)
    late = overdue_days(due=case.payment_due, paid_on=on) if case.payment_due else 0
    # 加处罚款 only on a 罚款 (行政处罚法 2021 第七十二条; 2017 第五十一条): never on 加付赔偿金.
    case.surcharge = (
        late_payment_surcharge(fine=case.fine, overdue_days=late, suspended_days=suspended_days)
        if case.fine
        else Decimal(0)
    )
    case.paid_on = on
    c.save(case, "status", "paid_on", "surcharge")
    # The party's period (not the bureau's): met on the day the bank received the payment.
    if deadline := c.open_deadline(case, PAYMENT):
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
    c.enter_date(case, "pay", on, actor)
    c.record(
        case,
        "pay",
        actor,
        on=on,
        fine=case.fine,
        compensation=case.compensation,
        overdue_days=late,
        surcharge=case.surcharge,
        **{"from": previous, "to": case.status},
    )
    return case


@transaction.atomic
def case_remind(*, case: Case, on: date, actor, seen_version: int | None = None) -> Case:
    """催告书 after the payment period ran out (行政强制法 第三十五、五十四条)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    if flow.Status(case.status) != flow.Status.SERVED or not case.amount_due:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不能催告",
            cit.cite(cit.COERCION, "court_reminder", on),
        )
    c.check_typed("remind", on)
    act_rules.check_reminder(payment_due=case.payment_due, reminded_on=on)
    if case.fine:
        surcharge = late_payment_surcharge(
            fine=case.fine, overdue_days=overdue_days(due=case.payment_due, paid_on=on)
        )
        summary = f"催告当事人缴纳罚款{case.fine}元及截至催告日的加处罚款{surcharge}元"
    else:  # 加付赔偿金: paid to the workers, no 加处罚款
        surcharge = Decimal(0)
        summary = f"催告当事人向劳动者支付加付赔偿金{case.compensation}元"
    act = c.add_act(
        case,
        kind=act_rules.ActKind.REMINDER,
        on=on,
        actor=actor,
        summary=summary,
        data={"surcharge": str(surcharge)},
    )
    case.reminded_on = on
    c.save(case, "reminded_on")
    c.enter_date(case, "remind", on, actor)
    c.record(case, "remind", actor, on=on, seq=act.seq, surcharge=surcharge)
    return case


@transaction.atomic
def case_apply_court(*, case: Case, on: date, actor, seen_version: int | None = None) -> Case:
    """申请人民法院强制执行 (行政强制法 第五十三、五十四条): only after the periods to apply for
    复议 (60 days) and to sue (6 months; 3 months under the 1989 行政诉讼法) from service have run
    without either, within 3 months after that, and ≥10 days after the 催告书."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.APPLY_COURT, on)
    c.check_typed("apply_court", on)
    execution_rules.check_court_application(
        served_on=case.served_on, reminded_on=case.reminded_on, applied_on=on
    )
    case.court_applied_on = on
    c.save(case, "status", "court_applied_on")
    c.enter_date(case, "apply_court", on, actor)
    c.record(case, "apply_court", actor, on=on, **{"from": previous, "to": case.status})
    return case


@transaction.atomic
def case_close(*, case: Case, on: date, note: str, actor, seen_version: int | None = None) -> Case:
    """结案: the decision is performed (paid), needs no payment, or the court took over."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    status = flow.Status(case.status)
    previous = c.move(case, flow.Action.CLOSE, on)
    c.check_typed("close", on)
    if status == flow.Status.SERVED and case.amount_due:
        raise Refused(
            "罚款或加付赔偿金尚未缴纳，不能结案（可催告后申请人民法院强制执行）",
            cit.cite_penalty("payment", on),
        )
    if status == flow.Status.COURT and not note.strip():
        raise Refused(
            "申请强制执行的案件结案时须写明法院执行情况", "《中华人民共和国行政强制法》第五十三条"
        )
    flow.check_not_before(on, case.paid_on or case.served_on, "送达或缴款日期")
    case.closed_on, case.close_note = on, note.strip()
    c.save(case, "status", "closed_on", "close_note")
    c.enter_date(case, "close", on, actor)
    cancel_open_deadlines(case, actor, "已结案")
    c.record(case, "close", actor, on=on, **{"from": previous, "to": case.status})
    return case


@transaction.atomic
def case_archive(*, case: Case, on: date, actor, seen_version: int | None = None) -> Case:
    """归档 (行政处罚法 第四十七条; 118号 (九)): every evidence file must still match its hash;
    the digest of the case file's manifest is kept so a later export can be compared."""
    from fazhi.enforcement.services.cases_archive import manifest_digest

    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.ARCHIVE, on)
    flow.check_not_before(on, case.closed_on or case.received_on, "结案日期")
    c.check_evidence_intact(c.case_evidence(case))
    case.archived_on = on
    case.archive_sha256 = manifest_digest(case)
    c.save(case, "status", "archived_on", "archive_sha256")
    cancel_open_deadlines(case, actor, "已归档")
    c.record(
        case,
        "archive",
        actor,
        on=on,
        manifest_sha256=case.archive_sha256,
        **{"from": previous, "to": case.status},
    )
    return case


def money(value) -> Decimal:
    return Decimal(str(value or 0))
