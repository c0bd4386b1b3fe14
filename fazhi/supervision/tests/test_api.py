"""The supervision API: warnings in the caller's scope; the 统计年报 for supervisors only."""

from datetime import date

import pytest
from django.test import Client

from fazhi.accounts.services import api_token_create
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.services import warnings_scan

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    _, secret = api_token_create(user=user, name="t", actor=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_warnings_and_yearbook(world, supervisors):
    case = filed_case(world)
    warnings_scan(today=date(2019, 12, 20))
    rows = _client(supervisors["legal"]).get("/api/v1/supervision/warnings").json()
    assert [r["rule"] for r in rows] == ["decision_late"] and rows[0]["record_url"]
    assert case.reference in rows[0]["record"]
    assert _client(supervisors["district"]).get("/api/v1/supervision/warnings").json() == []
    book = _client(supervisors["head"]).get("/api/v1/supervision/yearbook?year=2019")
    assert book.status_code == 200 and book.json()["penalties_total"] == 0
    refused = _client(world["users"]["a"]).get("/api/v1/supervision/yearbook?year=2019")
    assert refused.status_code == 403 and refused.json()["code"] == "supervision.oversee"
    assert (
        _client(supervisors["head"]).get("/api/v1/supervision/yearbook?year=1").status_code == 422
    )
