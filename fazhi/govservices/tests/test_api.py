"""The JSON API: public catalogue and comparison, applications through the services."""

from __future__ import annotations

import pytest

from fazhi.core.models import AuditEvent
from fazhi.govservices.demo import demo_uscc
from fazhi.govservices.models import LicenseApplication
from fazhi.govservices.tests.conftest import required

pytestmark = pytest.mark.django_db
BASE = "/api/v1/services"


def test_catalogue_endpoints_are_public(client, catalogue):
    assert client.get(f"{BASE}/catalogues").json()[0]["year"] == 2019
    items = client.get(f"{BASE}/catalogues/2019/items").json()
    assert [i["code"] for i in items] == ["XK-LWPQ", "XK-GS"]
    item = client.get(f"{BASE}/items/XK-LWPQ").json()
    assert item["is_auto_approvable"] and item["power_item_code"] == "XK-LWPQ"
    assert client.get(f"{BASE}/items/NOPE").json()["code"] == "not_found"
    compared = client.get(f"{BASE}/compare", {"from": 2019, "to": 2019}).json()
    assert compared["reductions"][0]["percent"] == 0 and "旧值" in compared["formula"]
    missing = client.get(f"{BASE}/compare", {"from": 2017, "to": 2019})
    assert missing.status_code == 404
    assert missing["Content-Type"].startswith("application/problem+json")


def _payload(catalogue, **overrides):
    body = {
        "item_code": "XK-GS",
        "applicant_name": "天津某公司",
        "applicant_uscc": demo_uscc(5),
        "received_on": "2019-03-01",
        "materials": required(catalogue["gs"]),
    }
    body.update(overrides)
    return body


def test_submit_accept_and_grant_through_the_api(client, people, catalogue):
    assert (
        client.post(
            f"{BASE}/applications", _payload(catalogue), content_type="application/json"
        ).status_code
        == 401
    )
    client.force_login(people["clerk"])
    created = client.post(
        f"{BASE}/applications", _payload(catalogue), content_type="application/json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["next_deadline"]["rule"] == "licensing.correction_notice"
    assert body["next_deadline"]["due"] == "2019-03-08"
    url = f"{BASE}/applications/{body['id']}/steps"
    accepted = client.post(
        url, {"step": "accept", "on": "2019-03-04"}, content_type="application/json"
    ).json()
    assert accepted["next_deadline"]["due"] == "2019-04-01" and "extend" in accepted["next_actions"]
    granted = client.post(
        url, {"step": "grant", "on": "2019-03-08"}, content_type="application/json"
    ).json()
    assert granted["licence_number"] == "津人社许〔2019〕1号"


def test_refusals_are_problem_json_and_write_nothing(client, people, catalogue):
    client.force_login(people["clerk"])
    bad = client.post(
        f"{BASE}/applications",
        _payload(catalogue, applicant_uscc="123"),
        content_type="application/json",
    )
    assert bad.status_code == 409 and bad.json()["code"] == "rule_refused"
    created = client.post(
        f"{BASE}/applications", _payload(catalogue), content_type="application/json"
    ).json()
    before = AuditEvent.objects.count()
    early = client.post(
        f"{BASE}/applications/{created['id']}/steps",
        {"step": "grant", "on": "2019-03-02"},
        content_type="application/json",
    )
    assert early.status_code == 409 and "未受理" in early.json()["detail"]
    assert AuditEvent.objects.count() == before
    client.force_login(people["officer"])
    denied = client.post(
        f"{BASE}/applications", _payload(catalogue), content_type="application/json"
    )
    assert denied.status_code == 403 and LicenseApplication.objects.count() == 1


def test_tracking_endpoint_has_no_personal_data(client, people, catalogue):
    client.force_login(people["clerk"])
    client.post(f"{BASE}/applications", _payload(catalogue), content_type="application/json")
    client.logout()
    code = LicenseApplication.objects.get().tracking_code
    response = client.get(f"{BASE}/track/{code}")
    assert response.json()["parts"][0]["status_label"] == "已收件"
    body = response.content.decode("unicode_escape")
    assert "天津某公司" not in body and demo_uscc(5) not in body


def test_bearer_token_submits_without_a_session(client, people, catalogue):
    from fazhi.accounts.services import api_token_create

    _token, secret = api_token_create(user=people["clerk"], name="窗口系统", actor=people["clerk"])
    created = client.post(
        f"{BASE}/applications",
        _payload(catalogue),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert created.status_code == 201
    event = AuditEvent.objects.get(action="services.application.submit")
    assert event.actor == people["clerk"]
