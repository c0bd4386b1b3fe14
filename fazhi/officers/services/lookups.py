"""Throttling of the public certificate check, per client address (as normdocs comments do).

Only the address and time of each check are kept, and only for a day.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction

from fazhi.core.domain.errors import Refused
from fazhi.officers.models import CertificateLookup
from fazhi.officers.policy import option

KEEP = timedelta(days=1)


class Throttled(Refused):
    """Too many checks from one address in the window."""


@transaction.atomic
def lookup_register(*, ip: str | None, now: datetime) -> None:
    """Count one public check from ``ip``; refuse past the limit (nothing is written then)."""
    window = timedelta(minutes=option("OFFICERS_CHECK_WINDOW_MINUTES"))
    limit = option("OFFICERS_CHECK_LIMIT")
    if ip:
        recent = CertificateLookup.objects.filter(ip=ip, looked_up_at__gte=now - window).count()
        if recent >= limit:
            raise Throttled("查询过于频繁，请稍后再试")
    CertificateLookup.objects.filter(looked_up_at__lt=now - KEEP).delete()
    CertificateLookup.objects.create(ip=ip or None, looked_up_at=now)
