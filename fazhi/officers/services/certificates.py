"""Writes on certificates (执法证): issue, renew (换证), suspend (暂扣), reinstate, revoke (注销),
and the annual review (年审).

Only an officer appointed after 考核 or 考试 holds a card (《劳动保障监察条例》第四条; 国办发
〔2018〕118号（二十三）); one officer holds one usable card at a time. Each service locks the
row it changes, checks its state, and audits ``officers.certificate.<verb>``; a refusal raises
`Refused` before anything is written.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import OFFICERS_MANAGE, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.services.audit import person
from fazhi.officers.domain import certificates as rules
from fazhi.officers.models import (
    Certificate,
    CertificateReview,
    CertificateSuspension,
    ExamResult,
    LegalQualification,
    Officer,
    TrainingRecord,
)
from fazhi.officers.policy import card_policy
from fazhi.officers.services._common import lock_card, lock_officer, not_before, record, text
from fazhi.officers.services._common import number as clean_number

Status = Certificate.Status
RENEWAL_REASON = "换证"


def _check_number_free(value: str) -> None:
    if Certificate.objects.filter(number=value).exists():
        raise Refused(f"执法证号“{value}”已被使用")


def _check_expiry(issued_on: date, expires_on: date | None) -> date:
    expires = expires_on or rules.expiry_for(issued_on, card_policy())
    if expires <= issued_on:
        raise Refused("有效期截止日须晚于发证日期")
    return expires


def _holding(officer: Officer, issued_on: date, *, besides: Certificate | None = None):
    """A card of the officer that is not revoked and still runs on ``issued_on``."""
    qs = Certificate.objects.filter(officer=officer, expires_on__gte=issued_on).exclude(
        status=Status.REVOKED
    )
    if besides is not None:
        qs = qs.exclude(pk=besides.pk)
    return qs.order_by("-issued_on").first()


def _qualification_on(officer: Officer) -> date | None:
    if officer.user_id is None:
        return None
    row = LegalQualification.objects.filter(user_id=officer.user_id).first()
    return row.obtained_on if row else None


def _check_qualified(officer: Officer, issued_on: date) -> None:
    """A passed exam (or the 法律职业资格) and a training on record by the issue day."""
    exam = (
        ExamResult.objects.filter(officer=officer, passed=True, taken_on__lte=issued_on)
        .order_by("-taken_on")
        .values_list("taken_on", flat=True)
        .first()
    )
    trained = (
        TrainingRecord.objects.filter(officer=officer, attended_on__lte=issued_on)
        .order_by("-attended_on")
        .values_list("attended_on", flat=True)
        .first()
    )
    problem = rules.issue_problem(
        issued_on=issued_on,
        exam_passed_on=exam,
        trained_on=trained,
        legal_qualification_on=_qualification_on(officer),
    )
    if problem is not None:
        message, basis = problem
        raise Refused(f"{officer.name}{message}", basis)


@transaction.atomic
def certificate_issue(
    *,
    officer: Officer,
    number: str,
    area: str,
    issued_on: date,
    actor,
    expires_on: date | None = None,
    imported: bool = False,
) -> Certificate:
    """Issue a first card (申领). Refused for a used number, an officer who has left, one who
    already holds a running card (suspended included: 换证 is the way to replace one), and one
    without a passed exam (or the 法律职业资格) and a training on record by the issue day
    (劳动保障监察条例 第四条; 118号（二十三）). ``imported`` registers a card issued before the
    platform kept exams and training (the import command only; the audit event says so).
    Audits ``officers.certificate.issue``."""
    require(actor, OFFICERS_MANAGE, unit=officer.org_unit)
    officer = lock_officer(officer)
    value = clean_number(number)
    area = text(area, "执法区域", limit=100)
    if not officer.is_active:
        raise Refused(f"{officer.name}已离岗，不能发放执法证", rules.BASIS_CARD)
    _check_number_free(value)
    held = _holding(officer, issued_on)
    if held is not None:
        raise Refused(
            f"{officer.name}已持有执法证{held.number}（{held.get_status_display()}，有效期至"
            f"{held.expires_on:%Y-%m-%d}），一人只能持有一个有效执法证，请办理换证",
            rules.BASIS_CARD,
        )
    if not imported:
        _check_qualified(officer, issued_on)
    card = Certificate.objects.create(
        officer=officer,
        number=value,
        area=area,
        issued_on=issued_on,
        expires_on=_check_expiry(issued_on, expires_on),
        status=Status.VALID,
    )
    record(
        actor=actor,
        action="certificate.issue",
        target=card,
        officer=officer.pk,
        number=value,
        area=area,
        issued_on=issued_on,
        expires_on=card.expires_on,
        imported=imported,
    )
    bump("officers")  # public pages show it: a new version on commit
    return card


@transaction.atomic
def certificate_renew(
    *, certificate: Certificate, number: str, issued_on: date, actor, area: str | None = None
) -> Certificate:
    """换证: a new card replaces the old one, which is 注销 from the new card's issue day with
    reason "换证". The new card runs for the configured years from its issue day.
    Audits ``officers.certificate.renew``."""
    require(actor, OFFICERS_MANAGE, unit=certificate.officer.org_unit)
    old = lock_card(certificate)
    officer = lock_officer(old.officer)
    value = clean_number(number)
    if old.status == Status.REVOKED:
        raise Refused(f"执法证{old.number}已注销，不能换证；请重新申领")
    if old.status == Status.SUSPENDED:
        raise Refused(f"执法证{old.number}暂扣期间不能换证")
    if not officer.is_active:
        raise Refused(f"{officer.name}已离岗，不能换证", rules.BASIS_CARD)
    if issued_on <= old.issued_on:
        raise Refused(f"换证日期须晚于旧证发证日期（{old.issued_on:%Y年%m月%d日}）")
    late = rules.renewal_problem(
        expires_on=old.expires_on, renew_on=issued_on, policy=card_policy()
    )
    if late is not None:
        raise Refused(late, rules.BASIS_CARD)
    _check_number_free(value)
    held = _holding(officer, issued_on, besides=old)
    if held is not None:
        raise Refused(f"{officer.name}另持有执法证{held.number}，请先处理该证")
    new_area = text(area if area is not None else old.area, "执法区域", limit=100)
    old.status, old.revoked_on, old.status_reason = Status.REVOKED, issued_on, RENEWAL_REASON
    old.save()
    card = Certificate.objects.create(
        officer=officer,
        number=value,
        area=new_area,
        issued_on=issued_on,
        expires_on=_check_expiry(issued_on, None),
        status=Status.VALID,
        renewed_from=old,
    )
    record(
        actor=actor,
        action="certificate.renew",
        target=card,
        officer=officer.pk,
        old=old.number,
        number=value,
        issued_on=issued_on,
        expires_on=card.expires_on,
    )
    bump("officers")  # public pages show it: a new version on commit
    return card


def _open_suspension(card: Certificate) -> CertificateSuspension | None:
    return card.suspensions.filter(until__isnull=True).order_by("-start").first()


def _suspend(card: Certificate, on: date, reason: str) -> None:
    not_before(on, card.issued_on, "发证日期")
    CertificateSuspension.objects.create(certificate=card, start=on, reason=reason)
    card.status, card.status_reason = Status.SUSPENDED, reason
    card.save()


@transaction.atomic
def certificate_suspend(*, certificate: Certificate, on: date, reason: str, actor) -> Certificate:
    """暂扣 from ``on`` until reinstated. Audits ``officers.certificate.suspend``."""
    require(actor, OFFICERS_MANAGE, unit=certificate.officer.org_unit)
    card = lock_card(certificate)
    reason = text(reason, "暂扣原因")
    if card.status != Status.VALID:
        raise Refused(f"执法证{card.number}当前为{card.get_status_display()}，不能暂扣")
    _suspend(card, on, reason)
    record(actor=actor, action="certificate.suspend", target=card, on=on, reason=reason)
    bump("officers")  # public pages show it: a new version on commit
    return card


@transaction.atomic
def certificate_reinstate(
    *, certificate: Certificate, on: date, actor, note: str = ""
) -> Certificate:
    """End a 暂扣 on ``on`` (usable again from that day). Audits ``officers.certificate.reinstate``."""
    require(actor, OFFICERS_MANAGE, unit=certificate.officer.org_unit)
    card = lock_card(certificate)
    if card.status != Status.SUSPENDED:
        raise Refused(f"执法证{card.number}未被暂扣")
    open_ = _open_suspension(card)
    if open_ is not None:
        not_before(on, open_.start, "暂扣日期")
        open_.until, open_.lift_note = on, note.strip()[:200]
        open_.save()
    card.status, card.status_reason = Status.VALID, note.strip()[:200]
    card.save()
    record(actor=actor, action="certificate.reinstate", target=card, on=on, note=note)
    bump("officers")  # public pages show it: a new version on commit
    return card


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, on: date, reason: str, actor) -> Certificate:
    """注销 from ``on`` (final). A running 暂扣 ends that day. Audits ``officers.certificate.revoke``."""
    require(actor, OFFICERS_MANAGE, unit=certificate.officer.org_unit)
    card = lock_card(certificate)
    reason = text(reason, "注销原因")
    if card.status == Status.REVOKED:
        raise Refused(f"执法证{card.number}已注销")
    not_before(on, card.issued_on, "发证日期")
    open_ = _open_suspension(card)
    if open_ is not None:
        not_before(on, open_.start, "暂扣日期")
        open_.until = on
        open_.save()
    card.status, card.revoked_on, card.status_reason = Status.REVOKED, on, reason
    card.save()
    record(actor=actor, action="certificate.revoke", target=card, on=on, reason=reason)
    bump("officers")  # public pages show it: a new version on commit
    return card


@transaction.atomic
def certificate_review_record(
    *,
    certificate: Certificate,
    reviewed_on: date,
    passed: bool,
    actor,
    note: str = "",
    reviewer=None,
) -> CertificateReview:
    """年审. A pass renews the review cycle; a failure (with its reason) suspends the card from
    that day. Audits ``officers.certificate.review``."""
    require(actor, OFFICERS_MANAGE, unit=certificate.officer.org_unit)
    card = lock_card(certificate)
    note = note.strip()[:200]
    if card.status == Status.REVOKED:
        raise Refused(f"执法证{card.number}已注销，无需年审")
    not_before(reviewed_on, card.issued_on, "发证日期")
    if reviewed_on > card.expires_on:
        raise Refused(f"执法证{card.number}已于{card.expires_on:%Y年%m月%d日}到期，请办理换证")
    if card.reviews.filter(reviewed_on=reviewed_on).exists():
        raise Refused(f"执法证{card.number}在{reviewed_on:%Y年%m月%d日}已有年审记录")
    if not passed and not note:
        raise Refused("年审不合格须写明原因")
    review = CertificateReview.objects.create(
        certificate=card,
        reviewed_on=reviewed_on,
        passed=passed,
        note=note,
        reviewer=reviewer or person(actor),
    )
    if passed and (card.last_reviewed_on is None or reviewed_on > card.last_reviewed_on):
        card.last_reviewed_on = reviewed_on
        card.save()
    elif not passed and card.status == Status.VALID:
        _suspend(card, reviewed_on, f"年审不合格：{note}")
    record(
        actor=actor,
        action="certificate.review",
        target=card,
        on=reviewed_on,
        passed=passed,
        note=note,
    )
    bump("officers")  # public pages show it: a new version on commit
    return review


@transaction.atomic
def legal_qualification_record(
    *, user, certificate_number: str, obtained_on: date, actor
) -> LegalQualification:
    """Record (or correct) a person's 法律职业资格, needed by a first-time 法制审核 reviewer
    (行政处罚法 2021 第五十八条第二款). Audits ``officers.legal_qualification.record``."""
    require(actor, OFFICERS_MANAGE, unit=user.org_unit if user.org_unit_id else None)
    number = text(certificate_number, "法律职业资格证书编号", limit=40)
    row, created = LegalQualification.objects.select_for_update().get_or_create(
        user=user, defaults={"certificate_number": number, "obtained_on": obtained_on}
    )
    if not created:
        row.certificate_number, row.obtained_on = number, obtained_on
        row.save()
    record(
        actor=actor,
        action="legal_qualification.record",
        target=row,
        user=user.pk,
        number=number,
        obtained_on=obtained_on,
    )
    return row
