"""The demo hook on registered records: published on their due date, the last ones left late,
one published late, one withdrawn; incomplete and not yet due ones stay pending; idempotent."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent
from fazhi.core.selectors.calendar import work_calendar
from fazhi.publicity import demo
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.selectors import overdue_records
from fazhi.publicity.tests.conftest import penalty_data, register

pytestmark = pytest.mark.django_db


@dataclass
class Ctx:
    actor: object = SYSTEM
    today: date = date(2019, 12, 31)
    created: Counter = field(default_factory=Counter)
    notes: list = field(default_factory=list)


def _penalty(n: int, decided_on: date, **changes):
    data = penalty_data(
        decided_on=decided_on, document_number=f"津人社监罚〔2019〕{n}号", **changes
    )
    record, _ = register(Kind.PENALTY, data, source_id=str(n))
    return record


def test_load_without_records_does_nothing():
    demo.load(Ctx())
    assert not PublicityRecord.objects.exists() and not AuditEvent.objects.exists()


def test_records_are_published_on_their_due_date_and_every_state_shows():
    # given four complete penalties due in September, one incomplete, one not yet due
    p1, p2, p3, p4 = (_penalty(n, date(2019, 9, d)) for n, d in ((1, 2), (2, 9), (3, 16), (4, 23)))
    incomplete = _penalty(5, date(2019, 9, 3), legal_rep="")
    recent = _penalty(6, date(2019, 12, 30))
    ctx = Ctx()
    # when the demo runs
    demo.load(ctx)
    for r in (p1, p2, p3, p4, incomplete, recent):
        r.refresh_from_db()
    # then the first is published on its due date, and then withdrawn with the reason
    assert p1.status == Status.WITHDRAWN and p1.published_on == p1.due_on
    assert p1.withdrawal_change == "撤销" and "行政复议" in p1.withdrawal_reason
    # the second published three working days late; the last two valid ones left late
    assert p2.status == Status.PUBLISHED
    assert p2.published_on == work_calendar().add_working_days(p2.due_on, demo.LATE_BY)
    assert (p3.status, p4.status, incomplete.status) == (Status.PENDING,) * 3
    assert set(overdue_records(today=ctx.today)) == {p3, p4, incomplete}
    assert recent.status == Status.PENDING and recent.due_on > ctx.today
    assert ctx.created == Counter({"publicity_published": 2, "publicity_withdrawn": 1})
    # and a second run writes nothing
    events = AuditEvent.objects.count()
    demo.load(Ctx())
    assert AuditEvent.objects.count() == events
