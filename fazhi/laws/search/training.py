"""``fazhi search train``: tune, cross-validate, train and calibrate the learned model, then write
``model/questions.json``.

1. The labelled questions (learned.labelled_questions), their cited articles keyed as this corpus
   holds them (cited articles the corpus lacks are left out).
2. The text search alone (no model) for every question: the input of the fast tuning.
3. k-fold cross-validation with the real search: per fold, the parameters tuned on the other
   folds (evaluation.tune), a model trained on them, the fold's questions searched with it.
   These are the figures reported; the confidences of these held-out questions calibrate the
   answer threshold against the off-topic questions of ``model/offtopic.txt``.
4. The shipped model: parameters tuned on every question, trained on every question.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

from fazhi.laws.domain.learned import QuestionModel
from fazhi.laws.search import evaluation as ev
from fazhi.laws.search import learned

OFFTOPIC = Path(__file__).with_name("model") / "offtopic.txt"


def offtopic_questions() -> list[str]:
    lines = OFFTOPIC.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def confidence_of(question: str, model: QuestionModel | None) -> float:
    from fazhi.laws.search import SearchError, search

    try:
        return search(question[:200], page_size=10, model=model).confidence
    except SearchError:
        return 0.0  # refused (stop words only): nothing to answer with


MIN_ANSWERED = 0.8  # of real questions: a refusal costs more than a weak answer shown as such


def calibrate(real: list[float], offtopic: list[float]) -> tuple[float, float, float]:
    """The highest threshold that still answers MIN_ANSWERED of the real questions (at or
    above it), so as many off-topic questions as possible are refused (below it); returns
    (threshold, share of real questions answered, share of off-topic ones refused).

    >>> calibrate([0.6, 0.7, 0.9, 0.3] * 5, [0.1, 0.2, 0.5])
    (0.3, 1.0, 0.667)
    >>> calibrate([0.2] + [0.6] * 19, [0.1, 0.5, 0.7])
    (0.6, 0.95, 0.667)
    """
    best = (0.0, 1.0, 0.0)
    for t in sorted(set(real) | set(offtopic)):
        answered = sum(c >= t for c in real) / len(real)
        if answered < MIN_ANSWERED:
            break
        best = (t, answered, sum(c < t for c in offtopic) / len(offtopic))
    return round(best[0], 3), round(best[1], 3), round(best[2], 3)


def run(
    data: Path,
    k: int = 5,
    log: Callable[[str], None] = print,
    save: bool = True,
    cross_validate: bool = True,
) -> dict:
    questions = learned.resolve(learned.labelled_questions(data), learned.corpus_articles())
    log(f"{len(questions)} labelled questions; the text search alone …")
    keys = ev.article_keys()
    text = {x.query_id: ev.search_keys(x.question, keys, None) for x in questions}
    baseline = ev.mean_scores(
        [ev.score_one([k_ for k_, _ in text[x.query_id]], set(x.articles)) for x in questions]
    )
    log(f"text search alone: {baseline}")
    corpus = learned.corpus_words({a for x in questions for a in x.articles})
    held_out_confidence: list[float] = []

    def answer(x, model):
        from fazhi.laws.search import SearchError, search

        found: list[str] = []
        for page in (1, 2):
            try:
                result = search(x.question[:200], page=page, page_size=50, model=model)
            except SearchError:
                break
            if page == 1:
                held_out_confidence.append(result.confidence)
            found += [keys.get(h.article_id, f"id:{h.article_id}") for h in result.hits]
        return found

    if cross_validate:
        scores, chosen = ev.cross_validate(
            questions, text, answer=answer, k=k, log=log, corpus=corpus
        )
        log(f"{k}-fold cross-validated: {scores}")
    else:  # one fold held out, only to calibrate the threshold (figures: make bench)
        parts = learned.folds(questions, k)
        rest = [x for p in parts[1:] for x in p]
        fold_params, _ = ev.tune(rest, text)
        fold_model = learned.train(rest, fold_params, corpus)
        scores = ev.mean_scores(
            [ev.score_one(answer(x, fold_model), set(x.articles)) for x in parts[0]]
        )
        chosen = [fold_params]
        log(f"first fold held out (calibration): {scores}")
    params, _inner = ev.tune(questions, text)
    model = learned.train(questions, params, corpus)
    offtopic = [confidence_of(qn, model) for qn in offtopic_questions()]
    threshold, answered, refused = calibrate(held_out_confidence, offtopic)
    model = QuestionModel(
        model.examples, replace(model.params, answer_threshold=threshold), model.vocabulary
    )
    log(
        f"answer threshold {threshold}: {answered:.0%} of held-out real questions answered,"
        f" {refused:.0%} of {len(offtopic)} off-topic ones refused"
    )
    report = {
        "questions": len(questions),
        "folds": k,
        "text_only": asdict(baseline),
        ("cross_validated" if cross_validate else "first_fold_held_out"): asdict(scores),
        "fold_params": [asdict(p) for p in chosen],
        "threshold": {
            "value": threshold,
            "real_answered": answered,
            "offtopic_refused": refused,
            "real_median_confidence": statistics.median(held_out_confidence or [0]),
        },
        "vocabulary_size": len(model.vocabulary),
    }
    if save:
        learned.save(model, evaluation=report)
        log(f"written {learned.MODEL_FILE}")
    return report
