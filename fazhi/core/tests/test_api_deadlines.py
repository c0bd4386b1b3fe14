"""/api/v1/deadlines: the rule table, the calculator and my deadlines."""

from datetime import date

import pytest
import time_machine

from fazhi.core.services.deadlines import deadline_open

URL = "/api/v1/deadlines"


@pytest.mark.django_db
def test_compute_returns_the_contract(client):
    response = client.get(f"{URL}/compute", {"rule": "penalty.payment", "from": "2025-09-16"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"rule", "start", "due", "unit", "days", "basis", "provisional"}
    assert body["provisional"] is False
    assert (body["due"], body["unit"], body["days"]) == ("2025-10-09", "calendar", 15)


@pytest.mark.django_db
def test_compute_extended(client):
    params = {"rule": "labor_inspection.investigation", "from": "2025-03-03", "extended": "true"}
    body = client.get(f"{URL}/compute", params).json()
    assert (body["days"], body["unit"]) == (90, "working")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "params", "status", "code"),
    [
        ("invalid date", {"rule": "penalty.payment", "from": "2025-02-30"}, 400, "invalid_date"),
        ("unknown rule", {"rule": "penalty.nope", "from": "2025-02-03"}, 404, "unknown_rule"),
        (
            "rule not in force",
            {"rule": "penalty.decision", "from": "2019-02-03"},
            404,
            "unknown_rule",
        ),
        (
            "no calendar data",
            {"rule": "penalty.payment", "from": "2031-02-03"},
            422,
            "calendar_data_missing",
        ),
        (
            "not extendable",
            {"rule": "penalty.payment", "from": "2025-02-03", "extended": "true"},
            400,
            "rule_not_extendable",
        ),
        ("missing rule", {"from": "2025-02-03"}, 422, "invalid_input"),
    ],
)
def test_errors_are_problem_json(client, _case, params, status, code):
    response = client.get(f"{URL}/compute", params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == code
    assert body["status"] == status
    assert body["detail"]


@pytest.mark.django_db
def test_rule_list(client):
    rules = client.get(f"{URL}/rules").json()
    codes = {r["code"] for r in rules}
    assert {"penalty.payment", "reconsideration.simplified_decision", "normdoc.filing"} <= codes
    filing = next(r for r in rules if r["code"] == "normdoc.filing")
    assert filing["verified"] is False


@pytest.mark.django_db
def test_mine_needs_a_login(client):
    response = client.get(f"{URL}/mine")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
@time_machine.travel(date(2025, 9, 10), tick=False)
def test_mine_lists_my_open_deadlines(client, staff_user, org_tree):
    deadline_open(
        subject=org_tree["zhidui"],
        rule_code="licensing.correction_notice",
        start=date(2025, 9, 1),
        actor=staff_user,
        owner=staff_user,
    )
    client.force_login(staff_user)
    (row,) = client.get(f"{URL}/mine").json()
    assert (row["due"], row["urgency"], row["remaining"]) == ("2025-09-08", "overdue", "已逾期2日")
    assert row["subject"] == "监察一支队"
