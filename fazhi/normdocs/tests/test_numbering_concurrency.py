"""Two registrations at the same moment: no duplicate, no gap (PostgreSQL: real row locks)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from fazhi.core.tests.racers import racers
from fazhi.normdocs import services
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import NormativeDocument, NumberCounter
from fazhi.normdocs.tests.factories import DAYS, make_document, make_people

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_parallel_registrations_get_consecutive_numbers(org_tree):
    if connection.vendor != "postgresql":
        pytest.skip("行锁并发只在 PostgreSQL 上有意义（SQLite 整库串行写入）")
    # given
    people = make_people(org_tree)
    documents = [
        make_document(people, Stage.APPROVED, title=f"并发文件{i}") for i in range(racers(6))
    ]
    barrier = threading.Barrier(len(documents))
    errors: list[BaseException] = []

    def register(document):
        try:
            barrier.wait()
            services.document_register(
                document=document, actor=people["legal"], on=DAYS["registered"]
            )
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    # when
    threads = [threading.Thread(target=register, args=(d,)) for d in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then
    assert errors == []
    serials = sorted(
        NormativeDocument.objects.filter(number_year=2025).values_list("number_serial", flat=True)
    )
    assert serials == list(range(1, len(documents) + 1))
    assert NumberCounter.objects.get(year=2025).last_serial == len(documents)
