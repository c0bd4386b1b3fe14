"""Peers for bench/bench_search.py: the same articles indexed by Whoosh (jieba's ChineseAnalyzer, as
a Django site with haystack would) and by tantivy-py (over Fazhi's own segmented text).

Install with ``.venv/bin/pip install whoosh-reloaded jieba tantivy`` (the ``bench`` extra).
Each peer takes ``Doc`` rows and answers a question with the ``key`` (title + article label) of its
best articles, so relevance is judged the same way for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Doc:
    key: str  # document title + article label, what relevance judgements name
    docnum: str  # 文号, raw
    title: str  # raw title
    body: str  # raw article text (label, last heading, text)
    docnum_tokens: str  # Fazhi's segmentation, space-separated
    title_tokens: str
    body_tokens: str
