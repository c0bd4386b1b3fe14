"""Writes on the licensing register (行政许可法, 2019). One service per step, one audit event each.

Clock: receipt opens ``licensing.correction_notice`` (5 working days, 第三十二条); acceptance
meets it and opens ``licensing.decision`` (20 working days, 第四十二条), which a leader's
approval extends by 10; the decision meets it. Every service locks the application row and
checks its state before writing, so of two clerks acting at once one wins and the other is
refused; a refusal writes nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import HEAD_APPROVAL, LICENSING_HANDLE, SYSTEM, allowed, require
from fazhi.core.domain import entry_dates as entry_rules
from fazhi.core.domain.docnum import DocNumber, check_number_order, format_docnum
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.identifiers import phone_problem, validate_ric, validate_uscc
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_extend, deadline_meet, deadline_open
from fazhi.govservices.domain import licensing as rules
from fazhi.govservices.domain.auto_approval import evaluate, register_facts, rule_for
from fazhi.govservices.domain.catalogue import ItemKind
from fazhi.govservices.domain.licensing import STEP_LABELS, ApplicantCategory, Status
from fazhi.govservices.models import (
    CatalogueVersion,
    LicenceCounter,
    LicenseApplication,
    RegisterEntry,
    ServiceItem,
    SubmittedMaterial,
)
from fazhi.govservices.publicity import application_publicity_register

TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CORRECTION_RULE = "licensing.correction_notice"
DECISION_RULE = "licensing.decision"


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(10))


def take_number(issuer: str, year: int) -> int:
    """The next serial of ``issuer`` in ``year``; the counter row is locked until commit."""
    LicenceCounter.objects.get_or_create(issuer=issuer, year=year)
    counter = LicenceCounter.objects.select_for_update().get(issuer=issuer, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def _locked(application: LicenseApplication) -> LicenseApplication:
    return (
        LicenseApplication.objects.select_for_update().select_related("item").get(pk=application.pk)
    )


def _open(application, rule_code: str) -> Deadline | None:
    return (
        deadlines_for_subject(subject=application)
        .filter(status=DeadlineStatus.OPEN, rule_code=rule_code)
        .first()
    )


def _record(application, verb: str, actor, **data) -> None:
    audit.record(actor=actor, action=f"services.application.{verb}", target=application, data=data)


def _move(application: LicenseApplication, target: Status) -> str:
    previous = application.status
    rules.check_transition(Status(previous), target)
    application.status = target
    return previous


def _today() -> date:
    return timezone.localtime(timezone.now()).date()


def _check_not_future(step: str, on: date) -> date:
    """A typed date may not lie after today; returns today (the system's date of entry)."""
    today = _today()
    entry_rules.check_not_future(on, today, STEP_LABELS[step])  # the rule every typed date obeys
    return today


def _entered(application, step: str, on: date, actor, *, due: date | None) -> bool:
    """Store the typed date of ``step`` beside when and by whom it was entered; flags it late
    when entered after ``due`` (the time limit the step answers). Returns the flag. The caller
    saves ``step_entries`` and ``late_entry``."""
    now = timezone.now()
    late = due is not None and timezone.localtime(now).date() > due
    user = actor if getattr(actor, "pk", None) else None
    application.step_entries = [
        *(application.step_entries or []),
        {
            "step": step,
            "on": on.isoformat(),
            "entered_at": now.isoformat(),
            "entered_by": user.pk if user else None,
            "entered_by_name": (user.get_full_name() or user.username) if user else "系统",
            "late": late,
        },
    ]
    application.late_entry = application.late_entry or late
    return late


def required_names(item: ServiceItem) -> list[str]:
    """The checklist: materials the applicant must hand in (required, not 免提交)."""
    return [m.name for m in item.materials.all() if m.applicant_submits]


def submitted_names(application: LicenseApplication) -> list[str]:
    return list(application.submitted.values_list("material__name", flat=True))


def missing_for(application: LicenseApplication) -> list[str]:
    return rules.missing_materials(required_names(application.item), submitted_names(application))


def _add_materials(application, names: Iterable[str], on: date, *, via_bundle=False) -> list[str]:
    wanted = set(names)
    by_name = {m.name: m for m in application.item.materials.all()}
    unknown = sorted(wanted - set(by_name))
    if unknown:
        raise Refused(
            f"不属于该事项申请材料目录的材料：{'、'.join(unknown)}",
            "《中华人民共和国行政许可法》第三十一条",
        )
    have = set(application.submitted.values_list("material_id", flat=True))
    new = [
        by_name[n]
        for n in sorted(wanted, key=lambda n: by_name[n].position)
        if by_name[n].pk not in have
    ]
    SubmittedMaterial.objects.bulk_create(
        SubmittedMaterial(
            application=application, material=m, received_on=on, via_bundle=via_bundle
        )
        for m in new
    )
    return [m.name for m in new]


def check_applicant(
    *,
    name: str,
    category: str,
    uscc: str,
    id_type: str = "",
    id_number: str = "",
    id_type_note: str = "",
    today: date | None = None,
) -> dict[str, str]:
    """The applicant's name and category, and the (normalised) identifier its category needs:
    an organisation's 统一社会信用代码; a natural person's ID document, a 居民身份证 unless another
    type is given, and named when it is 其他 (双公示 XK_XDR_ZJLX / ZJHM are required for a 自然人,
    "其他-<说明>", domain-rules §3). Returns the applicant's identifier fields."""
    if not name.strip():
        raise Refused("请填写申请人名称")
    if category not in set(ApplicantCategory):
        raise Refused("请选择申请人类别")
    if category != ApplicantCategory.NATURAL_PERSON:
        result = validate_uscc(uscc)
        if not result.is_valid:
            raise Refused(f"统一社会信用代码无效：{result.reason}", "GB 32100-2015")
        return _identifiers(uscc=result.normalised)
    id_type = id_type or rules.RESIDENT_ID
    if id_type not in rules.APPLICANT_ID_TYPES:
        raise Refused(f"证件类型“{id_type}”不在可选范围内（{'、'.join(rules.APPLICANT_ID_TYPES)}）")
    if id_type == rules.RESIDENT_ID:
        # a birth date after the day of receipt is refused too (GB 11643-1999 出生日期码)
        person = validate_ric(id_number, allow_legacy=False, today=today)
        if not person.is_valid:
            raise Refused(
                f"自然人申请人须填写有效的居民身份证号码：{person.reason}", "GB 11643-1999"
            )
        return _identifiers(id_type=id_type, id_number=person.normalised)
    note = id_type_note.strip() if id_type == rules.OTHER_ID else ""
    if id_type == rules.OTHER_ID and not 1 <= len(note) <= 50:
        raise Refused("证件类型为“其他”的，请写明证件名称（50字以内），如“军官证”")
    number = "".join(id_number.split()).upper()
    if note:  # another document's number may carry characters (军官证: 南字第…号)
        if not 1 <= len(number) <= 32:
            raise Refused(f"请填写申请人的{note}号码（最多32个字符）")
    elif not number.isascii() or not number.isalnum() or len(number) > 32:
        raise Refused(f"请填写申请人的{id_type}号码（字母和数字，最多32位）")
    return _identifiers(id_type=id_type, id_number=number, id_type_note=note)


def _identifiers(*, uscc="", id_type="", id_number="", id_type_note="") -> dict[str, str]:
    return {
        "applicant_uscc": uscc,
        "applicant_id_type": id_type,
        "applicant_id_number": id_number,
        "applicant_id_type_note": id_type_note,
    }


def _reference(year: int) -> str:
    return f"许受〔{year}〕{take_number('许受', year)}号"


@transaction.atomic
def application_submit(
    *,
    item: ServiceItem,
    applicant_name: str,
    applicant_category: str,
    received_on: date,
    actor,
    applicant_uscc: str = "",
    applicant_id_type: str = "",
    applicant_id_number: str = "",
    applicant_id_type_note: str = "",
    legal_representative: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    contact_address: str = "",
    materials: Iterable[str] = (),
    facts: dict[str, Any] | None = None,
    is_online: bool = False,
    handler=None,
    bundle_application=None,
    tracking_code: str = "",
) -> LicenseApplication:
    """Receive an application (收件) with the materials handed in.

    Refuses an item that is not a licensing item of a published catalogue, an invalid
    统一社会信用代码 and a natural person without a valid ID document number. Opens the 5-working-day acceptance review. For an item with a 无人审批
    rule, the rule is evaluated at once: if every condition holds the application is accepted
    and granted by the system (``application_auto_decide``); otherwise it waits for a person.
    """
    # 一窗受理: the parts of a themed application are received at its one window, whatever
    # unit holds each item; a single application is received by the item's own unit.
    require(actor, LICENSING_HANDLE, unit=None if bundle_application else item.org_unit)
    if item.kind != ItemKind.LICENSING:
        raise Refused("该事项不是行政许可事项，不通过许可登记办理")
    published = CatalogueVersion.Status.PUBLISHED
    if not CatalogueVersion.objects.filter(pk=item.catalogue_id, status=published).exists():
        raise Refused(
            "该事项所在目录未公布或已被替代，请按现行目录申请",
            "《中华人民共和国行政许可法》第三十条",
        )
    _check_not_future("submit", received_on)
    identifiers = check_applicant(
        name=applicant_name,
        category=applicant_category,
        uscc=applicant_uscc,
        id_type=applicant_id_type,
        id_number=applicant_id_number,
        id_type_note=applicant_id_type_note,
        today=received_on,
    )
    if contact_phone.strip() and (problem := phone_problem(contact_phone)):
        raise Refused(problem)
    application = LicenseApplication.objects.create(
        item=item,
        org_unit=item.org_unit,
        reference=_reference(received_on.year),
        tracking_code=tracking_code or new_tracking_code(),
        status=Status.RECEIVED,
        applicant_name=applicant_name.strip(),
        applicant_category=applicant_category,
        **identifiers,
        legal_representative=legal_representative.strip(),
        contact_name=contact_name.strip(),
        contact_phone=contact_phone.strip(),
        contact_address=contact_address.strip(),
        received_on=received_on,
        is_online=is_online,
        facts=dict(facts or {}),
        handler=handler,
        bundle_application=bundle_application,
    )
    added = _add_materials(
        application, materials, received_on, via_bundle=bundle_application is not None
    )
    review = deadline_open(
        subject=application,
        rule_code=CORRECTION_RULE,
        start=received_on,
        actor=actor,
        owner=handler,
        org_unit=item.org_unit,
    )
    _entered(application, "submit", received_on, actor, due=review.due)
    application.save(update_fields=["step_entries", "late_entry"])
    _record(
        application,
        "submit",
        actor,
        item=item.code,
        materials=added,
        online=is_online,
        bundle=getattr(bundle_application, "reference", ""),
    )
    if item.auto_rule:
        application_auto_decide(application=application, on=received_on)
        application.refresh_from_db()
    return application


def auto_facts(application: LicenseApplication, *, on: date | None = None) -> dict[str, Any]:
    """What the 无人审批 rules read: the checklist, the checked USCC, and — for registered
    capital, credit and past revocations — the registers the bureau holds (`RegisterEntry`),
    never the applicant's declaration. Declared facts no register holds (e.g. staff numbers,
    attested by the materials) are read as declared."""
    declared = dict(application.facts or {})
    entry = (
        RegisterEntry.objects.filter(uscc=application.applicant_uscc)
        .values("registered_capital_yuan", "credit_blacklisted", "licence_revoked_on")
        .first()
        if application.applicant_uscc
        else None
    )
    return {
        **declared,
        **register_facts(entry, on=on or application.received_on),
        "in_register": entry is not None,
        "materials_complete": not missing_for(application),
        "uscc_valid": bool(application.applicant_uscc)
        and validate_uscc(application.applicant_uscc).is_valid,
    }


@transaction.atomic
def application_auto_decide(*, application: LicenseApplication, on: date) -> LicenseApplication:
    """无人审批: evaluate the item's rule; if it passes, accept and grant as ``system``.

    The decision stores the rule id, version, inputs and each condition's outcome; the audit
    event ``services.application.auto_decide`` carries the same. A failed evaluation is
    audited too and leaves the application with a person.
    """
    application = _locked(application)
    rule = rule_for(application.item.auto_rule)
    if rule is None:
        raise Refused("该事项没有无人审批规则")
    if application.status != Status.RECEIVED:
        raise Refused("只有刚收件的申请可以无人审批")
    result = evaluate(rule, auto_facts(application, on=on))
    record = result.as_dict()
    _record(application, "auto_decide", SYSTEM, **record)
    application.auto_evaluation = {**record, "on": on.isoformat()}
    application.save(update_fields=["auto_evaluation"])
    if not result.passed:
        return application
    application_accept(application=application, on=on, actor=SYSTEM)
    return application_grant(application=application, on=on, actor=SYSTEM, automatic=record)


@transaction.atomic
def application_correction_notice(
    *, application: LicenseApplication, on: date, actor
) -> LicenseApplication:
    """一次告知: list every missing material at once, within 5 working days of receipt.

    Refuses a second notice (above all one naming materials the first did not list), a notice
    when nothing is missing, and a notice after the 5-day period (the application is then
    deemed accepted on receipt — 第三十二条).
    """
    require(actor, LICENSING_HANDLE, unit=application.org_unit)
    application = _locked(application)
    today = _check_not_future("correction_notice", on)
    missing = missing_for(application)
    due = _open(application, CORRECTION_RULE)
    rules.check_correction_notice(
        missing=missing,
        previous_notice=application.correction_notice,
        notice_on=on,
        received_on=application.received_on,
        notice_due=due.due if due else None,
    )
    previous = _move(application, Status.CORRECTION)
    if due is not None:
        deadline_meet(deadline=due, met_on=today, actor=actor)
    _entered(application, "correction_notice", on, actor, due=due.due if due else None)
    application.correction_notice, application.correction_notified_on = missing, on
    application.save(
        update_fields=[
            "status",
            "correction_notice",
            "correction_notified_on",
            "step_entries",
            "late_entry",
        ]
    )
    _record(application, "correction_notice", actor, on=on, missing=missing, previous=previous)
    return application


@transaction.atomic
def application_supplement(
    *, application: LicenseApplication, materials: Iterable[str], on: date, actor
) -> LicenseApplication:
    """The applicant handed in (some of) the materials the notice listed."""
    require(actor, LICENSING_HANDLE, unit=application.org_unit)
    application = _locked(application)
    if application.status != Status.CORRECTION:
        raise Refused("只有已告知补正的申请可以登记补正材料")
    if on < (application.correction_notified_on or application.received_on):
        raise Refused("补正日期不能早于告知日期")
    _check_not_future("supplement", on)
    added = _add_materials(application, materials, on)
    if not added:
        raise Refused("没有新增的补正材料")
    _entered(application, "supplement", on, actor, due=None)
    if not missing_for(application):
        application.supplemented_on = on
    application.save(update_fields=["supplemented_on", "step_entries", "late_entry"])
    _record(application, "supplement", actor, on=on, materials=added)
    return application


@transaction.atomic
def application_accept(*, application: LicenseApplication, on: date, actor) -> LicenseApplication:
    """受理: materials complete; opens the 20-working-day decision period from ``on``.

    When the five-day 一次告知 period ran out with no notice, the application is accepted as
    of the day the materials arrived, whatever is missing (第三十二条第一款第（四）项), and its
    decision period runs from then (``deemed_accepted``)."""
    require(actor, LICENSING_HANDLE, unit=application.org_unit)
    application = _locked(application)
    today = _check_not_future("accept", on)
    pending = _open(application, CORRECTION_RULE)
    deemed = (
        rules.deemed_accepted_on(
            received_on=application.received_on,
            notice_due=pending.due if pending else None,
            notified=application.correction_notice is not None,
            on=on,
        )
        if application.status == Status.RECEIVED
        else None
    )
    if deemed is None:
        rules.check_acceptance(
            missing=missing_for(application),
            accepted_on=on,
            received_on=application.supplemented_on or application.received_on,
        )
    previous = _move(application, Status.ACCEPTED)
    if pending is not None:
        # the notice period is over either way; a deemed acceptance closes it as missed
        deadline_meet(deadline=pending, met_on=today, actor=actor)
    _entered(application, "accept", on, actor, due=pending.due if pending else None)
    accepted_on = deemed or on
    application.accepted_on, application.deemed_accepted = accepted_on, deemed is not None
    application.save(
        update_fields=["status", "accepted_on", "deemed_accepted", "step_entries", "late_entry"]
    )
    deadline_open(
        subject=application,
        rule_code=DECISION_RULE,
        start=accepted_on,
        actor=actor,
        owner=application.handler,
        org_unit=application.org_unit,
    )
    _record(
        application,
        "accept",
        actor,
        on=on,
        accepted_on=accepted_on,
        deemed=deemed is not None,
        previous=previous,
    )
    return application


def applications_deem_accepted(*, on: date) -> list[LicenseApplication]:
    """The daily job: every application left without a 一次告知 past its five-day period is
    accepted as of its day of receipt (第三十二条第一款第（四）项), by the system, so none is
    left waiting for a notice that can no longer be given."""
    waiting = LicenseApplication.objects.filter(
        status=Status.RECEIVED, correction_notice__isnull=True
    ).order_by("pk")
    done = []
    for application in waiting:
        pending = _open(application, CORRECTION_RULE)
        if pending is None or on <= pending.due:
            continue
        done.append(application_accept(application=application, on=on, actor=SYSTEM))
    return done


def _is_leader(user) -> bool:
    return allowed(user, HEAD_APPROVAL)


@transaction.atomic
def application_extend(
    *, application: LicenseApplication, approver, reason: str, actor
) -> LicenseApplication:
    """Extend the decision period once by 10 working days with the 负责人's approval and the
    reason told to the applicant (第四十二条第一款)."""
    require(actor, LICENSING_HANDLE, unit=application.org_unit)
    application = _locked(application)
    basis = rules.DECISION_BASIS
    if application.status != Status.ACCEPTED:
        raise Refused("只有审查中的申请可以延长决定期限", basis)
    if application.is_extended:
        raise Refused("决定期限已延长过一次，不能再次延长", basis)
    if not _is_leader(approver):
        raise Refused("延长决定期限须经本行政机关负责人批准", basis)
    if not reason.strip():
        raise Refused("延长决定期限应当将延长期限的理由告知申请人", basis)
    deadline = _open(application, DECISION_RULE)
    if deadline is None:
        raise Refused("该申请没有正在计算的决定期限", basis)
    deadline_extend(deadline=deadline, actor=actor, reason=reason.strip())
    application.is_extended, application.extension_approved_by = True, approver
    application.extension_reason = reason.strip()
    application.save(update_fields=["is_extended", "extension_approved_by", "extension_reason"])
    _record(application, "extend", actor, approver=approver.pk, reason=reason.strip())
    return application


def _close_decision(application: LicenseApplication, on: date, actor, step: str) -> None:
    """The decision's typed date is kept; its time limit (第四十二条) is met on the day it is
    entered (the system's date), so the 20-working-day figure cannot be back-dated."""
    if on < (application.accepted_on or application.received_on):
        raise Refused("决定日期不能早于受理日期", rules.DECISION_BASIS)
    today = _check_not_future(step, on)
    deadline = _open(application, DECISION_RULE)
    if deadline is not None:
        met = deadline_meet(deadline=deadline, met_on=today, actor=actor)
        application.decided_late = today > met.due
    _entered(application, step, on, actor, due=deadline.due if deadline else None)
    application.decided_on, application.decision_recorded_at = on, timezone.now()


def _check_licence_order(issuer: str, on: date) -> None:
    """Licence numbers follow the grant dates (issue 18.5): a grant dated before the latest one
    already numbered under ``issuer`` in the year is refused; the caller's transaction rolls
    back, so the number it took is not spent."""
    latest = (
        LicenseApplication.objects.filter(item__number_issuer=issuer, decided_on__year=on.year)
        .exclude(licence_number=None)
        .order_by("-decided_on", "-pk")
        .values_list("decided_on", "licence_number")
        .first()
    )
    check_number_order(
        decided_on=on,
        latest_on=latest[0] if latest else None,
        latest_number=latest[1] if latest else "",
        act="准予",
        what="许可",
    )


@transaction.atomic
def application_grant(
    *,
    application: LicenseApplication,
    on: date,
    actor,
    content: str = "",
    automatic: dict[str, Any] | None = None,
) -> LicenseApplication:
    """准予许可: takes the next licence number of the year (counter row locked), sets validity,
    and registers the licence for publicity (``publicity.record.register``; every grant — by a
    clerk, by 无人审批, in a bundle — passes here)."""
    require(actor, LICENSING_HANDLE, unit=application.org_unit)
    application = _locked(application)
    item = application.item
    previous = _move(application, Status.GRANTED)
    _close_decision(application, on, actor, "grant")
    serial = take_number(item.number_issuer, on.year)  # locks the counter: the check is race-free
    _check_licence_order(item.number_issuer, on)
    application.licence_number = format_docnum(
        DocNumber(issuer=item.number_issuer, year=on.year, serial=serial)
    )
    application.licence_content = content.strip() or f"准予{item.name}"
    application.valid_from = on
    application.valid_to = rules.validity_end(on, years=item.validity_years)
    application.is_automatic, application.auto_rule = automatic is not None, automatic
    application.save()
    application_publicity_register(application=application, actor=actor)  # 118号（六）
    _record(
        application,
        "grant",
        actor,
        on=on,
        number=application.licence_number,
        late=application.decided_late,
        previous=previous,
        automatic=bool(automatic),
        rule=(automatic or {}).get("rule_id", ""),
        rule_version=(automatic or {}).get("rule_version"),
    )
    return application


@transaction.atomic
def application_refuse(
    *, application: LicenseApplication, on: date, reasons: str, actor, remedy: str = ""
) -> LicenseApplication:
    """不予许可: with reasons and the 复议/诉讼 notice (第三十八条第二款)."""
    require(actor, LICENSING_HANDLE, unit=application.org_unit)
    application = _locked(application)
    remedy = remedy.strip() or rules.remedy_notice(
        reconsideration_body="市人民政府或者上一级人力资源社会保障行政部门",
        court="有管辖权的人民法院",
    )
    rules.check_refusal(reasons=reasons, remedy=remedy)
    previous = _move(application, Status.REFUSED)
    _close_decision(application, on, actor, "refuse")
    application.refusal_reasons, application.remedy_notice = reasons.strip(), remedy
    application.save()
    _record(
        application,
        "refuse",
        actor,
        on=on,
        reasons=reasons.strip(),
        late=application.decided_late,
        previous=previous,
    )
    return application
