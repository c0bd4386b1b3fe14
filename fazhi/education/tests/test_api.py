"""The sitter's API: start, save answers (a dropped connection loses nothing), submit once."""

from __future__ import annotations

import pytest
from django.test import Client

from fazhi.accounts.services import api_token_create
from fazhi.education.models import Answer, Question

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    _, secret = api_token_create(user=user, name="t", actor=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_sit_by_api(people, exam):
    client = _client(people["officer"])
    assert [e["id"] for e in client.get("/api/v1/education/exams").json()] == [exam.pk]
    paper = client.post(f"/api/v1/education/exams/{exam.pk}/sittings").json()
    assert len(paper["questions"]) == 7 and "answer" not in paper["questions"][0]
    first = paper["questions"][0]["id"]
    url = f"/api/v1/education/sittings/{paper['id']}/answers/{first}"
    assert client.put(url, {"response": "B"}, content_type="application/json").status_code == 200
    # reconnect: the same paper comes back with the saved answer
    again = client.post(f"/api/v1/education/exams/{exam.pk}/sittings").json()
    assert again["id"] == paper["id"] and again["questions"][0]["response"] == "B"
    bad = client.put(url, {"response": "Z"}, content_type="application/json")
    assert bad.status_code == 409 and bad.json()["code"] == "bad_answer"
    done = client.post(f"/api/v1/education/sittings/{paper['id']}/submit")
    assert done.status_code == 200 and done.json()["score"] is not None
    second = client.post(f"/api/v1/education/sittings/{paper['id']}/submit")
    assert second.status_code == 409 and second.json()["code"] == "already_submitted"
    late = client.put(url, {"response": "A"}, content_type="application/json")
    assert late.status_code == 409
    assert Answer.objects.get(question=Question.objects.get(pk=first)).response == "B"
    # someone else's paper
    other = _client(people["officer2"]).put(url, {"response": "A"}, content_type="application/json")
    assert other.status_code == 409 and other.json()["code"] == "not_your_paper"


def test_participation_for_legal_only(people, exam):
    url = f"/api/v1/education/exams/{exam.pk}/participation"
    assert _client(people["officer"]).get(url).status_code == 403
    body = _client(people["legal"]).get(url).json()
    assert body["overall"]["enrolled"] == 2


def test_pufa_and_drafts_by_api(people):
    from datetime import date

    from fazhi.education import services

    legal = people["legal"]
    contest = services.activity_record(
        kind="competition",
        title="法治知识竞赛",
        org_unit=people["units"]["bureau"],
        starts_on=date(2019, 9, 20),
        actor=legal,
    )
    team = services.team_add(activity=contest, name="市局代表队", actor=legal)
    services.stage_record(
        activity=contest,
        name="全市决赛",
        results=[{"team": team, "name": "市局代表队", "award": "一等奖", "advanced": True}],
        actor=legal,
    )
    services.study_record_add(
        user=people["officer"],
        studied_on=date(2019, 6, 1),
        kind="online",
        course="宪法",
        hours="1.5",
        actor=legal,
    )
    client = _client(legal)
    body = client.get("/api/v1/education/pufa/2019/activities").json()
    assert body["count"] == 1 and body["results"][0]["teams"] == ["市局代表队"]
    assert body["results"][0]["stages"][0]["results"][0]["award"] == "一等奖"
    study = client.get("/api/v1/education/pufa/2019/study").json()
    assert study["results"] == [
        {
            "username": "officer",
            "name": "officer",
            "unit": study["results"][0]["unit"],
            "sessions": 1,
            "hours": 1.5,
        }
    ]
    drafted = client.post(
        "/api/v1/education/questions/drafts", {"year": 2019}, content_type="application/json"
    )
    assert drafted.status_code == 200 and drafted.json() == {"drafted": 0}
    assert _client(people["officer"]).get("/api/v1/education/pufa/2019/study").status_code == 403
