"""Relevance ranking shared by both search backends (BM25F over 文号, 标题 and 条文).

Pure Python. The database backends only *find* candidates (FTS5 bm25() or PostgreSQL
ts_rank pick the best few hundred); the final order is computed here, from the same tokens
and the same document frequencies, so SQLite and PostgreSQL return the same top results.

BM25F (Robertson, Zaragoza & Taylor 2004): per term, field term frequencies are length-normalised,
weighted and summed before the saturation k1; idf = ln(1 + (N - df + 0.5) / (df + 0.5)).

A text that is not current on the day asked about (已修改, 已废止, 失效) keeps its place in the
list but is ranked below the current text of the same lineage (the work, or the work that
replaced it), whatever its own score: it must never look like the rule in force.

>>> w = FieldWeights()
>>> c1 = Candidate("a", ("劳动",), ("劳动合同",), ("劳动合同", "工资"), "w1", True)
>>> c2 = Candidate("b", (), ("劳动合同",), ("劳动合同", "工资", "工资"), "w1", False)
>>> [c.key for c in rank([c1, c2], ["工资"], {"工资": 2}, CorpusStats(10, 1.0, 3.0), w)]
['a', 'b']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldWeights:
    docnum: float = 6.0
    title: float = 2.5
    body: float = 1.0
    b_title: float = 0.5
    b_body: float = 0.75
    k1: float = 1.2
    superseded_factor: float = 0.5  # a superseded text counts half before the lineage rule


@dataclass(frozen=True)
class CorpusStats:
    documents: int  # indexed rows (articles)
    avg_title: float
    avg_body: float


@dataclass(frozen=True)
class Candidate:
    key: str  # stable across databases (source path + position), used to break ties
    docnum: tuple[str, ...]
    title: tuple[str, ...]
    body: tuple[str, ...]
    lineage: str  # work key of the current text this one belongs to or was replaced by
    is_current: bool


@dataclass(frozen=True)
class Ranked:
    key: str
    score: float
    coverage: float = 0.0  # share of the query's idf mass the text matches (0–1)
    matched: tuple[str, ...] = ()  # the query terms the text matches, in query order


def idf(df: int, documents: int) -> float:
    return math.log(1 + (documents - df + 0.5) / (df + 0.5))


def bm25f(
    candidate: Candidate,
    terms: Sequence[str],
    idfs: Mapping[str, float],
    stats: CorpusStats,
    weights: FieldWeights,
) -> float:
    """BM25F of one candidate; ``idfs`` maps each query term to its idf. Only the query terms
    are counted (a Counter over every body token was most of the re-ranking time)."""
    return _bm25f(candidate, terms, idfs, stats, weights)[0]


def _bm25f(
    candidate: Candidate,
    terms: Sequence[str],
    idfs: Mapping[str, float],
    stats: CorpusStats,
    weights: FieldWeights,
) -> tuple[float, tuple[str, ...]]:
    norm_title = (
        1 - weights.b_title + weights.b_title * len(candidate.title) / max(stats.avg_title, 1)
    )
    norm_body = 1 - weights.b_body + weights.b_body * len(candidate.body) / max(stats.avg_body, 1)
    fields = (
        (candidate.docnum, weights.docnum),
        (candidate.title, weights.title / norm_title),
        (candidate.body, weights.body / norm_body),
    )
    score = 0.0
    matched = []
    for term in terms:  # query order, so float sums are identical on every run
        # tuple.count per query term, not a Python loop over every token (a third of the
        # re-ranking); the weight is added once per occurrence, field by field, as before.
        tf = 0.0
        for field, weight in fields:
            for _ in range(field.count(term)):
                tf += weight
        if tf:
            score += idfs[term] * tf / (weights.k1 + tf)
            matched.append(term)
    return score, tuple(matched)


def rank(
    candidates: Sequence[Candidate],
    terms: Sequence[str],
    df: Mapping[str, int],
    stats: CorpusStats,
    weights: FieldWeights,
    prior: Mapping[str, float] | None = None,
    bonus: Mapping[str, float] | None = None,
    term_weights: Mapping[str, float] | None = None,
) -> list[Ranked]:
    """Best first. ``prior`` maps candidate keys to a factor on their score, such as how likely
    their kind of text is to answer (missing: 1). With ``bonus`` (candidate key → evidence from
    outside the text, such as the votes of known questions, domain/learned.py) the text score is
    first divided by the best one among the candidates (0–1) and the bonus added.
    ``term_weights`` scales a term's idf (a learned expansion counts less than the asked word).

    >>> w, stats = FieldWeights(), CorpusStats(10, 1.0, 1.0)
    >>> c1 = Candidate("a", (), (), ("工资", "加班"), "w1", True)
    >>> c2 = Candidate("b", (), (), ("延长", "报酬"), "w2", True)
    >>> [(r.key, round(r.score, 2)) for r in rank([c1, c2], ["加班", "工资"], {}, stats, w)]
    [('a', 1.99), ('b', 0.0)]
    >>> [(r.key, round(r.score, 2)) for r in rank([c1, c2], ["加班", "工资"], {}, stats, w,
    ...                                           bonus={"b": 1.5})]
    [('b', 1.5), ('a', 1.0)]
    """
    prior = prior or {}
    term_weights = term_weights or {}
    idfs = {t: idf(df.get(t, 0), stats.documents) * term_weights.get(t, 1.0) for t in terms}
    mass = sum(idfs[t] for t in dict.fromkeys(terms)) or 1.0
    raws: dict[str, float] = {}
    coverage: dict[str, tuple[float, tuple[str, ...]]] = {}
    for c in candidates:
        text, matched = _bm25f(c, terms, idfs, stats, weights)
        raws[c.key] = text * prior.get(c.key, 1.0)
        coverage[c.key] = (sum(idfs[t] for t in matched) / mass, matched)
    if bonus is not None:
        best = max(raws.values(), default=0.0) or 1.0
        raws = {k: v / best + bonus.get(k, 0.0) for k, v in raws.items()}
    scores: dict[str, float] = {}
    best_current: dict[str, float] = {}
    for c in candidates:
        raw = raws[c.key]
        scores[c.key] = raw if c.is_current else raw * weights.superseded_factor
        if c.is_current:
            best_current[c.lineage] = max(best_current.get(c.lineage, 0.0), raw)
    for c in candidates:
        ceiling = best_current.get(c.lineage)
        if not c.is_current and ceiling is not None and scores[c.key] >= ceiling:
            # Just below the current text of its lineage, keeping order among the old ones.
            scores[c.key] = ceiling * (1 - 1e-6) - 1e-9 * (1 + scores[c.key])
    ordered = sorted(candidates, key=lambda c: (-round(scores[c.key], 9), c.key))
    return [Ranked(c.key, scores[c.key], *coverage[c.key]) for c in ordered]
