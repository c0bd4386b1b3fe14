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


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_hearing_moderation_and_catalogue_writes_through_the_api(people):
    from datetime import UTC, datetime

    from fazhi.decisions.models import Catalogue, Hearing

    clerk, legal, units = people["clerk"], people["legal"], people["units"]
    decision = start(people)
    hearing = {
        "notice_on": "2019-09-12",
        "materials": "决策草案",
        "held_on": "2019-09-17",
        "place": "会议室",
        "participants": [{"name": "张某", "represents": "职工代表"}],
        "minutes": "笔录",
        "outcome": "采纳",
    }
    short = _post(_client(clerk), f"/api/v1/decisions/{decision.pk}/hearings", hearing)
    assert short.status_code == 409 and short.json()["code"] == "decisions_hearing_notice_short"
    assert "第十六条" in short.json()["detail"] and not Hearing.objects.exists()
    done = _post(
        _client(clerk),
        f"/api/v1/decisions/{decision.pk}/hearings",
        {**hearing, "notice_on": "2019-09-10"},
    )
    assert done.status_code == 201 and done.json()["participants"][0]["name"] == "张某"

    s.decision_open_comment(
        decision=decision, opens=date(2019, 9, 2), closes=date(2019, 10, 1), actor=clerk
    )
    comment = s.comment_submit(
        decision=decision, text="建议", ip="10.0.0.9", at=datetime(2019, 9, 5, tzinfo=UTC)
    )
    url = f"/api/v1/decisions/comments/{comment.pk}/moderate"
    refused = _post(_client(clerk), url, {"approve": False, "reason": ""})
    assert refused.status_code == 409
    hidden = _post(_client(clerk), url, {"approve": False, "reason": "与草案无关"})
    assert hidden.json()["approved"] is False and hidden.json()["reason"] == "与草案无关"
    listed = _client(clerk).get(f"/api/v1/decisions/{decision.pk}/comments").json()
    assert [c["reason"] for c in listed] == ["与草案无关"]
    assert (
        _post(_client(people["other_clerk"]), url, {"approve": True, "reason": "x"}).status_code
        == 404
    )

    made = _post(
        _client(legal),
        "/api/v1/decisions/catalogues",
        {"year": 2019, "org_unit_id": units["bureau"].pk},
    )
    assert made.status_code == 201
    cid = made.json()["id"]
    item = {"title": "工伤保险待遇调整", "sponsor_id": units["zongdui"].pk}
    assert (
        _post(_client(clerk), f"/api/v1/decisions/catalogues/{cid}/items", item).status_code == 403
    )
    _post(_client(legal), f"/api/v1/decisions/catalogues/{cid}/items", item)
    published = _post(
        _client(legal),
        f"/api/v1/decisions/catalogues/{cid}/publish",
        {"party_agreed_on": "2019-02-20"},
    )
    assert published.json()["status"] == "published"
    late = _post(
        _client(legal), f"/api/v1/decisions/catalogues/{cid}/items", {**item, "title": "新增"}
    )
    assert late.status_code == 409 and "第三条" in late.json()["detail"]
    assert Catalogue.objects.get().items.count() == 1
    first = published.json()["items"][0]["id"]
    out = _post(
        _client(legal),
        f"/api/v1/decisions/catalogues/items/{first}/withdraw",
        {"reason": "并入市级"},
    ).json()
    assert out["items"][0]["withdrawn_reason"] == "并入市级"
