"""Shared steps of the officers services: locks, audit, shape checks."""

from __future__ import annotations

from datetime import date

from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.officers.domain import certificates as rules
from fazhi.officers.models import Certificate, Officer


def record(*, actor, action: str, target, **data) -> None:
    audit.record(actor=actor, action=f"officers.{action}", target=target, data=data)


def lock_officer(officer: Officer) -> Officer:
    # Lock, then act: of two clerks acting on one officer, the second waits and re-reads.
    return Officer.objects.select_for_update().select_related("org_unit").get(pk=officer.pk)


def lock_card(card: Certificate) -> Certificate:
    return Certificate.objects.select_for_update().select_related("officer").get(pk=card.pk)


def text(value: str | None, what: str, *, limit: int = 200, basis: str = "") -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise Refused(f"请填写{what}", basis)
    if len(cleaned) > limit:
        raise Refused(f"{what}不能超过{limit}个字")
    return cleaned


def number(value: str) -> str:
    try:
        return rules.normalise_number(value or "")
    except ValueError as exc:
        raise Refused(str(exc)) from None


def not_before(day: date, earlier: date | None, what: str) -> None:
    if earlier is not None and day < earlier:
        raise Refused(f"日期不能早于{what}（{earlier:%Y年%m月%d日}）")
