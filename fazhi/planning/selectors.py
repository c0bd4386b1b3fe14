from __future__ import annotations

from datetime import date

from django.db.models import Q

from fazhi.planning.models import Principal


def principal_on(*, org_unit, day: date) -> Principal | None:
    """The 主要负责人 of ``org_unit`` in office on ``day``."""
    return (
        Principal.objects.filter(org_unit=org_unit, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .select_related("user")
        .order_by("-start")
        .first()
    )
