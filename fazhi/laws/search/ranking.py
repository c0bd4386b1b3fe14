"""The document prior of the final ordering: BM25F (fazhi.laws.domain.ranking.rank, shared by both
backends, so SQLite and PostgreSQL agree) times this prior, then the lineage rule.

The prior says how likely a kind of text is to answer a citizen's question, before reading it:
national laws, regulations and rules over judicial interpretations, other provinces' local
regulations and case write-ups. It multiplies the score (0.6–1.0): it settles near ties between a
core statute and a niche text using the same words; it does not override a clearly better match.
(A boost for works many texts cite as their basis was tried: no gain on the tuning questions, and
it reordered near ties among the national texts, so it is not used.)

>>> from fazhi.laws.domain.ranking import Candidate, CorpusStats, FieldWeights, rank
>>> w = FieldWeights()
>>> c1 = Candidate("a", (), ("地方",), ("工资",), "w1", True)
>>> c2 = Candidate("b", (), ("法",), ("工资",), "w2", True)
>>> stats = CorpusStats(10, 1.0, 1.0)
>>> [r.key for r in rank([c1, c2], ["工资"], {"工资": 2}, stats, w, {"a": 0.8, "b": 1.0})]
['b', 'a']
"""

from __future__ import annotations

# Per kind, relative to 法律. Tuned on STARD train questions outside the judged HRSS subset.
KIND_PRIOR: dict[str, float] = {
    "宪法": 1.0,
    "法律": 1.0,
    "行政法规": 1.0,
    "部门规章": 0.8,  # below the regulation it implements (上位法): 工伤保险条例 over 工伤认定办法
    "规范性文件": 1.0,  # the bureau's own and its ministry's documents
    "司法解释": 0.85,
    "地方政府规章": 0.8,
    "政策解读": 0.8,
    "其他": 0.7,
    "地方性法规": 0.6,  # other provinces' regulations, in this corpus
    "典型案例": 0.6,
}


def document_prior(kind: str) -> float:
    """Prior of a kind of text (unknown kinds: 0.8).

    >>> document_prior("法律"), document_prior("地方性法规")
    (1.0, 0.6)
    """
    return KIND_PRIOR.get(kind, 0.8)
