"""The ``__any`` lookup: the same rows as ``__in`` on both databases."""

import pytest
from django.contrib.auth import get_user_model

from fazhi.core.models import AuditEvent, CalendarYear
from fazhi.core.services import audit

pytestmark = pytest.mark.django_db


def test_any_matches_the_listed_primary_keys_only():
    years = [CalendarYear.objects.create(year=y, source=f"{y} 通知") for y in (2024, 2025, 2026)]
    wanted = [years[0].pk, years[2].pk]

    found = CalendarYear.objects.filter(pk__any=wanted)

    assert sorted(found.values_list("year", flat=True)) == [2024, 2026]
    assert list(found) == list(CalendarYear.objects.filter(pk__in=wanted))


def test_any_of_nothing_is_empty_not_an_error():
    CalendarYear.objects.create(year=2026, source="通知")

    assert list(CalendarYear.objects.filter(pk__any=[])) == []


def test_any_on_a_foreign_key_accepts_ids_and_instances():
    users = [get_user_model().objects.create_user(f"u{i}") for i in range(3)]
    for user in users:
        audit.record(actor=user, action="test.any")

    by_id = AuditEvent.objects.filter(actor__any=[users[1].pk])
    by_instance = AuditEvent.objects.filter(actor__any=[users[1], users[2]])

    assert [e.actor_id for e in by_id] == [users[1].pk]
    assert sorted(e.actor_id for e in by_instance) == [users[1].pk, users[2].pk]
