"""core's locked counter: every register number is taken from it (issue 18 item 2)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from fazhi.core.models import SerialCounter
from fazhi.core.services.numbering import note_serial, take_serial
from fazhi.core.tests.racers import racers


@pytest.mark.django_db
def test_serials_are_consecutive_per_key_and_year():
    assert [take_serial("k", 2026) for _ in range(3)] == [1, 2, 3]
    assert take_serial("k", 2027) == 1
    assert take_serial("other", 2026) == 1


@pytest.mark.django_db
def test_floor_continues_after_numbers_issued_before_the_counter():
    assert take_serial("k", 2026, floor=lambda: 41) == 42
    assert take_serial("k", 2026, floor=lambda: 99) == 43  # asked only when the row is created


@pytest.mark.django_db
def test_rollback_returns_the_number():
    take_serial("k", 2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        take_serial("k", 2026)
        raise RuntimeError
    assert take_serial("k", 2026) == 2


@pytest.mark.django_db
def test_typed_number_is_never_handed_out_again():
    take_serial("k", 2026)
    note_serial("k", 2026, 7)
    note_serial("k", 2026, 5)
    assert take_serial("k", 2026) == 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_takers_first_use_of_a_key():
    if connection.vendor != "postgresql":
        pytest.skip("行锁并发只在 PostgreSQL 上有意义")
    takers = racers(40)
    barrier = threading.Barrier(takers)
    got: list[int] = []
    errors: list[BaseException] = []

    def take() -> None:
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                got.append(take_serial("fresh", 2026))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(takers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(got) == list(range(1, takers + 1))
    assert SerialCounter.objects.get(key="fresh", year=2026).last == takers
