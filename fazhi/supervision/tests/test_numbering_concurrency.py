"""督办 numbers come from core's locked counter (issue 18.2). Before: ``count() + 1`` per year,
so 督办 issued at once took the same number and all but one answered 500 (unique violation)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from fazhi.core.tests.racers import racers
from fazhi.enforcement.tests.conftest import world  # noqa: F401 - a fixture
from fazhi.supervision import services as s
from fazhi.supervision.models import Oversight

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _issue(world, supervisors, n: int):  # noqa: F811
    return s.oversight_issue(
        org_unit=world["team"],
        subject=f"超期未作出处罚决定的案件{n}",
        demand="请于期限内作出决定并书面报告。",
        deadline=timezone.localdate() + timedelta(days=15),
        actor=supervisors["legal"],
    )


def test_oversight_numbers_continue_after_the_ones_already_used(world, supervisors):  # noqa: F811
    first = _issue(world, supervisors, 0)
    year = timezone.localdate().year
    Oversight.objects.filter(pk=first.pk).update(number=f"人社执法监督〔{year}〕7号")
    from fazhi.core.models import SerialCounter

    SerialCounter.objects.filter(key="supervision.oversight").delete()  # numbered before it
    assert _issue(world, supervisors, 1).number == f"人社执法监督〔{year}〕8号"


def test_concurrent_oversights_no_duplicate_no_gap_no_error(world, supervisors):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("行锁并发只在 PostgreSQL 上有意义（SQLite 整库串行写入）")
    issuers = racers(8)
    barrier, errors = threading.Barrier(issuers), []

    def issue(n: int) -> None:
        try:
            barrier.wait(timeout=30)
            _issue(world, supervisors, n)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(n,)) for n in range(issuers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    year = timezone.localdate().year
    numbers = set(Oversight.objects.values_list("number", flat=True))
    assert numbers == {f"人社执法监督〔{year}〕{n}号" for n in range(1, issuers + 1)}
