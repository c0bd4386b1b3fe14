"""Writes on the officer register: create, update, deactivate (离岗)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import OFFICERS_MANAGE, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.officers import selectors
from fazhi.officers.models import Certificate, Officer, Post
from fazhi.officers.services._common import lock_card, lock_officer, record, text


def _check_user(user, officer: Officer | None = None) -> None:
    if user is None:
        return
    clash = Officer.objects.filter(user_id=user.pk)
    if officer is not None:
        clash = clash.exclude(pk=officer.pk)
    if clash.exists():
        raise Refused(f"账号“{user.username}”已关联其他执法人员")


def _check_post(post: str) -> str:
    if post not in Post.values:
        raise Refused("岗位只能是执法岗位或非执法岗位")
    return post


@transaction.atomic
def officer_create(
    *, name: str, org_unit, actor, user=None, post: str = Post.ENFORCEMENT, note: str = ""
) -> Officer:
    """Add an officer to the register. Audits ``officers.officer.create``."""
    require(actor, OFFICERS_MANAGE, unit=org_unit)
    name = text(name, "姓名", limit=50)
    if org_unit is None:
        raise Refused("请选择所在单位")
    _check_user(user)
    officer = Officer.objects.create(
        name=name, org_unit=org_unit, user=user, post=_check_post(post), note=note.strip()[:200]
    )
    record(
        actor=actor,
        action="officer.create",
        target=officer,
        name=name,
        org_unit=org_unit.pk,
        post=officer.post,
        user=getattr(user, "pk", None),
    )
    bump("officers")  # public pages show it: a new version on commit
    return officer


_UNSET = object()


@transaction.atomic
def officer_update(
    *, officer: Officer, actor, name=None, org_unit=None, post=None, user=_UNSET, note=None
) -> Officer:
    """Change name, unit, post, linked account or note. Audits ``officers.officer.update``."""
    require(actor, OFFICERS_MANAGE, unit=officer.org_unit)
    if org_unit is not None:
        require(actor, OFFICERS_MANAGE, unit=org_unit)
    officer = lock_officer(officer)
    changes: dict = {}
    if name is not None and name.strip() != officer.name:
        changes["name"] = text(name, "姓名", limit=50)
    if org_unit is not None and org_unit.pk != officer.org_unit_id:
        changes["org_unit"] = org_unit
    if post is not None and post != officer.post:
        changes["post"] = _check_post(post)
    if user is not _UNSET and getattr(user, "pk", None) != officer.user_id:
        _check_user(user, officer)
        changes["user"] = user
    if note is not None and note.strip() != officer.note:
        changes["note"] = note.strip()[:200]
    if not changes:
        return officer
    for field, value in changes.items():
        setattr(officer, field, value)
    officer.save()
    record(
        actor=actor,
        action="officer.update",
        target=officer,
        changed={k: getattr(v, "pk", v) for k, v in changes.items()},
    )
    bump("officers")  # public pages show it: a new version on commit
    return officer


@transaction.atomic
def officer_deactivate(*, officer: Officer, on: date, reason: str, actor) -> Officer:
    """离岗: the officer leaves enforcement work; a card usable that day is 注销 from that day.

    Cards not usable that day (expired, suspended) keep their status as history.
    Audits ``officers.officer.deactivate``.
    """
    require(actor, OFFICERS_MANAGE, unit=officer.org_unit)
    officer = lock_officer(officer)
    reason = text(reason, "离岗原因")
    if not officer.is_active:
        raise Refused(f"{officer.name}已离岗")
    card = selectors.valid_certificate(officer=officer, on=on)
    if card is not None:
        card = lock_card(card)
        card.status, card.revoked_on = Certificate.Status.REVOKED, on
        card.status_reason = f"离岗：{reason}"
        card.save()
    officer.is_active, officer.left_on = False, on
    officer.save()
    record(
        actor=actor,
        action="officer.deactivate",
        target=officer,
        on=on,
        reason=reason,
        revoked=card.number if card else None,
    )
    bump("officers")  # public pages show it: a new version on commit
    return officer
