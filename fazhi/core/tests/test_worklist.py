"""待办 (issue 19.4): each role's list reads the clock's deadlines and the records' states —
the officer's own deadlines grouped and linked, the reviewer's 法制审核 queue with submission
and due dates (never her own investigations), the leader's cases awaiting the 负责人."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.tests.conftest import SEVEN_OK, filed_case, notified_case
from fazhi.enforcement.tests.conftest import world as world

pytestmark = pytest.mark.django_db


def test_officer_sees_her_deadlines_grouped_and_linked(client, world):
    case = filed_case(world)
    client.force_login(world["users"]["a"])
    page = client.get("/staff/todo/").content.decode()
    assert "<h1>待办</h1>" in page and "我的期限" in page
    assert f'href="/staff/enforcement/cases/{case.pk}/"' in page
    assert "已逾期（" in page  # a 2019 case: its clocks ran out long ago
    assert "法制审核（行政处罚决定前）" not in page and "待负责人决定" not in page


def test_reviewer_sees_the_review_queue_with_dates(client, world):
    case = notified_case(world)
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=world["users"]["a"])
    client.force_login(world["users"]["reviewer"])
    page = client.get("/staff/todo/").content.decode()
    assert "法制审核（行政处罚决定前）（1）" in page and case.reference in page
    assert "2019年3月28日" in page  # submitted
    assert "届满日" in page


def test_leader_sees_the_cases_awaiting_a_decision(client, world):
    case = notified_case(world)
    u = world["users"]
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=u["a"])
    decision.case_review(
        case=case,
        on=date(2019, 3, 29),
        points=SEVEN_OK,
        opinion="agree",
        comments="",
        actor=u["reviewer"],
    )
    case.refresh_from_db()
    decision.case_propose(
        case=case,
        on=date(2019, 4, 10),
        actor=world["users"]["a"],
        outcome="penalty",
        fine=case.proposed_fine,
        text="决定",
    )
    client.force_login(world["users"]["leader"])
    page = client.get("/staff/todo/").content.decode()
    assert "待负责人决定的案件（1）" in page and case.reference in page
    client.force_login(world["users"]["b"])
    assert "待负责人决定的案件" not in client.get("/staff/todo/").content.decode()
