"""Concurrent 复议 filings take consecutive numbers from core's locked counter (issue 18 item 2).

Before: ``count() + 1`` — 33 of 50 concurrent filings on PostgreSQL failed on the unique
reference. PostgreSQL only: SQLite serialises every write on the database lock.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from fazhi.core.models import SerialCounter
from fazhi.core.tests.racers import racers
from fazhi.disputes.models import ReconsiderationCase
from fazhi.disputes.tests.conftest import apply

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

FILINGS = racers(30)


def test_concurrent_filings_no_duplicate_no_gap_no_error(people):
    if connection.vendor != "postgresql":
        pytest.skip("行锁并发只在 PostgreSQL 上有意义（SQLite 整库串行写入）")
    # given an earlier number typed before the counter existed
    apply(people, reference="复〔2019〕3号", tracking_code="EARLIER001")
    barrier = threading.Barrier(FILINGS)
    errors: list[BaseException] = []

    def file(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            apply(people, applicant_name=f"申请人{n}")
        except BaseException as exc:  # collected, asserted in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    # when
    started = time.monotonic()
    threads = [threading.Thread(target=file, args=(n,)) for n in range(FILINGS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    # then
    assert time.monotonic() - started < 120
    assert errors == []
    refs = ReconsiderationCase.objects.exclude(tracking_code="EARLIER001").values_list(
        "reference", flat=True
    )
    serials = sorted(int(r.removeprefix("津人社复〔2019〕").removesuffix("号")) for r in refs)
    assert serials == list(range(4, 4 + FILINGS))  # no duplicate, no gap, after the typed 3
    assert SerialCounter.objects.get(key="disputes.reconsideration", year=2019).last == 3 + FILINGS
