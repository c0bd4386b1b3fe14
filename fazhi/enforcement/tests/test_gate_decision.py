"""The decision is the 负责人's act (行政处罚法 2021 第五十七条; 2017 第三十八条): only the role
``ENFORCEMENT_DECIDE`` (局领导) decides on the officer's proposal or sends it back; the officer
who proposed, and anyone else, is refused with nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.tests.conftest import notified_case

pytestmark = pytest.mark.django_db


def _proposed(world):
    case = notified_case(world, fine=Decimal(5000))  # 5000元: no hearing, no 法制审核 needed
    decision.case_propose(
        case=case,
        on=date(2019, 3, 29),
        outcome="penalty",
        fine=Decimal(5000),
        text="罚款",
        departure_reason="当事人已部分补缴",
        actor=world["users"]["a"],
    )
    case.refresh_from_db()
    return case


def test_case_decide_only_by_the_leader(world):
    case = _proposed(world)
    u = world["users"]
    decided = check_gate(
        lambda actor: decision.case_decide(case=case, on=date(2019, 4, 1), actor=actor),
        responsible=u["leader"],
        outsiders=[u["a"], u["reviewer"], u["outsider"]],
        obj=case,
    )
    assert decided.decided_by == u["leader"]


def test_case_send_back_only_by_the_leader(world):
    case = _proposed(world)
    u = world["users"]
    check_gate(
        lambda actor: decision.case_send_back(
            case=case, on=date(2019, 4, 1), reason="补充调查", actor=actor
        ),
        responsible=u["leader"],
        outsiders=[u["a"], u["reviewer"], u["outsider"]],
        obj=case,
    )
