"""The learned model (model/questions.json, `fazhi search train`) on the HRSS core corpus: the four
everyday questions answer in the top 5 with the shipped model, nonsense is answered honestly, and
the score's reasons are given. None of the four questions is in the model's training data, and no
rule names their articles: the answers come from the known questions' votes, the learned
vocabulary and the priors."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from fazhi.laws.hrss_core import HRSS_CORE_FILES
from fazhi.laws.search import search
from fazhi.laws.search.learned import MODEL_FILE, shipped_model
from fazhi.laws.search.training import offtopic_questions
from fazhi.laws.tests.conftest import SHARED, requires_data

pytestmark = [
    requires_data,
    pytest.mark.django_db,
    pytest.mark.skipif(not MODEL_FILE.exists(), reason="model not trained"),
]

EVERYDAY = [
    ("加班费怎么算", "劳动法", "第四十四条"),
    ("年休假天数", "职工带薪年休假条例", "第三条"),
    ("工伤认定申请时限", "工伤保险条例", "第十七条"),
    ("公司不签劳动合同怎么办", "劳动合同法", "第八十二条"),
]


@pytest.fixture(scope="module")
def hrss(django_db_setup, django_db_blocker):
    from fazhi.accounts.permissions import SYSTEM
    from fazhi.laws.search.backends import index_changed
    from fazhi.laws.services import corpus_import, read_sources
    from fazhi.laws.tests.conftest import _unload

    with django_db_blocker.unblock():
        sources, _ = read_sources(SHARED)
        wanted = {f"laws/{p}" for p in HRSS_CORE_FILES}
        chosen = [s for s in sources if s.source_path in wanted or s.collection == "policies"]
        corpus_import(sources=chosen, root=SHARED, actor=SYSTEM)
        index_changed()
    yield
    with django_db_blocker.unblock():
        _unload()


def test_the_four_everyday_questions_are_not_training_questions():
    questions = {e.question for e in shipped_model().examples}
    assert not {q for q, _, _ in EVERYDAY} & questions


@pytest.mark.parametrize(("question", "law", "label"), EVERYDAY)
def test_everyday_question_answers_in_the_top_five(hrss, question, law, label):
    page = search(question, page_size=5)
    found = [(h.document_title, h.article_label) for h in page.hits]
    assert any(law in title and got == label for title, got in found), found
    assert page.confident


def test_nonsense_is_answered_honestly(hrss):
    # The threshold is calibrated to answer 80 % of held-out real questions (model file,
    # evaluation.threshold); on this corpus three quarters of the off-topic ones are refused.
    refused = [q for q in offtopic_questions() if not _confident(q)]
    assert len(refused) >= 0.7 * len(offtopic_questions()), refused


def test_real_questions_are_answered(hrss):
    real = [
        "用人单位不签劳动合同要付双倍工资吗",
        "失业保险金领取条件",
        "行政复议申请期限",
        *[e[0] for e in EVERYDAY],
    ]
    assert all(_confident(q) for q in real)


def test_reasons_explain_the_score(hrss):
    hit = search("加班费怎么算", page_size=5).hits[0]
    assert hit.reasons
    assert any("已知问题" in r or "检索词" in r for r in hit.reasons)


def _confident(question: str) -> bool:
    from fazhi.laws.search import SearchError

    try:
        return search(question, page_size=5).confident
    except SearchError:
        return False


def test_the_api_gives_reasons_confidence_and_related_questions(hrss, client):
    body = client.get("/api/v1/policies/search", {"q": "加班费怎么算", "page_size": 5}).json()
    assert body["confident"] is True and 0 < body["confidence"] <= 1
    assert body["hits"][0]["reasons"]
    nonsense = client.get("/api/v1/policies/search", {"q": "红烧肉怎么做才好吃"}).json()
    assert nonsense["confident"] is False


def test_the_result_page_says_when_nothing_matches_well(hrss, client):
    from django.urls import reverse

    page = client.get(reverse("portal:policy_search"), {"q": "红烧肉怎么做才好吃"}).content.decode()
    assert "直接相关的条文" in page
    assert "找到 <strong>" not in page


# The search's speed work (per-process precomputed structures, issue 25) must not change what it
# answers: the first 20 hits, the total and the confidence of these questions, recorded with the
# code before it (commit 398a1f5). Re-record after a deliberate ranking or model change with
# FAZHI_RECORD_SEARCH_TOP20=1.
TOP20 = Path(__file__).with_name("search_top20.json")
TOP20_QUESTIONS = [
    *[q for q, _, _ in EVERYDAY],
    "用人单位不签劳动合同要付双倍工资吗",
    "失业保险金领取条件",
    "行政复议申请期限",
    "行政机关能对同一违法行为多次处罚吗？",
    "员工在试用期被辞退有补偿吗",
    "单位不给交社保可以辞职要经济补偿吗",
    "退休年龄是多少岁",
    "劳务派遣工的工资待遇和正式工一样吗",
]


def _top20(question: str, page: int = 1) -> dict:
    found = search(question, page=page, page_size=20, today=date(2026, 12, 1))
    keys = [f"{h.document_title}|{h.effective_date}|{h.article_label}" for h in found.hits]
    return {"hits": keys, "total": found.total, "confidence": found.confidence}


def test_top_twenty_unchanged(hrss):
    from django.db import connection

    found = {q: _top20(q) for q in TOP20_QUESTIONS}
    found["工伤 第2页"] = _top20("工伤", page=2)
    # Per database: below the top 5 pinned by test_search, the engines' candidates differ.
    recorded = json.loads(TOP20.read_text(encoding="utf-8")) if TOP20.exists() else {}
    if os.environ.get("FAZHI_RECORD_SEARCH_TOP20"):
        recorded[connection.vendor] = found
        TOP20.write_text(json.dumps(recorded, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert found == recorded[connection.vendor]
