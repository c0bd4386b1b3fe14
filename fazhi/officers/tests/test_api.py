"""/api/v1/officers: the public check, the staff register and its figures."""

from __future__ import annotations

import pytest
from django.utils import timezone

from fazhi.officers.tests.conftest import make_officer

pytestmark = pytest.mark.django_db
BASE = "/api/v1/officers"


@pytest.fixture
def live(staff):
    today = timezone.localdate()
    return (
        make_officer(
            staff, "张建国", number="1200009900001", issued_on=today, user=staff["officer_user"]
        ),
        make_officer(
            staff, "王和平", unit="district_team", number="1200009900003", issued_on=today
        ),
    )


def test_public_certificate_check(client, live):
    found = client.get(f"{BASE}/certificates/1200009900001")
    assert found.status_code == 200
    body = found.json()
    assert body["name"] == "张建国" and body["usable"] is True and body["status_label"] == "有效"
    assert set(body) == {
        "number",
        "name",
        "org_unit",
        "area",
        "status",
        "status_label",
        "issued_on",
        "expires_on",
        "usable",
        "reason",
    }
    missing = client.get(f"{BASE}/certificates/000000")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


def test_staff_list_needs_login_and_follows_scope(client, staff, live):
    assert client.get(f"{BASE}/").status_code == 401
    client.force_login(staff["manager"])
    page = client.get(f"{BASE}/?limit=1").json()
    assert (page["count"], page["limit"], page["offset"], len(page["results"])) == (2, 1, 0, 1)
    rows = client.get(f"{BASE}/").json()["results"]
    assert {r["name"] for r in rows} == {"张建国", "王和平"}
    first = next(r for r in rows if r["name"] == "张建国")
    assert first["certificate"]["number"] == "1200009900001" and first["usable_today"]
    assert first["username"] == "zf"
    client.force_login(staff["outsider"])
    assert [r["name"] for r in client.get(f"{BASE}/").json()["results"]] == ["王和平"]


def test_stats(client, staff, live):
    assert client.get(f"{BASE}/stats").status_code == 401
    client.force_login(staff["manager"])
    year = timezone.localdate().year
    body = client.get(f"{BASE}/stats?year={year}").json()
    assert body["officers"] == 2 and body["rate_percent"] == "100.0%"
    assert client.get(f"{BASE}/stats?year=1800").status_code == 422
