"""Candidate term selection, bounded totals, lay stop words, the document prior and batched
index writes (search/engine.py, search/segment.py, search/ranking.py, search/indexing.py)."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from fazhi.laws.models import SearchEntry
from fazhi.laws.search import backends, engine, ranking, search, segment
from fazhi.laws.search.indexing import index_documents
from fazhi.laws.search.types import Match
from fazhi.laws.tests.conftest import doc

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize("module", [engine, ranking, backends])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def test_lay_question_words_are_not_query_terms():
    terms = segment.query_terms("请问我们公司不签劳动合同，想问一下是不是要付双倍工资？")
    assert {"劳动合同", "二倍", "工资"} <= set(terms)
    assert not {"请问", "想问", "一下", "是不是"} & set(terms)


def test_select_terms_keeps_rare_terms_and_drops_frequent_ones():
    df = {"规定": 500, "单位": 400, "二倍": 3, "工资": 60, "订立": 40}
    chosen = engine.select_terms(list(df), df, 1000)
    assert chosen[:3] == ["二倍", "订立", "工资"]
    assert "规定" not in chosen
    # never fewer than two terms, however frequent
    assert engine.select_terms(["规定", "单位"], df, 1000) == ["单位", "规定"]


def test_estimate_total_is_exact_below_the_bound():
    assert engine.estimate_total(7, 11, [5, 9], 100) == 7
    assert engine.estimate_total(11, 11, [900], 1000) == 900  # one term: its df


def test_pair_terms_match_only_together(corpus):
    """The engine matches a row with a single term, or with two of the pair terms — never a
    row with one pair term alone (both backends)."""
    entries = SearchEntry.objects.values_list(
        "article_id", "docnum_tokens", "title_tokens", "body_tokens"
    )
    fields = {a: {t for f in rest for t in f.split()} for a, *rest in entries}

    def rows_with(term):
        return {a for a, tokens in fields.items() if term in tokens}

    match = Match(("试用期",), ("劳动合同", "用人单位", "工资"))
    ids, counted = backends.backend().candidates(match, None, (), 10**6, 10**6)
    a, b, c = (rows_with(t) for t in match.pairs)
    expected = rows_with("试用期") | (a & b) | (a & c) | (b & c)
    assert set(ids) == expected and counted == len(ids)
    assert a - expected  # rows with 劳动合同 alone are left out


def test_prior_prefers_national_texts():
    assert ranking.document_prior("法律") > ranking.document_prior("司法解释")
    assert ranking.document_prior("司法解释") > ranking.document_prior("地方性法规")


def test_total_is_exact_on_a_small_corpus(corpus, monkeypatch):
    exact = search("劳动合同", today=TODAY).total
    monkeypatch.setattr(engine, "COUNT_LIMIT", 50)
    monkeypatch.setattr(engine, "EXTRA_CANDIDATES", 10)
    estimated = search("劳动合同", today=TODAY).total
    assert exact > 50 and estimated >= 50
    assert abs(estimated - exact) / exact < 0.3  # an estimate of the right size


def test_frequent_terms_still_rank_the_candidates(corpus, monkeypatch):
    monkeypatch.setattr(engine, "POSTINGS_SHARE", 0.0)  # only the two rarest terms are matched
    page = search("用人单位不签劳动合同要付双倍工资吗", today=TODAY, page_size=10)
    assert "第八十二条" in {h.article_label for h in page.hits}


def test_batched_index_write_equals_one_by_one(corpus):
    docs = [doc("劳动合同法", "2012"), doc("工伤保险条例")]
    before = sorted(
        SearchEntry.objects.filter(document__in=docs).values_list("article_id", "body_tokens")
    )
    assert index_documents(docs) == len(before)
    after = sorted(
        SearchEntry.objects.filter(document__in=docs).values_list("article_id", "body_tokens")
    )
    assert after == before
    assert search("双倍工资", today=TODAY).hits
