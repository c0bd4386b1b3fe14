"""The demo hook: nothing without producers; with one, registered and published idempotently."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from fazhi.core.models import AuditEvent
from fazhi.publicity import demo
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.services.records import SourceRef
from fazhi.publicity.tests.conftest import license_data, penalty_data

pytestmark = pytest.mark.django_db


@dataclass
class Ctx:
    actor: object = None
    today: date = date(2019, 12, 31)


def test_load_without_producers_does_nothing():
    demo.load(Ctx())
    assert not PublicityRecord.objects.exists() and not AuditEvent.objects.exists()


def test_producers_are_registered_and_published_on_their_due_date(monkeypatch):
    def producer():
        yield Kind.PENALTY, SourceRef("enforcement.decision", "1"), penalty_data()
        yield Kind.LICENSE, SourceRef("services.decision", "1"), license_data()
        # decided after the demo's today: registered, not yet published
        yield (
            Kind.PENALTY,
            SourceRef("enforcement.decision", "2"),
            penalty_data(decided_on=date(2019, 12, 30), document_number="津人社监罚〔2019〕99号"),
        )

    monkeypatch.setattr(demo, "PRODUCERS", [producer])
    assert demo.register_from_sources(Ctx()) == 2
    statuses = dict(
        PublicityRecord.objects.values_list("source_id", "status").filter(kind="penalty")
    )
    assert statuses == {"1": Status.PUBLISHED, "2": Status.PENDING}
    published = PublicityRecord.objects.get(kind="penalty", source_id="1")
    assert published.published_on == published.due_on == date(2019, 10, 12)
    events = AuditEvent.objects.count()
    demo.load(Ctx())  # idempotent
    assert AuditEvent.objects.count() == events and PublicityRecord.objects.count() == 3
