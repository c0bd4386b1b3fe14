"""/api/v1/decisions and /api/v1/legislation: the register, the gate refusal as problem JSON,
counsel seeing only their own opinions."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from fazhi.accounts.services import api_token_create
from fazhi.decisions import services as s
from fazhi.decisions.tests.conftest import SPEAKERS, start

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    _, secret = api_token_create(user=user, name="t", actor=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_register_and_a_discussion_refused_with_the_open_gate(people, counsel):
    decision = start(people)
    rows = _client(people["clerk"]).get("/api/v1/decisions/").json()
    assert [r["id"] for r in rows] == [decision.pk]
    assert {g["label"] for g in rows[0]["gates"]} == {
        "公众参与",
        "专家论证",
        "风险评估",
        "合法性审查",
    }
    assert _client(people["other_clerk"]).get("/api/v1/decisions/").json() == []
    answer = _client(people["head"]).post(
        f"/api/v1/decisions/{decision.pk}/discuss",
        {"meeting": "局长办公会议", "speakers": SPEAKERS, "adopted": True, "outcome": "通过"},
        content_type="application/json",
    )
    body = answer.json()
    assert answer.status_code == 409 and body["code"] == "decisions_gate_open"
    assert "公众参与" in body["detail"] and "第十五条" in body["detail"]


def test_counsel_see_only_opinions_sent_to_them(people, counsel):
    decision = start(people)
    s.counsel_request(
        matter_type="decision",
        matter_id=decision.pk,
        matter_title="决策",
        org_unit=decision.org_unit,
        counsel=counsel["chief"],
        question="q",
        materials="m",
        due_on=date(2030, 1, 1),
        actor=people["clerk"],
    )
    assert _client(people["lawyer_user"]).get("/api/v1/decisions/counsel/opinions").json() == []
    mine = _client(people["chief_user"]).get("/api/v1/decisions/counsel/opinions").json()
    assert [o["matter_title"] for o in mine] == ["决策"]
    assert _client(people["legal"]).get("/api/v1/legislation/drafts").status_code == 200


def test_cli_register_and_reminders(people):
    import json
    from io import StringIO

    from django.core.management import call_command

    start(people)
    out = StringIO()
    call_command("decisions", "register", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert rows[0]["title"] == "工伤保险待遇调整方案" and not rows[0]["gates"][0]["done"]
    out = StringIO()
    call_command("decisions", "register", stdout=out)
    assert "未完成程序：公众参与、专家论证、风险评估、合法性审查" in out.getvalue()
