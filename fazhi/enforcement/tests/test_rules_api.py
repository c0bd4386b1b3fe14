"""The 裁量基准 / 社保欠费 API (api_rules.router), through tests/urls_rules_test.py."""

from __future__ import annotations

import pytest

from fazhi.core.models import AuditEvent
from fazhi.enforcement.models import ArrearsStep
from fazhi.enforcement.tests.test_rules_services import people, published, register  # noqa: F401
from fazhi.enforcement.tests.urls_rules_test import API_PREFIX

pytestmark = [pytest.mark.django_db, pytest.mark.urls("fazhi.enforcement.tests.urls_rules_test")]


def test_sets_and_set_detail(client, people, published):  # noqa: F811
    client.force_login(people["officer"])
    page = client.get(f"{API_PREFIX}/discretion/sets").json()
    sets = page["results"]
    assert {s["version"] for s in sets} == {"2017", "2019"} and page["count"] == 2
    new = next(s for s in sets if s["version"] == "2019")
    detail = client.get(f"{API_PREFIX}/discretion/sets/{new['id']}").json()
    assert len(detail["items"]) == 8 and detail["to_confirm"] is True
    assert client.get(f"{API_PREFIX}/discretion/sets/999999").status_code == 404


def test_propose_and_refusal_as_problem(client, people, published):  # noqa: F811
    client.force_login(people["officer"])
    ok = client.post(
        f"{API_PREFIX}/discretion/propose",
        {"violation": "lsi-25", "on": "2019-06-01", "workers": 12},
        content_type="application/json",
    )
    assert ok.status_code == 200
    assert ok.json()["tier_label"] == "一般" and ok.json()["suggested"] == "3000.00"
    bad = client.post(
        f"{API_PREFIX}/discretion/propose",
        {"violation": "nope", "on": "2019-06-01"},
        content_type="application/json",
    )
    assert bad.status_code == 409
    assert bad["Content-Type"] == "application/problem+json"
    assert bad.json()["code"] == "rule_refused"


def test_anonymous_is_refused(client, db):
    assert client.get(f"{API_PREFIX}/arrears").status_code == 401


def test_arrears_list_get_and_steps(client, people):  # noqa: F811
    case = register(people)
    client.force_login(people["officer"])
    page = client.get(f"{API_PREFIX}/arrears").json()
    rows = page["results"]
    assert page["count"] == 1 and (
        rows[0]["reference"] == case.reference and rows[0]["statement"]["principal"] == "10000.00"
    )
    url = f"{API_PREFIX}/arrears/{case.pk}/steps"
    ok = client.post(
        url,
        {"kind": "order", "on": "2019-03-01", "deadline": "2019-03-15", "version": case.version},
        content_type="application/json",
    )
    assert ok.status_code == 200, ok.content
    assert ok.json()["status"] == "ordered"
    before = AuditEvent.objects.count()
    refused = client.post(
        url,
        {"kind": "account_query", "on": "2019-03-02", "balance": "0", "bank": "工行"},
        content_type="application/json",
    )
    assert refused.status_code == 409 and "第六十三条第二款" in refused.json()["detail"]
    assert AuditEvent.objects.count() == before
    assert ArrearsStep.objects.filter(case=case).count() == 1
    detail = client.get(f"{API_PREFIX}/arrears/{case.pk}").json()
    assert detail["steps"][0]["label"] == "限期缴纳通知"
    client.force_login(people["outsider"])
    assert client.get(f"{API_PREFIX}/arrears/{case.pk}").status_code == 404
