"""Concurrent draws take consecutive numbers from core's locked counter (issue 18 item 2).

Before: ``count() + 1`` per year, so two draws committed at once got the same number.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.tests.racers import racers
from fazhi.inspections.models import Draw
from fazhi.inspections.services import draws, plans
from fazhi.inspections.tests.conftest import DRAW_DAY, beacon_terms

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PLANS = racers(6)


def test_concurrent_draws_no_duplicate_no_gap_no_error(world, item, people):
    if connection.vendor != "postgresql":
        pytest.skip("行锁并发只在 PostgreSQL 上有意义（SQLite 整库串行写入）")
    all_plans = [world["plan"]] + [
        plans.plan_create(
            year=2019,
            title=f"2019年度专项抽查计划{n}",
            items=[item],
            shares={"A": "0.2", "B": "0.1"},
            org_unit=people["units"]["zongdui"],
            joint_departments="",
            actor=people["manager"],
        )
        for n in range(PLANS - 1)
    ]
    barrier = threading.Barrier(PLANS)
    errors: list[BaseException] = []

    def commit(plan) -> None:
        try:
            barrier.wait(timeout=30)
            draws.draw_commit(plan=plan, on=DRAW_DAY, actor=SYSTEM, **beacon_terms())
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    started = time.monotonic()
    threads = [threading.Thread(target=commit, args=(p,)) for p in all_plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert time.monotonic() - started < 120
    assert errors == []
    numbers = sorted(Draw.objects.values_list("number", flat=True))
    assert numbers == [f"2019-{n:03d}" for n in range(1, PLANS + 1)]
