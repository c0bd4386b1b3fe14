from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import PLANNING_MANAGE, require
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.planning.models import Principal


@transaction.atomic
def principal_appoint(*, org_unit, user, start: date, title: str = "局长", actor) -> Principal:
    """Record who is the unit's 主要负责人 from ``start``; the one before leaves the day before."""
    require(actor, PLANNING_MANAGE, unit=org_unit)
    current = (
        Principal.objects.select_for_update().filter(org_unit=org_unit, end__isnull=True).first()
    )
    if current is not None:
        if start <= current.start:
            raise Refused("新任职日期须晚于现任主要负责人的任职日期", code="principal_order")
        current.end = date.fromordinal(start.toordinal() - 1)
        current.save(update_fields=["end"])
    principal = Principal.objects.create(
        org_unit=org_unit, user=user, title=title, start=start, recorded_by=audit.person(actor)
    )
    audit.record(
        actor=actor,
        action="planning.principal.appoint",
        target=principal,
        data={"org_unit": org_unit.code, "user": user.username, "start": start.isoformat()},
    )
    return principal
