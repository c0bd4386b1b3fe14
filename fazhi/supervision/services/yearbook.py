"""Writes of the 统计年报 on the portal."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    SUPERVISION_OVERSEE,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.supervision import selectors


@transaction.atomic
def yearbook_publish(*, year: int, actor, correction_note: str = ""):
    """Publish the year's 统计年报 on the portal: a snapshot of the tables as the records say
    today. Only once the year is over; publishing again is a correction and needs its reason.
    The publication date is set by the system (118号（六）: due by 31 January)."""
    from fazhi.core.caching import bump
    from fazhi.supervision.domain import statistics as st
    from fazhi.supervision.models import YearbookPublication

    require(actor, SUPERVISION_OVERSEE)
    today = timezone.localdate()
    st.check_publishable(year, today=today)
    existing = YearbookPublication.objects.select_for_update().filter(year=year).first()
    if existing is not None and not correction_note.strip():
        raise Refused(
            f"{year}年度统计年报已于{existing.published_on:%Y年%m月%d日}公布；更正须说明理由",
            st.BASIS,
            code="yearbook_published",
        )
    tables = selectors.yearbook_snapshot(year)
    fields = {
        "tables": tables,
        "published_on": today,
        "published_by": audit.person(actor),
        "published_at": timezone.now(),
        "correction_note": correction_note.strip(),
    }
    if existing is None:
        row = YearbookPublication.objects.create(year=year, first_published_on=today, **fields)
    else:
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.version += 1
        existing.save()
        row = existing
    audit.record(
        actor=actor,
        action="supervision.yearbook.publish",
        target=row,
        data={
            "year": year,
            "version": row.version,
            "decisions": tables["penalty"]["total"],
            "amount_wan": tables["penalty"]["amount_wan"],
        },
    )
    bump("supervision")  # public pages show it: a new version on commit
    return row
