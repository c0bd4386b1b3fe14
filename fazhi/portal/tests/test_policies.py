"""人社政策一点通 on the portal: search, document, diff and article pages (Django test client)."""

from __future__ import annotations

import pytest

from fazhi.laws.models import Article, DocumentKind, DocumentRelation, LegalDocument, RelationKind
from fazhi.laws.tests.conftest import doc

SEARCH = "/policies/"


def html(response) -> str:
    return response.content.decode()


# --- search ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_search_page_without_query_shows_the_form(client):
    response = client.get(SEARCH)
    page = html(response)
    assert response.status_code == 200
    assert 'role="search"' in page and '<label for="q">检索词</label>' in page
    for label in ("文件类别", "制定机关", "效力状态", "在此日期有效"):
        assert label in page
    assert "现行有效" in page and 'aria-live="polite"' in page
    assert 'class="error"' not in page


def test_search_answers_with_articles_and_highlights(client, corpus):
    # when
    response = client.get(SEARCH, {"q": "未订立书面劳动合同 二倍工资"})
    page = html(response)
    # then
    assert response.status_code == 200
    result = response.context["result"]
    assert result.total >= len(response.context["hits"]) > 0
    first = response.context["hits"][0]
    assert "劳动合同法" in first["hit"].document_title
    assert first["url"].startswith(f"/policies/documents/{first['hit'].document_id}/#")
    assert "<mark>" in page and f"找到 <strong>{result.total}</strong> 条相关条文" in page
    assert '<ol class="results"' in page and '<h3 class="result-title">' in page


def test_result_links_to_the_article_anchor(client, corpus):
    response = client.get(SEARCH, {"q": "二倍工资", "kind": "法律"})
    article = Article.objects.get(document=doc("劳动合同法", "2012"), number=82)
    urls = [h["url"] for h in response.context["hits"] if h["hit"].article_id == article.id]
    assert urls == [f"/policies/documents/{article.document_id}/#art-82"]


@pytest.mark.parametrize(
    ("_case", "params", "check"),
    [
        ("kind", {"kind": "行政法规"}, lambda h: h.kind == "行政法规"),
        ("issuing body", {"issuing_body": "国务院"}, lambda h: "国务院" in h.issuing_body),
        ("status 现行有效", {"status": "有效"}, lambda h: h.is_current),
        ("status 已修改", {"status": "已修改"}, lambda h: h.status == "已修改"),
    ],
)
def test_search_filters(client, corpus, _case, params, check):
    response = client.get(SEARCH, {"q": "行政复议", **params})
    hits = [h["hit"] for h in response.context["hits"]]
    assert response.status_code == 200 and hits
    assert all(check(h) for h in hits)


def test_in_force_on_date_searches_the_version_of_that_day(client, corpus):
    # when
    response = client.get(SEARCH, {"q": "行政复议 申请期限", "in_force_on": "2020-06-01"})
    # then
    hits = response.context["hits"]
    assert hits and {
        h["hit"].effective_date.year for h in hits if "复议法" in h["hit"].document_title
    } == {2018}
    assert all("?as_of=2020-06-01#" in h["url"] for h in hits)
    assert "（2020-06-01 有效的版本）" in html(response)


def test_old_versions_are_marked_and_never_look_current(client, corpus):
    # when searching words only the 2017 text of 行政复议法 uses (no date: every version)
    response = client.get(SEARCH, {"q": "具体行政行为", "kind": "法律"})
    hits = response.context["hits"]
    # then the amended text carries its badge and a warning
    old = [h for h in hits if not h["hit"].is_current]
    assert old and all(h["badge"].label == "已被修改" for h in old)
    assert "注意：该文件已被修改，此条文不是现行规定。" in html(response)


@pytest.mark.parametrize(
    ("_case", "params", "message"),
    [
        ("empty query", {"q": ""}, "请输入检索词"),
        ("blank query", {"q": "   "}, "请输入检索词"),
        ("over-long", {"q": "工" * 201}, "检索词过长"),
        ("punctuation only", {"q": "……！？"}, "不能只包含标点"),
        ("unknown kind", {"q": "工伤", "kind": "通知"}, "未知的文件类别"),
        ("unknown status", {"q": "工伤", "status": "作废"}, "未知的效力状态"),
        ("bad date", {"q": "工伤", "in_force_on": "2020-13-01"}, "不是有效日期"),
        ("bad publish date", {"q": "工伤", "date_from": "去年"}, "不是有效日期"),
        ("page not a number", {"q": "工伤", "page": "abc"}, "页码必须是正整数"),
        ("page zero", {"q": "工伤", "page": "0"}, "页码必须是正整数"),
        ("page too deep", {"q": "工伤", "page": "5000"}, "最多只能翻阅"),
    ],
)
def test_bad_search_input_gets_a_chinese_message(client, db, _case, params, message):
    response = client.get(SEARCH, params)
    assert response.status_code == 400
    assert message in html(response)
    assert 'id="search-error"' in html(response)


def test_page_past_the_last_one(client, corpus):
    response = client.get(SEARCH, {"q": "二倍工资", "page": "90"})
    assert response.status_code == 400
    assert "没有第 90 页" in html(response)


@pytest.mark.parametrize(
    "query",
    ['"', "工伤 AND OR NOT", "NEAR(工伤", "工伤*", "'; DROP TABLE x;--", "-认定 ^2", "<script>"],
)
def test_odd_queries_never_fail(client, corpus, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code in (200, 400)
    assert "<script>" not in html(response)


def test_empty_result_shows_advice(client, corpus):
    response = client.get(SEARCH, {"q": "量子引力"})
    page = html(response)
    assert response.status_code == 200
    assert "没有找到与“量子引力”直接相关的条文" in page and "可以这样试试" in page


def test_pagination_links_keep_the_filters(client, corpus):
    response = client.get(SEARCH, {"q": "工伤", "kind": "行政法规"})
    assert response.context["result"].pages > 1
    page = html(response)
    assert 'aria-label="分页"' in page and 'aria-current="page"' in page
    assert "kind=%E8%A1%8C%E6%94%BF%E6%B3%95%E8%A7%84" in response.context["next_url"]
    second = client.get(SEARCH, {"q": "工伤", "kind": "行政法规", "page": "2"})
    assert second.status_code == 200 and second.context["start"] == 11


# --- published records only -----------------------------------------------------------------


def test_unpublished_document_is_hidden_everywhere(client, corpus):
    # given
    document = doc("劳动合同法", "2012")
    article = Article.objects.get(document=document, number=82)
    LegalDocument.objects.filter(pk=document.pk).update(is_published=False)
    # then
    assert client.get(f"/policies/documents/{document.pk}/").status_code == 404
    assert client.get(f"/policies/documents/{document.pk}/diff/").status_code == 404
    assert client.get(f"/policies/articles/{article.pk}/").status_code == 404
    assert client.get(f"/api/v1/policies/documents/{document.pk}").status_code == 404
    assert client.get(f"/api/v1/policies/articles/{article.pk}").status_code == 404
    hits = client.get(SEARCH, {"q": "二倍工资"}).context["hits"]
    assert document.pk not in {h["hit"].document_id for h in hits}
    assert "页面不存在" in html(client.get(f"/policies/documents/{document.pk}/"))


# --- document page ---------------------------------------------------------------------------


def test_document_page_has_anchors_toc_dates_and_status(client, corpus):
    # given
    document = doc("劳动合同法", "2012")
    # when
    response = client.get(f"/policies/documents/{document.pk}/")
    page = html(response)
    # then
    assert response.status_code == 200
    assert f"<h1>{document.title}</h1>" in page
    assert 'id="art-82"' in page and 'id="art-1"' in page
    assert '<nav class="toc card" aria-labelledby="toc-heading">' in page
    assert '<a href="#sec-1">第一章 总则</a>' in page and 'id="sec-1"' in page
    assert "效力状态：</span>现行有效" in page
    for label in ("公布日期", "施行日期", "制定机关"):
        assert f"<dt>{label}</dt>" in page


def test_amended_version_is_marked_and_points_to_the_current_one(client, corpus):
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    page = html(client.get(f"/policies/documents/{old.pk}/"))
    assert "效力状态：</span>已被修改" in page
    assert "status-warning" in page and "不再适用" in page
    assert f'现行版本：<a href="/policies/documents/{new.pk}/">' in page
    assert "修改本文件的新版本" in page


def test_as_of_date_shows_the_version_in_force_then(client, corpus):
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    response = client.get(f"/policies/documents/{new.pk}/", {"as_of": "2020-06-01"})
    assert response.status_code == 302
    assert response["Location"] == f"/policies/documents/{old.pk}/?as_of=2020-06-01"
    page = html(client.get(response["Location"]))
    assert "现行有效" in page and "按 2020-06-01 查看" in page and "2020年6月1日现行有效" in page


def test_as_of_date_with_no_version_says_so(client, corpus):
    document = doc("行政复议法", "2017")
    response = client.get(f"/policies/documents/{document.pk}/", {"as_of": "1990-01-01"})
    assert response.status_code == 200
    assert "1990年1月1日没有现行有效的版本" in html(response)
    assert "尚未生效" in html(response)


def test_bad_as_of_date_is_a_message(client, corpus):
    document = doc("行政复议法", "2017")
    response = client.get(f"/policies/documents/{document.pk}/", {"as_of": "2020-02-30"})
    assert response.status_code == 400
    assert "查看日期“2020-02-30”不是有效日期" in html(response)


def test_interpretation_is_linked_both_ways(client, corpus):
    # given a published interpretation of 劳动合同法
    law = doc("劳动合同法", "2012")
    explainer = LegalDocument.objects.create(
        work=law.work.__class__.objects.create(key="test:解读", title="劳动合同法解读"),
        kind=DocumentKind.INTERPRETATION,
        title="《劳动合同法》第八十二条政策解读",
        source_path="test/interpretation.md",
        content_hash="x",
    )
    DocumentRelation.objects.create(source=explainer, target=law, kind=RelationKind.INTERPRETS)
    # then
    page = html(client.get(f"/policies/documents/{law.pk}/"))
    assert "<h3>政策解读</h3>" in page
    assert (
        f'<a href="/policies/documents/{explainer.pk}/">《劳动合同法》第八十二条政策解读</a>'
        in page
    )
    back = html(client.get(f"/policies/documents/{explainer.pk}/"))
    assert "本解读针对的文件" in back and law.title in back


def test_article_link_redirects_to_the_anchor(client, corpus):
    article = Article.objects.get(document=doc("劳动合同法", "2012"), number=82)
    response = client.get(f"/policies/articles/{article.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/policies/documents/{article.document_id}/#art-82"


# --- diff -----------------------------------------------------------------------------------


def test_diff_page_shows_changed_articles(client, corpus):
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    response = client.get(f"/policies/documents/{new.pk}/diff/")
    page = html(response)
    assert response.status_code == 200
    assert response.context["old"] == old
    assert "<del>具体</del>" in page and "<ins>" in page
    assert "新增 <strong>" in page and "未变" in page
    assert '<span class="change-kind">修改</span>' in page


def test_document_page_offers_the_diff_form(client, corpus):
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    page = html(client.get(f"/policies/documents/{new.pk}/"))
    assert f'action="/policies/documents/{new.pk}/diff/"' in page
    assert f'<option value="{old.pk}" selected>' in page


@pytest.mark.parametrize(
    ("_case", "which", "params", "status", "message"),
    [
        ("first version", "2017", {}, 400, "没有更早的版本"),
        ("not a number", "2023", {"from": "abc"}, 400, "请选择要对比的两个版本"),
        ("another work", "2023", {"from": "other"}, 404, "页面不存在"),
    ],
)
def test_diff_bad_input(client, corpus, _case, which, params, status, message):
    document = doc("行政复议法", which)
    other = doc("劳动合同法", "2012")
    params = {k: (other.pk if v == "other" else v) for k, v in params.items()}
    response = client.get(f"/policies/documents/{document.pk}/diff/", params)
    assert response.status_code == status
    assert message in html(response)


# --- navigation -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_home_card_and_nav_link_to_the_search(client):
    page = html(client.get("/"))
    assert page.count('href="/policies/"') >= 2
    assert '<h2><a href="/policies/">人社政策一点通</a></h2>' in page
