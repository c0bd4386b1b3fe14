"""Issue 18.5 for draws: the typed day of the inspector pool is logged beside the commitment that
entered it (who, when), flagged 疑似倒签 when it lies before the day of the commitment, shown on
the staff draw page; a day after the day of entry is refused and writes nothing. The public draw
page and its verification are unchanged (the log is not part of the commitment)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.inspections.models import Draw, DrawDateEntry, DrawInspector
from fazhi.inspections.services import draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms
from fazhi.publicity.testing import on_day

pytestmark = pytest.mark.django_db


def _commit(world, on=DRAW_DAY):
    return draws.draw_commit(plan=world["plan"], on=on, actor=world["manager"], **beacon_terms())


def test_a_pool_day_before_the_commitment_is_logged_and_flagged(client, world):
    draw = _commit(world)  # committed today, for the pool of 2019-05-06
    entry = draw.date_entries.get()
    today = timezone.localdate()
    assert (entry.step, entry.typed_on, entry.entered_on) == ("pool", DRAW_DAY, today)
    assert entry.entered_by == world["manager"]
    assert entry.entered_at >= draw.committed_at
    assert (entry.previous_step, entry.previous_entered_on) == ("commit", today)
    assert (entry.backdated, entry.hides_lateness, entry.flagged) == (True, False, True)
    assert entry.notes == [f"早于上一环节（公布承诺）的录入日期{today.isoformat()}，疑似倒签"]
    audit = AuditEvent.objects.get(action="inspections.draw.commit")
    assert audit.data["on_backdated"] is True
    client.force_login(world["manager"])
    page = client.get(f"/staff/inspections/draws/{draw.pk}/").content.decode()
    assert "日期录入记录" in page and "抽取日（检查人员名单所依日期）" in page
    assert "疑似倒签" in page and "（补录）" in page
    # the public page is as before: the commitment, no entry log
    public = client.get(f"/inspections/draws/{draw.pk}/").content.decode()
    assert draw.list_sha256 in public and "日期录入记录" not in public


def test_a_pool_day_entered_the_same_day_is_not_flagged_and_still_verifies(client, world):
    with on_day(DRAW_DAY):
        draw = _commit(world)
        draw = draws.draw_reveal(
            draw=draws.draw_execute(draw=draw, actor=world["manager"], beacon=BEACON_VALUE),
            actor=world["manager"],
        )
    entry = draw.date_entries.get()
    assert (entry.typed_on, entry.entered_on, entry.flagged) == (DRAW_DAY, DRAW_DAY, False)
    assert client.get(f"/api/v1/inspections/draws/{draw.pk}/verify").json()["ok"] is True


def test_a_pool_day_after_the_day_of_entry_is_refused_and_writes_nothing(world):
    counts = (Draw.objects.count(), DrawInspector.objects.count(), DrawDateEntry.objects.count())
    audits = AuditEvent.objects.count()
    refusal = r"抽取日（检查人员名单所依日期）（2019-05-07）不能晚于录入当日（2019-05-06）"
    with on_day(DRAW_DAY), pytest.raises(Refused, match=refusal):
        _commit(world, on=DRAW_DAY + timedelta(days=1))
    after = (Draw.objects.count(), DrawInspector.objects.count(), DrawDateEntry.objects.count())
    assert after == counts and AuditEvent.objects.count() == audits
