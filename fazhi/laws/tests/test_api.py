from __future__ import annotations

import pytest

from fazhi.laws.models import Article, LegalDocument
from fazhi.laws.tests.conftest import doc

URL = "/api/v1/policies"


def test_search_answers_with_articles(client, corpus):
    response = client.get(f"{URL}/search", {"q": "工伤认定申请时限", "page_size": 5})
    body = response.json()
    assert response.status_code == 200
    assert body["total"] >= len(body["hits"]) > 0
    assert {"article_id", "snippet", "status", "is_current"} <= set(body["hits"][0])


def test_search_filters_and_in_force_on(client, corpus):
    response = client.get(
        f"{URL}/search", {"q": "行政复议", "kind": "法律", "in_force_on": "2020-06-01"}
    )
    years = {h["effective_date"][:4] for h in response.json()["hits"]}
    assert response.status_code == 200 and years == {"2018"}


@pytest.mark.parametrize(
    ("_case", "params", "code"),
    [
        ("empty query", {"q": ""}, "invalid_query"),
        ("punctuation", {"q": "……"}, "invalid_query"),
        ("over-long", {"q": "工" * 201}, "invalid_query"),
        ("unknown kind", {"q": "工伤", "kind": "通知"}, "unknown_filter_value"),
        ("unknown status", {"q": "工伤", "status": "作废"}, "unknown_filter_value"),
        ("bad date", {"q": "工伤", "in_force_on": "2020-6"}, "unknown_filter_value"),
        ("page size", {"q": "工伤", "page_size": 500}, "unknown_filter_value"),
    ],
)
def test_bad_search_input_is_a_problem(client, db, _case, params, code):
    response = client.get(f"{URL}/search", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == code


def test_document_with_versions_and_relations(client, corpus):
    old = doc("行政复议法", "2017")
    response = client.get(f"{URL}/documents/{old.id}", {"as_of": "2025-01-01"})
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "已修改"
    assert [v["effective_date"] for v in body["versions"]] == ["2018-01-01", "2024-01-01"]
    assert {"kind": "修改", "direction": "in"}.items() <= body["relations"][0].items()
    assert len(body["articles"]) == old.articles.count()


def test_unpublished_document_and_article_are_not_found(client, corpus):
    document = LegalDocument.objects.order_by("id").first()
    article = Article.objects.filter(document=document).first()
    LegalDocument.objects.filter(pk=document.pk).update(is_published=False)
    assert client.get(f"{URL}/documents/{document.id}").json()["code"] == "not_found"
    response = client.get(f"{URL}/articles/{article.id}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_article(client, corpus):
    article = Article.objects.get(document=doc("劳动合同法", "2012"), number=82)
    body = client.get(f"{URL}/articles/{article.id}").json()
    assert body["label"] == "第八十二条" and len(body["clauses"]) == 2
