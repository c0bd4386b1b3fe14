"""The JSON API: staff reads with auth, the public comment POST, problem JSON errors."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import PublicComment
from fazhi.normdocs.tests.factories import make_document

pytestmark = pytest.mark.django_db
DURING = datetime(2025, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
BASE = "/api/v1/normdocs"


def test_the_list_needs_authentication(client):
    response = client.get(f"{BASE}/documents")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_staff_list_and_get_follow_the_data_scope(client, people):
    document = make_document(people, Stage.REGISTERED)
    client.force_login(people["legal"])
    listed = client.get(f"{BASE}/documents", {"stage": "registered"}).json()
    assert listed["count"] == 1 and listed["results"][0]["doc_number"] == document.doc_number
    detail = client.get(f"{BASE}/documents/{document.pk}").json()
    assert [a["label"] for a in detail["articles"]] == ["第一条", "第二条", "第三条"]
    assert detail["next_actions"] == ["publish"]
    assert {d["rule_code"] for d in detail["deadlines"]} == {
        "normdoc.public_comment",
        "normdoc.legality_review",
    }
    client.force_login(people["outsider"])
    response = client.get(f"{BASE}/documents/{document.pk}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client.get(f"{BASE}/documents").json()["count"] == 0


def test_an_unknown_stage_filter_is_a_problem(client, people):
    client.force_login(people["legal"])
    response = client.get(f"{BASE}/documents", {"stage": "nonsense"})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


@time_machine.travel(DURING)
def test_the_public_posts_a_comment_on_an_article(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    article = document.articles.get(number=3)
    url = f"{BASE}/documents/{document.pk}/articles/{article.pk}/comments"
    response = client.post(url, {"text": "建议延后施行。"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["article"] == "第三条"
    assert PublicComment.objects.get().article == article


@time_machine.travel(DURING)
def test_a_flooded_comment_is_a_429_problem(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    article = document.articles.first()
    url = f"{BASE}/documents/{document.pk}/articles/{article.pk}/comments"
    for _ in range(3):
        client.post(url, {"text": "一样"}, content_type="application/json")
    response = client.post(url, {"text": "一样"}, content_type="application/json")
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert PublicComment.objects.count() == 3


def test_comments_on_a_draft_not_open_are_not_found(client, people):
    document = make_document(people, Stage.DRAFTING)
    article = document.articles.first()
    url = f"{BASE}/documents/{document.pk}/articles/{article.pk}/comments"
    response = client.post(url, {"text": "意见"}, content_type="application/json")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_empty_comment_text_is_invalid_input(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    article = document.articles.first()
    url = f"{BASE}/documents/{document.pk}/articles/{article.pk}/comments"
    response = client.post(url, {"text": ""}, content_type="application/json")
    assert response.status_code == 422 and response.json()["code"] == "invalid_input"


def test_the_summary_counts_the_ledger(client, people):
    make_document(people, Stage.IN_FORCE)
    client.force_login(people["legal"])
    summary = client.get(f"{BASE}/ledger/summary").json()
    assert summary["in_force"] == 1 and summary["by_stage"]["有效"] == 1
