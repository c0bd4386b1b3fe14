"""What known questions say about a new one: the learned part of the search ranking.

Pure Python. A *known question* is a real lay question with the articles an expert cited for it
(the training questions of ``retrieval/lecoqa-stard``, named in the model file). A new question is
compared with every known one (BM25 over their words, with the same segmentation as the search);
the articles cited by the most similar known questions get a *vote*, and the search adds the vote
to the article's text score. This bridges the gap between the words a worker uses (加班费, 辞退,
年假) and the words of the law (延长工作时间的工资报酬, 解除劳动合同, 带薪年休假): a known question
asked in lay words already points at the article. The vote is explainable: the result says which
known question it came from.

The similarity is normalised by the best score the new question could reach (every term matched,
at saturation), so a vote from a weak neighbour is weak and a question unlike every known one gets
no votes at all.

>>> m = QuestionModel([
...     Example("加班费怎么算", ("加班费", "算"), ("laws:劳动法#44",)),
...     Example("单位不给加班费", ("单位", "加班费"), ("laws:劳动法#44", "laws:劳动合同法#31")),
...     Example("离婚财产怎么分", ("离婚", "财产", "分"), ("laws:民法典#1087",)),
... ])
>>> votes = m.votes(["加班费", "计算"])
>>> sorted(votes, key=lambda k: -votes[k].score)[0]
'laws:劳动法#44'
>>> votes["laws:劳动法#44"].question
'加班费怎么算'
>>> m.votes(["天空", "蓝色"])
{}
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    question: str
    terms: tuple[str, ...]
    articles: tuple[str, ...]  # article keys: "<work key>#<number>[-<suffix>]"


@dataclass(frozen=True)
class Vote:
    score: float  # sum of the normalised similarities of the known questions citing the article
    question: str  # the most similar known question citing it (the reason shown)
    similarity: float  # that question's normalised similarity, 0–1


@dataclass(frozen=True)
class ModelParams:
    neighbours: int = 40  # known questions that vote
    min_similarity: float = 0.02  # normalised; below it a known question does not vote
    k1: float = 1.2
    b: float = 0.75
    vote_weight: float = 0.5  # the bonus per unit of vote, against the best text score = 1
    voted_articles: int = 30  # the best-voted articles are added to the engine's candidates
    # Below this evidence (the best of the top hit's query coverage and its best vote's
    # similarity) the search says it found nothing directly relevant (calibrated by training).
    answer_threshold: float = 0.5
    # Learned lay → legal vocabulary (learn_vocabulary): the words an article uses that the
    # questions citing it do not, added to the question at this share of their idf. Off: on the
    # first fold it cost R@10 0.543 → 0.516 at 0.5 and → 0.538 at 0.15 (R@100 +0.01 at most).
    expansion_weight: float = 0.0
    expansions_per_term: int = 2
    match_expansions: int = 2  # of which the engine also matches on this many (best first)
    min_pairs: int = 3  # a pair must be seen in this many known questions
    min_share: float = 0.3  # … in this share of the questions using the lay word
    # Priors from what the known questions cite (added to every candidate, text score 1 = best):
    # the work (民法典, 劳动合同法 answer more questions than another province's regulation) and
    # the article, on a log scale (1 = the most cited); and the works the nearest known questions
    # cite (this question's subject: 1 = the work with the most votes).
    work_prior: float = 0.2
    article_prior: float = 0.1
    subject_weight: float = 0.6
    # The articles next to a voted one (same work, number ± nearby_span) join the candidates
    # with this share of its vote: the answer is often the neighbour of the article cited for a
    # similar question (违约责任 第五百七十七条 and 第五百八十四条).
    nearby_weight: float = 0.2
    nearby_span: int = 1
    # The best text matches inside the works the votes point to (the question's subject) join
    # the candidates: half the cited articles missing from the first 100 were in the top-voted
    # work but below 250 in the text ranking of the whole corpus (民法典合同编 第七百二十四条 for
    # 出租人的义务包括哪些). Measured in docs/dev/search.md ("Subject-work candidates").
    subject_works: int = 1
    subject_candidates: int = 40


def article_key(work_key: str, number: int, suffix: int = 0) -> str:
    """
    >>> article_key("laws:劳动合同法", 82), article_key("laws:劳动合同法", 20, 1)
    ('laws:劳动合同法#82', 'laws:劳动合同法#20-1')
    """
    return f"{work_key}#{number}-{suffix}" if suffix else f"{work_key}#{number}"


def parse_article_key(key: str) -> tuple[str, int, int]:
    """
    >>> parse_article_key("laws:劳动合同法#20-1")
    ('laws:劳动合同法', 20, 1)
    """
    work, _, ref = key.rpartition("#")
    number, _, suffix = ref.partition("-")
    return work, int(number), int(suffix or 0)


def learn_vocabulary(
    pairs: Iterable[tuple[Sequence[str], Sequence[str]]],
    df: Mapping[str, int],
    rows: int,
    params: ModelParams,
) -> dict[str, tuple[tuple[str, float], ...]]:
    """Lay word → [(legal word, share)] from (question terms, cited article's words) pairs.

    A legal word is learned for a lay word when at least ``min_pairs`` questions using the lay
    word cite an article containing the legal word (and the question does not), in at least
    ``min_share`` of the questions using it, and the legal word is at least 10× more common in
    those articles than in the corpus (so 规定, 本法 are not learned). Best first by share.

    >>> pairs = [(("加班费",), ("延长", "工作时间", "报酬", "规定"))] * 3 + [(("加班费",), ("规定",))]
    >>> learn_vocabulary(pairs, {"延长": 50, "工作时间": 40, "报酬": 60, "规定": 900}, 1000,
    ...                  ModelParams(expansions_per_term=2))
    {'加班费': (('工作时间', 0.75), ('延长', 0.75))}
    """
    uses: dict[str, int] = {}
    together: dict[tuple[str, str], int] = {}
    for question, article in pairs:
        asked = set(question)
        legal = set(article) - asked
        for t in asked:
            uses[t] = uses.get(t, 0) + 1
            for u in legal:
                together[(t, u)] = together.get((t, u), 0) + 1
    found: dict[str, list[tuple[float, str]]] = {}
    for (t, u), n in together.items():
        if n < params.min_pairs or len(u) < 2:
            continue
        share = n / uses[t]
        if share < params.min_share or share < 10 * df.get(u, rows) / max(rows, 1):
            continue
        found.setdefault(t, []).append((share, u))
    return {
        t: tuple(
            (u, round(share, 3))
            for share, u in sorted(c, key=lambda x: (-x[0], x[1]))[: params.expansions_per_term]
        )
        for t, c in sorted(found.items())
    }


class QuestionModel:
    """BM25 over the known questions, article votes from the nearest ones, and the learned
    vocabulary."""

    def __init__(
        self,
        examples: Sequence[Example],
        params: ModelParams | None = None,
        vocabulary: Mapping[str, Sequence[tuple[str, float]]] | None = None,
    ):
        self.examples = list(examples)
        self.params = params or ModelParams()
        self.vocabulary: dict[str, tuple[tuple[str, float], ...]] = {
            t: tuple((word, share) for word, share in v) for t, v in (vocabulary or {}).items()
        }
        self.postings: dict[str, list[tuple[int, int]]] = {}
        self.lengths: list[int] = []
        for i, example in enumerate(self.examples):
            counts: dict[str, int] = {}
            for term in example.terms:
                counts[term] = counts.get(term, 0) + 1
            for term, tf in counts.items():
                self.postings.setdefault(term, []).append((i, tf))
            self.lengths.append(len(example.terms))
        self.average = sum(self.lengths) / max(len(self.lengths), 1)
        n = len(self.examples)
        self.idf = {
            t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()
        }
        self.work_cites: dict[str, int] = {}
        self.article_cites: dict[str, int] = {}
        for example in self.examples:
            for key in example.articles:
                work = key.rpartition("#")[0]
                self.work_cites[work] = self.work_cites.get(work, 0) + 1
                self.article_cites[key] = self.article_cites.get(key, 0) + 1
        # Worked out once, not per question: each posting's BM25 share (the parameters are
        # frozen) and the priors' scale (a search compared every known question and copied the
        # citation counts each time).
        k1, b = self.params.k1, self.params.b
        self._weighted: dict[str, list[tuple[int, float]]] = {
            term: [
                (i, idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * self.lengths[i] / self.average)))
                for i, tf in self.postings[term]
            ]
            for term, idf in self.idf.items()
        }
        self._tops = self._top_cites(self.work_cites, self.article_cites)

    @staticmethod
    def _top_cites(
        work_cites: Mapping[str, int], article_cites: Mapping[str, int]
    ) -> tuple[float, float]:
        return (
            math.log1p(max(work_cites.values(), default=0)) or 1.0,
            math.log1p(max(article_cites.values(), default=0)) or 1.0,
        )

    def bonus(
        self, keys: Iterable[str], votes: Mapping[str, Vote], exclude: int = -1
    ) -> dict[str, float]:
        """What the known questions add to each candidate article's text score (best text = 1):
        its votes, the priors of its work and itself, and its work's share of the votes.
        ``exclude``: a known question whose own citations must not count (leave-one-out).

        >>> m = QuestionModel([Example("q", ("加班费",), ("laws:劳动法#44",)),
        ...                    Example("r", ("年假",), ("laws:劳动法#45",))],
        ...                   ModelParams(work_prior=0.4, article_prior=0.0, subject_weight=0.0))
        >>> m.bonus(["laws:劳动法#1", "laws:民法典#1"], {})
        {'laws:劳动法#1': 0.4, 'laws:民法典#1': 0.0}
        """
        p = self.params
        work_cites, article_cites = self.work_cites, self.article_cites
        top_work, top_article = self._tops
        if exclude >= 0:
            work_cites, article_cites = dict(work_cites), dict(article_cites)
            for key in self.examples[exclude].articles:
                work = key.rpartition("#")[0]
                work_cites[work] -= 1
                article_cites[key] -= 1
            top_work, top_article = self._top_cites(work_cites, article_cites)
        subject: dict[str, float] = {}
        for key, vote in votes.items():
            work = key.rpartition("#")[0]
            subject[work] = subject.get(work, 0.0) + vote.score
        # The subject counts as much as the nearest known question is near: weak neighbours
        # (similarity 0.2) say little about which law answers.
        nearest = max((v.similarity for v in votes.values()), default=0.0)
        top_subject = (max(subject.values(), default=0.0) or 1.0) / nearest if nearest else 1.0
        near = self.nearby(votes)
        out = {}
        for key in keys:
            work = key.rpartition("#")[0]
            hit = votes.get(key)
            out[key] = (
                (hit.score * p.vote_weight if hit else 0.0)
                + p.work_prior * math.log1p(work_cites.get(work, 0)) / top_work
                + p.article_prior * math.log1p(article_cites.get(key, 0)) / top_article
                + p.subject_weight * subject.get(work, 0.0) / top_subject
                + p.nearby_weight * near.get(key, 0.0)
            )
        return out

    def subject(self, votes: Mapping[str, Vote]) -> list[str]:
        """The ``subject_works`` works with the most votes, most first.

        >>> QuestionModel([], ModelParams(subject_works=1)).subject(
        ...     {"laws:劳动法#44": Vote(0.5, "q", 0.5), "laws:民法典#1": Vote(0.3, "r", 0.3),
        ...      "laws:民法典#2": Vote(0.3, "r", 0.3)})
        ['laws:民法典']
        """
        works: dict[str, float] = {}
        for key, vote in votes.items():
            work = key.rpartition("#")[0]
            works[work] = works.get(work, 0.0) + vote.score
        ranked = sorted(works.items(), key=lambda kv: (-kv[1], kv[0]))
        return [w for w, _ in ranked[: self.params.subject_works]]

    def nearby(self, votes: Mapping[str, Vote]) -> dict[str, float]:
        """Articles next to the voted ones (not voted themselves): key → the best neighbour's vote.

        >>> QuestionModel([], ModelParams(nearby_span=1)).nearby({"laws:劳动法#44": Vote(0.8, "q", 0.8)})
        {'laws:劳动法#43': 0.8, 'laws:劳动法#45': 0.8}
        """
        out: dict[str, float] = {}
        for key, vote in votes.items():
            work, number, _ = parse_article_key(key)
            for step in range(-self.params.nearby_span, self.params.nearby_span + 1):
                other = article_key(work, number + step)
                if step and number + step > 0 and other not in votes:
                    out[other] = max(out.get(other, 0.0), vote.score)
        return out

    def neighbours(self, terms: Iterable[str], exclude: int = -1) -> list[tuple[int, float]]:
        """(example index, normalised similarity 0–1), most similar first; ``exclude``: an
        example left out (a known question asked again, for leave-one-out tuning)."""
        k1 = self.params.k1
        wanted = list(dict.fromkeys(terms))
        # The best a question could score: every term present, at saturation (a term no known
        # question uses counts too, at the idf of a term used once: unknown words weaken the
        # match instead of being ignored).
        unseen = math.log(1 + (len(self.examples) - 0.5) / 1.5) if self.examples else 0.0
        ceiling = sum(self.idf.get(t, unseen) for t in wanted) * (k1 + 1)
        if not ceiling:
            return []
        scores: dict[int, float] = {}
        for term in wanted:
            for i, share in self._weighted.get(term, ()):
                if i != exclude:
                    scores[i] = scores.get(i, 0.0) + share
        ranked = heapq.nsmallest(
            self.params.neighbours, scores.items(), key=lambda kv: (-kv[1], kv[0])
        )
        return [(i, s / ceiling) for i, s in ranked]

    def expand(self, terms: Sequence[str]) -> dict[str, float]:
        """Legal words for the question's lay words: word → weight (share × expansion_weight),
        best first; none already in the question.

        >>> m = QuestionModel([], ModelParams(expansion_weight=0.5),
        ...                   vocabulary={"加班费": [("延长", 0.8), ("报酬", 0.5)]})
        >>> m.expand(["加班费", "报酬"])
        {'延长': 0.4}
        """
        if not self.params.expansion_weight:
            return {}
        present = set(terms)
        out: dict[str, float] = {}
        for term in terms:
            for word, share in self.vocabulary.get(term, ()):
                if word not in present:
                    out[word] = max(out.get(word, 0.0), share * self.params.expansion_weight)
        return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))

    def votes(self, terms: Iterable[str], exclude: int = -1) -> dict[str, Vote]:
        votes: dict[str, Vote] = {}
        for i, similarity in self.neighbours(terms, exclude):
            if similarity < self.params.min_similarity:
                break
            example = self.examples[i]
            for key in example.articles:
                old = votes.get(key)
                if old is None:
                    votes[key] = Vote(similarity, example.question, similarity)
                else:
                    votes[key] = Vote(old.score + similarity, old.question, old.similarity)
        return votes
