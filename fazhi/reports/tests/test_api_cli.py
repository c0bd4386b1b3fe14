"""/api/v1/reports and `fazhi report`: the same figures, a draft through the API, the docx."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from fazhi.accounts.services import api_token_create
from fazhi.accounts.tests.factories import make_user
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal(org_tree):
    user = make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    case = apply({"legal": user, "units": org_tree})
    recon.reconsideration_review(case=case, outcome="accept", on=date(2019, 3, 25), actor=user)
    return user


def _client(user) -> Client:
    _, secret = api_token_create(user=user, name="t", actor=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_api_figures_and_a_draft(legal, org_tree):
    client = _client(legal)
    figures = client.get("/api/v1/reports/figures", {"year": 2019}).json()["figures"]
    accepted = next(f for f in figures if f["key"] == "disputes.reconsideration_accepted")
    assert (
        accepted["value"] == "1"
        and accepted["records"][0]["model"] == "disputes.reconsiderationcase"
    )
    created = client.post(
        "/api/v1/reports/", {"year": 2019, "layout": "default"}, content_type="application/json"
    )
    assert created.status_code == 201
    again = client.post(
        "/api/v1/reports/", {"year": 2019, "layout": "default"}, content_type="application/json"
    )
    assert again.status_code == 409 and again.json()["code"] == "report_exists"
    bad = client.get("/api/v1/reports/figures", {"year": 10000})
    assert bad.status_code == 422
    officer = make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"])
    refused = _client(officer).post(
        "/api/v1/reports/", {"year": 2019, "layout": "seed"}, content_type="application/json"
    )
    assert refused.status_code == 403 and refused.json()["code"] == "reports.draft"


def test_cli_figures_json_and_the_docx(legal, tmp_path):
    out = StringIO()
    call_command("report", "figures", "--year", "2019", "--json", stdout=out)
    figures = json.loads(out.getvalue())["figures"]
    assert figures["disputes.reconsideration_accepted"]["value"] == "1"
    target = tmp_path / "r.docx"
    call_command(
        "report",
        "draft",
        "--year",
        "2019",
        "--layout",
        "seed",
        "--out",
        str(target),
        "--annex",
        stdout=StringIO(),
    )
    with zipfile.ZipFile(target) as docx:
        body = docx.read("word/document.xml").decode()
    assert "全年受理行政复议案件1件" in body and "十、下一年度主要安排" in body
    assert 'w:w="11906"' in body and 'w:h="16838"' in body  # A4 in twentieths of a point
    annex = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    assert {f["key"] for f in annex["figures"]} >= {"disputes.reconsideration_accepted"}
