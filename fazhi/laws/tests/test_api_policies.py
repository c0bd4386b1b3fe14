"""The app-facing parts of /api/v1/policies: versions, status as of a date, anchors and the diff."""

from __future__ import annotations

import pytest

from fazhi.laws.models import Article, LegalDocument
from fazhi.laws.tests.conftest import doc

URL = "/api/v1/policies"


def test_document_lists_versions_and_the_version_in_force(client, corpus):
    # given the 2017 text of 行政复议法, replaced by the 2023 text from 2024-01-01
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    # when
    on_2020 = client.get(f"{URL}/documents/{old.id}", {"as_of": "2020-06-01"}).json()
    on_2025 = client.get(f"{URL}/documents/{old.id}", {"as_of": "2025-01-01"}).json()
    # then
    assert (on_2020["status"], on_2020["in_force_version_id"]) == ("有效", old.id)
    assert (on_2025["status"], on_2025["in_force_version_id"]) == ("已修改", new.id)
    assert [v["status"] for v in on_2025["versions"]] == ["已修改", "有效"]
    assert {"doc_number", "publish_date"} <= set(on_2025["versions"][0])


def test_document_articles_carry_anchors(client, corpus):
    document = doc("劳动合同法", "2012")
    body = client.get(f"{URL}/documents/{document.id}").json()
    article = next(a for a in body["articles"] if a["number"] == 82)
    assert article["anchor"] == "art-82"
    assert article["label"] == "第八十二条"


def test_article_status_as_of_a_date(client, corpus):
    # given
    article = Article.objects.get(document=doc("行政复议法", "2017"), number=9)
    # when
    body = client.get(f"{URL}/articles/{article.id}", {"as_of": "2025-01-01"}).json()
    # then
    assert (body["status"], body["as_of"], body["anchor"]) == ("已修改", "2025-01-01", "art-9")
    assert body["doc_number"] == article.document.doc_number


def test_bad_as_of_is_a_problem(client, corpus):
    document = doc("劳动合同法", "2012")
    response = client.get(f"{URL}/documents/{document.id}", {"as_of": "明天"})
    assert response.status_code == 400
    assert response.json()["code"] == "unknown_filter_value"
    article = document.articles.first()
    assert client.get(f"{URL}/articles/{article.id}", {"as_of": "x"}).status_code == 400


def test_diff_defaults_to_previous_version(client, corpus):
    # given
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    # when
    response = client.get(f"{URL}/documents/{new.id}/diff")
    body = response.json()
    # then
    assert response.status_code == 200
    assert (body["from_version"]["id"], body["to_version"]["id"]) == (old.id, new.id)
    assert body["counts"]["added"] > 0 and body["counts"]["changed"] > 0
    first = body["changes"][0]
    assert (first["kind"], first["old_label"], first["new_label"]) == (
        "changed",
        "第一条",
        "第一条",
    )
    assert {"op": "delete", "text": "具体"} in first["segments"]
    assert all(c["kind"] != "unchanged" for c in body["changes"])


def test_diff_with_explicit_versions(client, corpus):
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    body = client.get(f"{URL}/documents/{old.id}/diff", {"from": new.id, "to": old.id}).json()
    assert (body["from_version"]["id"], body["to_version"]["id"]) == (new.id, old.id)


@pytest.mark.parametrize(
    ("_case", "params", "status", "code"),
    [
        ("first version has nothing before it", {}, 400, "invalid_input"),
        ("version of another work", {"from": "other"}, 404, "not_found"),
        ("not a number", {"from": "abc"}, 422, "invalid_input"),
    ],
)
def test_diff_bad_input(client, corpus, _case, params, status, code):
    # given
    old = doc("行政复议法", "2017")
    other = doc("劳动合同法", "2012")
    params = {k: (other.id if v == "other" else v) for k, v in params.items()}
    # when
    response = client.get(f"{URL}/documents/{old.id}/diff", params)
    # then
    assert response.status_code == status
    assert response.json()["code"] == code


def test_unpublished_version_is_hidden_from_versions_and_diff(client, corpus):
    # given the 2023 text withdrawn from the public
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    LegalDocument.objects.filter(pk=new.pk).update(is_published=False)
    # when
    body = client.get(f"{URL}/documents/{old.id}", {"as_of": "2025-01-01"}).json()
    # then
    assert [v["id"] for v in body["versions"]] == [old.id]
    assert body["in_force_version_id"] is None
    assert client.get(f"{URL}/documents/{new.id}/diff").status_code == 404
    assert client.get(f"{URL}/documents/{old.id}/diff", {"to": new.id}).status_code == 404
