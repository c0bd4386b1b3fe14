"""API /api/v1/enforcement/cases: list, detail, create, steps with problem+json codes."""

from __future__ import annotations

import pytest

from fazhi.accounts.services import api_token_create
from fazhi.core.models import AuditEvent
from fazhi.enforcement.tests.conftest import filed_case, register

pytestmark = pytest.mark.django_db
BASE = "/api/v1/enforcement"


def auth(user) -> dict:
    _token, secret = api_token_create(user=user, name="test", actor=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_list_and_detail(client, world):
    case = register(world)
    h = auth(world["users"]["a"])
    page = client.get(f"{BASE}/cases?status=received", **h).json()
    assert page["count"] == 1 and [r["reference"] for r in page["results"]] == [case.reference]
    # 18.9: out-of-range paging and years answer 422, not 500
    for query in ("offset=9223372036854775808", "year=10000", "year=-1", "limit=0"):
        r = client.get(f"{BASE}/cases?{query}", **h)
        assert r.status_code == 422 and r.json()["code"] == "invalid_input", query
    detail = client.get(f"{BASE}/cases/{case.pk}", **h).json()
    assert detail["allowed_actions"] == ["accept", "reject", "file"]
    assert detail["deadlines"][0]["rule"] == "labor_inspection.complaint_acceptance"
    assert (
        client.get(f"{BASE}/cases/{case.pk}", **auth(world["users"]["outsider"])).status_code == 404
    )
    assert client.get(f"{BASE}/cases").status_code == 401


def test_create_and_steps(client, world):
    h = auth(world["users"]["a"])
    body = {
        "power_item_code": "CF-JC-25",
        "org_unit_id": world["team"].pk,
        "source": "patrol",
        "received_on": "2019-05-06",
        "cause": "违法延长工作时间",
        "party_name": "某公司",
    }
    created = client.post(f"{BASE}/cases", body, content_type="application/json", **h)
    assert created.status_code == 201
    case_id, version = created.json()["id"], created.json()["version"]
    step = {
        "version": version,
        "on": "2019-05-06",
        "approver": world["users"]["leader"].pk,
        "officers": [world["officers"]["a"].pk, world["officers"]["b"].pk],
    }
    filed = client.post(
        f"{BASE}/cases/{case_id}/steps/file", step, content_type="application/json", **h
    )
    assert filed.status_code == 200 and filed.json()["status"] == "filed"


def test_problems_have_stable_codes(client, world):
    case = filed_case(world)
    h = auth(world["users"]["a"])
    before = AuditEvent.objects.count()
    url = f"{BASE}/cases/{case.pk}/steps"

    def post(step, body):
        return client.post(f"{url}/{step}", body, content_type="application/json", **h)

    r = post("propose", {"on": "2019-04-01"})
    assert r.status_code == 409 and r.json()["code"] == "illegal_transition"
    assert r["Content-Type"] == "application/problem+json"
    act = {"kind": "interview", "on": "2019-03-08", "summary": "x"}
    r = post("act", {**act, "version": case.version - 1})
    assert r.status_code == 409 and r.json()["code"] == "stale_version"
    r = post("act", {**act, "officers": [world["officers"]["a"].pk]})
    assert r.json()["code"] == "rule_refused" and "第三十七条" in r.json()["detail"]
    r = post("act", {**act, "on": "not a date"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_input"
    r = post("act", {**act, "kind": "no-such-kind"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_input"
    r = post("review", {"on": "2019-04-01", "opinion": "agree"})
    assert r.status_code == 403 and r.json()["code"] == "enforcement.legal_review"
    assert (
        client.post(f"{url}/no_such_step", {}, content_type="application/json", **h).status_code
        == 404
    )
    assert AuditEvent.objects.count() == before


def test_register_in_another_unit_is_refused_and_spends_no_number(client, world):
    """18.1: an officer of 和平区 posting a case for 一支队 gets 403 and takes no number."""
    from fazhi.enforcement.models import Case, CaseCounter

    body = {
        "power_item_code": "CF-JC-25",
        "org_unit_id": world["team"].pk,
        "source": "patrol",
        "received_on": "2019-05-06",
        "cause": "违法延长工作时间",
        "party_name": "某公司",
    }
    r = client.post(
        f"{BASE}/cases", body, content_type="application/json", **auth(world["users"]["outsider"])
    )
    assert r.status_code == 403 and r.json()["code"] == "enforcement.handle"
    assert not Case.objects.exists() and not CaseCounter.objects.exists()
    r = client.post(
        f"{BASE}/cases", body, content_type="application/json", **auth(world["users"]["a"])
    )
    assert r.status_code == 201 and r.json()["reference"].endswith("-2019-0001")


def test_act_can_cite_evidence_already_in_the_case(client, world):
    from fazhi.enforcement.tests.conftest import investigated_case, two

    case = investigated_case(world)
    evidence = case.acts.get().evidence.get()
    h = auth(world["users"]["a"])
    body = {
        "version": case.version,
        "kind": "evidence",
        "on": "2019-03-09",
        "summary": "调取工资台账原件比对",
        "officers": [o.pk for o in two(world)],
        "evidence_ids": [evidence.pk],
    }
    r = client.post(
        f"{BASE}/cases/{case.pk}/steps/act",
        body,
        content_type="application/json",
        **h,
    )
    assert r.status_code == 200
    assert case.acts.get(seq=2).evidence.get() == evidence
