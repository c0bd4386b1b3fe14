"""Two staff acting on the same case at once: one wins, the other is told (PostgreSQL only:
SQLite serialises writers itself)."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, connections

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.core.tests.racers import racers
from fazhi.enforcement.models import Case
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.tests.conftest import SEVEN_OK, notified_case, register

pytestmark = pytest.mark.django_db(transaction=True)


def _race(*jobs):
    barrier, results = threading.Barrier(len(jobs)), [None] * len(jobs)

    def run(i, job):
        try:
            barrier.wait()
            job()
            results[i] = "ok"
        except Refused as exc:
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, j)) for i, j in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_accept_and_reject_at_once_one_wins(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL concern")
    case = register(world)
    seen, u = case.version, world["users"]
    results = _race(
        lambda: intake.case_accept(case=case, on=date(2019, 3, 5), actor=u["a"], seen_version=seen),
        lambda: intake.case_reject(
            case=case, on=date(2019, 3, 5), reason="超过两年", actor=u["b"], seen_version=seen
        ),
    )
    assert results.count("ok") == 1
    loser = next(r for r in results if r != "ok")
    assert "案件已被他人更新" in str(loser)
    case.refresh_from_db()
    assert case.status in ("accepted", "rejected") and case.version == seen + 1
    verbs = set(
        AuditEvent.objects.filter(
            target_id=str(case.pk), target_type="enforcement.case"
        ).values_list("action", flat=True)
    )
    winner = {"accepted": "accept", "rejected": "reject"}[case.status]
    assert verbs == {"enforcement.case.register", f"enforcement.case.{winner}"}


def test_concurrent_decisions_get_distinct_numbers(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL concern")
    u = world["users"]
    cases = []
    for _ in range(racers(3)):
        case = notified_case(world)
        decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=u["a"])
        decision.case_review(
            case=case,
            on=date(2019, 3, 29),
            points=SEVEN_OK,
            opinion="agree",
            comments="",
            actor=u["reviewer"],
        )
        decision.case_propose(
            case=case,
            on=date(2019, 4, 1),
            outcome="penalty",
            fine=Decimal(45000),
            text="决定",
            actor=u["a"],
        )
        cases.append(case)
    results = _race(
        *[
            (lambda c=c: decision.case_decide(case=c, on=date(2019, 4, 1), actor=u["leader"]))
            for c in cases
        ]
    )
    assert results == ["ok"] * len(cases)
    numbers = sorted(Case.objects.values_list("decision_serial", flat=True))
    assert numbers == list(range(1, len(cases) + 1))
