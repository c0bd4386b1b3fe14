"""The vocabulary table (laws_search_vocab) counts, for each term, the rows the index matches —
after inserts, re-indexing, deletes, updates and (PostgreSQL) TRUNCATE — and the total a search
reports is the same whichever way the backend counts (search/backends.py, migration 0003)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from fazhi.laws.models import SearchEntry
from fazhi.laws.search import engine, search
from fazhi.laws.search.backends import backend
from fazhi.laws.search.indexing import index_documents
from fazhi.laws.search.types import Match
from fazhi.laws.tests.conftest import doc

TERMS = ["劳动合同", "工资", "工伤", "复议", "备案", "用人单位", "试用期"]
TODAY = date(2025, 6, 1)


def matches(term: str) -> int:
    """Rows the engine itself matches for ``term`` (every candidate, no limit)."""
    ids, counted = backend().candidates(Match((term,)), None, (), 10**6, 10**6)
    assert counted == len(ids)
    return len(ids)


def assert_vocab_agrees():
    vocab = backend()._df_uncached(TERMS)
    assert vocab == {t: matches(t) for t in TERMS if matches(t)}


def test_counts_agree_with_the_index(corpus):
    assert_vocab_agrees()
    assert backend()._df_uncached(["劳动合同"])["劳动合同"] > 50


def test_counts_follow_reindex_delete_and_update(corpus):
    law = doc("劳动合同法", "2012")
    before = backend()._df_uncached(["试用期"])["试用期"]
    index_documents([law, doc("工伤保险条例")])  # one DELETE, batched INSERTs
    assert_vocab_agrees()

    SearchEntry.objects.filter(document=law).delete()
    assert_vocab_agrees()
    assert backend()._df_uncached(["试用期"]).get("试用期", 0) < before

    injury = SearchEntry.objects.filter(document=doc("工伤保险条例"))
    assert injury.update(body_tokens="试用期 试用期") > 0
    assert_vocab_agrees()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a trigger of PostgreSQL's table")
def test_truncate_empties_the_counts(corpus):
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE laws_searchentry")
        cursor.execute("SELECT COUNT(*) FROM laws_search_vocab")
        assert cursor.fetchone()[0] == 0


def test_total_is_the_same_however_the_backend_counts(corpus, monkeypatch):
    """PostgreSQL counts every match with the candidates; SQLite counts up to the bound. Both
    feed estimate_total the count capped at COUNT_LIMIT, so the totals agree."""
    monkeypatch.setattr(engine, "EXTRA_CANDIDATES", 10)  # a window of 15: the count is asked
    # The text engine's count (model=None: no articles joining through known questions' votes).
    exact = search("工资", today=TODAY, page_size=5, model=None).total  # one term, no sub-words
    assert exact == matches("工资") > 20
    monkeypatch.setattr(engine, "COUNT_LIMIT", 20)
    assert search("工资", today=TODAY, page_size=5, model=None).total == exact  # above the bound


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's second stage")
def test_a_rare_word_outranks_a_repeated_frequent_one(corpus):
    """ts_rank alone puts a short row repeating 工资 above a long one holding the rare word once;
    the second stage weighs each term by its idf (PostgresBackend.RESCORE_FACTOR)."""
    rows = SearchEntry.objects.filter(document=doc("工伤保险条例")).order_by("pk")
    repeated, rare = rows[0].pk, rows[1].pk
    SearchEntry.objects.filter(pk=repeated).update(body_tokens="工资 " * 5)
    SearchEntry.objects.filter(pk=rare).update(body_tokens="罕见词 " + "条例 规定 " * 20)
    ids, _ = backend().candidates(Match(("罕见词", "工资")), None, (), 300, 0)
    assert ids.index(rare) < ids.index(repeated)
