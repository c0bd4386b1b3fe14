"""The JSON API: scope, refusals as problem JSON, the public tracking endpoint."""

from __future__ import annotations

import pytest

from fazhi.core.models import AuditEvent
from fazhi.disputes.models import ReconsiderationCase

pytestmark = pytest.mark.django_db
BASE = "/api/v1/disputes"


def _payload(people, **overrides):
    body = {
        "org_unit_id": people["units"]["district"].pk,
        "applicant_name": "张三",
        "respondent": "和平区人社局",
        "act": "工伤认定决定书（和人社工伤认字〔2019〕12号）",
        "act_known_on": "2019-03-01",
        "requests": "撤销",
        "received_on": "2019-03-20",
    }
    body.update(overrides)
    return body


def test_register_review_and_track_through_the_api(client, people):
    assert client.get(f"{BASE}/reconsiderations").status_code == 401
    client.force_login(people["legal"])
    created = client.post(
        f"{BASE}/reconsiderations", _payload(people), content_type="application/json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["law"] == "2017" and body["next_deadline"]["rule"] == "reconsideration.acceptance"
    reviewed = client.post(
        f"{BASE}/reconsiderations/{body['id']}/review",
        {"outcome": "accept", "on": "2019-03-22"},
        content_type="application/json",
    ).json()
    assert reviewed["status"] == "accepted"
    assert reviewed["next_deadline"]["due"] == "2019-05-21"
    # the public tracking endpoint shows the procedure, never the applicant
    code = ReconsiderationCase.objects.get().tracking_code
    client.logout()
    tracked = client.get(f"{BASE}/track/{code}")
    assert tracked.status_code == 200 and tracked.json()["status_label"] == "审理中"
    assert "张三" not in tracked.content.decode()
    assert client.get(f"{BASE}/track/NOPE").json()["code"] == "not_found"


def test_refusals_are_problem_json_and_write_nothing(client, people):
    client.force_login(people["legal"])
    late = client.post(
        f"{BASE}/reconsiderations",
        _payload(people, act_known_on="2018-10-01"),
        content_type="application/json",
    )
    assert late.status_code == 409
    assert late.json()["code"] == "rule_refused" and "第九条" in late.json()["detail"]
    client.force_login(people["officer"])
    denied = client.post(
        f"{BASE}/reconsiderations", _payload(people), content_type="application/json"
    )
    assert denied.status_code == 403
    assert not ReconsiderationCase.objects.exists() and not AuditEvent.objects.exists()


def test_rates_endpoint(client, people):
    client.force_login(people["legal"])
    rows = client.get(f"{BASE}/rates", {"by": "unit"}).json()
    assert rows[-1]["key"] == "合计" and rows[-1]["correction_rate"] is None


def test_litigation_steps_through_the_api(client, people):
    client.force_login(people["legal"])
    body = {
        "org_unit_id": people["units"]["zhidui"].pk,
        "court": "和平区人民法院",
        "case_number": "（2019）津0101行初9号",
        "plaintiff": "某公司",
        "act": "行政处罚决定书",
        "claims": "撤销",
        "received_on": "2019-04-01",
    }
    case = client.post(f"{BASE}/litigations", body, content_type="application/json").json()
    assert case["next_deadline"]["due"] == "2019-04-16"
    url = f"{BASE}/litigations/{case['id']}/steps"
    approve = {
        "step": "approve",
        "on": "2019-04-02",
        "agent": "孙法规",
        "approver_id": people["leader"].pk,
    }
    assert client.post(url, approve, content_type="application/json").json()["step"] == "approved"
    late = client.post(url, {"step": "answer", "on": "2019-04-20"}, content_type="application/json")
    assert late.json()["answer_late"] is True
    wrong = client.post(
        url, {"step": "perform", "on": "2019-05-01", "note": "x"}, content_type="application/json"
    )
    assert wrong.status_code == 409 and wrong.json()["code"] == "rule_refused"
