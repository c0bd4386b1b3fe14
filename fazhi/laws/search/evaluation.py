"""Relevance of the search on labelled questions, k-fold cross-validated, and the tuning of the
learned model's parameters (``fazhi search train``, ``bench/bench_search.py``).

Figures are never reported on the questions the parameters were tuned on or the model was trained
on: for each fold, the parameters are tuned on the other folds (each of their questions voted on by
the rest of them, leave-one-out) and the fold is answered by a model of the other folds only.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from fazhi.laws.domain.learned import Example, ModelParams, QuestionModel
from fazhi.laws.search.learned import CorpusWords, LabelledQuestion, folds, terms_of, train

K, DEEP = 10, 100


@dataclass(frozen=True)
class Scores:
    recall10: float
    ndcg10: float
    recall100: float
    questions: int

    def __str__(self) -> str:
        return (
            f"R@10 {self.recall10:.3f}  nDCG@10 {self.ndcg10:.3f}  R@100 {self.recall100:.3f}"
            f"  ({self.questions} questions)"
        )


def score_one(found: Sequence[str], relevant: set[str]) -> tuple[float, float, float]:
    """Recall@10, nDCG@10 and Recall@100 of one ranked list of keys.

    >>> score_one(["a", "x", "b"], {"a", "b"})[0]
    1.0
    >>> round(score_one(["x", "a"], {"a"})[1], 3)
    0.631
    """
    found = list(dict.fromkeys(found))
    top = found[:K]
    dcg = sum(1 / math.log2(i + 2) for i, f in enumerate(top) if f in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), K)))
    return (
        len(relevant.intersection(top)) / len(relevant),
        dcg / ideal,
        len(relevant.intersection(found[:DEEP])) / len(relevant),
    )


def mean_scores(rows: Sequence[tuple[float, float, float]]) -> Scores:
    if not rows:
        return Scores(0.0, 0.0, 0.0, 0)
    return Scores(*(statistics.mean(r[i] for r in rows) for i in range(3)), len(rows))


# --- combining text results and votes, in article-key space (fast, for tuning) -------------


def combine(
    text: Sequence[tuple[str, float]],
    votes: dict,
    model: QuestionModel,
    exclude: int = -1,
) -> list[str]:
    """The search's ordering, approximated in key space: text score divided by the best one,
    plus the model's bonus; the best-voted articles join the candidates (with text score 0 here
    when the text search did not find them)."""
    params = model.params
    best = max((s for _, s in text), default=0.0) or 1.0
    scores = {k: s / best for k, s in text}
    voted = sorted(votes.items(), key=lambda kv: (-kv[1].score, kv[0]))
    top = dict(voted[: params.voted_articles])
    for key in [*top, *model.nearby(top)]:
        scores.setdefault(key, 0.0)
    for key, extra in model.bonus(list(scores), top, exclude).items():
        scores[key] += extra
    return sorted(scores, key=lambda k: -scores[k])


GRID = {
    "vote_weight": (0.5, 1.0),
    "neighbours": (40,),
    "min_similarity": (0.02,),
    "work_prior": (0.2, 0.4),
    "article_prior": (0.1,),
    "subject_weight": (0.3, 0.6),
    "nearby_weight": (0.1, 0.2),
}
VOTE_PARAMS = ("neighbours", "min_similarity", "k1", "b")  # what QuestionModel.votes reads


def tune(
    questions: Sequence[LabelledQuestion],
    text: dict[str, list[tuple[str, float]]],
    base: ModelParams | None = None,
) -> tuple[ModelParams, Scores]:
    """The grid point with the best nDCG@10 on ``questions``, each voted on by the others."""
    base = base or ModelParams()
    examples = [Example(x.question, terms_of(x.question), x.articles) for x in questions]
    best: tuple[float, ModelParams, Scores] | None = None
    # The votes depend only on the neighbour search (VOTE_PARAMS): computed once per setting of
    # those, not per grid point (the tuning was most of a fold's time).
    votes_for: dict[tuple, list[dict]] = {}
    for values in itertools.product(*GRID.values()):
        params = replace(base, **dict(zip(GRID, values, strict=True)))
        model = QuestionModel(examples, params)
        setting = tuple(getattr(params, name) for name in VOTE_PARAMS)
        if setting not in votes_for:
            votes_for[setting] = [
                model.votes(examples[i].terms, exclude=i) for i in range(len(questions))
            ]
        rows = []
        for i, x in enumerate(questions):
            votes = votes_for[setting][i]
            found = combine(text[x.query_id], votes, model, exclude=i)
            rows.append(score_one(found, set(x.articles)))
        scores = mean_scores(rows)
        if best is None or scores.ndcg10 > best[0]:
            best = (scores.ndcg10, params, scores)
    return best[1], best[2]


def cross_validate(
    questions: Sequence[LabelledQuestion],
    text: dict[str, list[tuple[str, float]]],
    answer: Callable[[LabelledQuestion, QuestionModel], list[str]] | None = None,
    k: int = 5,
    log: Callable[[str], None] = lambda _: None,
    corpus: CorpusWords | None = None,
) -> tuple[Scores, list[ModelParams]]:
    """k-fold figures: per fold, tune on the others, train on the others, answer the fold.
    ``answer(question, model)`` runs the real search (keys best first); without it the fast
    approximation ``combine`` is used."""
    parts = folds(questions, k)
    rows, chosen = [], []
    for i, held_out in enumerate(parts):
        rest = [x for j, p in enumerate(parts) if j != i for x in p]
        params, inner = tune(rest, text)
        chosen.append(params)
        model = train(rest, params, corpus)
        fold_rows = []
        for x in held_out:
            if answer is None:
                found = combine(text[x.query_id], model.votes(terms_of(x.question)), model)
            else:
                found = answer(x, model)
            fold_rows.append(score_one(found, set(x.articles)))
        rows += fold_rows
        log(f"fold {i + 1}/{k}: tuned {params} (inner {inner}); held out {mean_scores(fold_rows)}")
    return mean_scores(rows), chosen


# --- running the search -------------------------------------------------------------------


def article_keys() -> dict[int, str]:
    """Article id → article key, for every numbered article (the key the labels use)."""
    from fazhi.laws.domain.learned import article_key
    from fazhi.laws.models import Article

    rows = Article.objects.filter(number__isnull=False).values_list(
        "id", "document__work__key", "number", "suffix"
    )
    return {i: article_key(w, n, s) for i, w, n, s in rows.iterator(chunk_size=5000)}


def search_keys(
    question: str, keys: dict[int, str], model: QuestionModel | None, depth: int = DEEP
) -> list[tuple[str, float]]:
    """(article key, score) of the search's first ``depth`` results, best first."""
    from fazhi.laws.search import SearchError, search

    out: list[tuple[str, float]] = []
    size = 50
    for page in range(1, -(-depth // size) + 1):
        try:
            hits = search(question[:200], page=page, page_size=size, model=model).hits
        except SearchError:
            break
        out += [(keys.get(h.article_id, f"id:{h.article_id}"), h.score) for h in hits]
        if len(hits) < size:
            break
    return out[:depth]
