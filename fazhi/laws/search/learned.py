"""The learned model of the search: known questions and the articles they cite.

Trained by ``fazhi search train`` from the STARD/LeCoQA training questions in the shared data
folder (``retrieval/lecoqa-stard/queries.json`` restricted to ``stard_split/train.query.txt``; the
dev split is withheld from the project) into ``model/questions.json`` (in the repository; the
training data, its commit and the parameters are written in the file). Reproducible: the same data
and segmentation give the same file.

How it scores: fazhi.laws.domain.learned. How it is measured: ``fazhi search train --cv`` and the
benchmark report k-fold cross-validated figures (each fold's questions answered by a model trained
on the other folds only).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from fazhi.laws.domain.learned import (
    Example,
    ModelParams,
    QuestionModel,
    article_key,
    learn_vocabulary,
)
from fazhi.laws.domain.numerals import cn_to_int
from fazhi.laws.domain.sources import work_key
from fazhi.laws.search import query as q
from fazhi.laws.search.types import SearchError

MODEL_FILE = Path(__file__).with_name("model") / "questions.json"
TRAINING_DATA = "retrieval/lecoqa-stard/queries.json"
TRAINING_SPLIT = "retrieval/lecoqa-stard/stard_split/train.query.txt"
SOURCE = "oneal2000/LeCoQA@538b299 data/queries.json, STARD@bae10e1 train split (MIT)"
DEFAULT_THRESHOLD = 0.5  # without a model: the share of the question the best hit must match
_NAME = re.compile(
    r"^(?P<title>.+?)(?P<label>第[零〇一二三四五六七八九十百千两\d]+条(?:之[一二三四五六七八九十]+)?)$"
)


@dataclass(frozen=True)
class LabelledQuestion:
    query_id: str
    question: str
    articles: tuple[str, ...]  # article keys (domain.learned.article_key)


def name_to_key(name: str) -> str | None:
    """An article name as the data sets write it (law title + 第N条) → article key.

    >>> name_to_key("中华人民共和国劳动合同法第八十二条")
    'laws:劳动合同法#82'
    >>> name_to_key("劳动合同法第二十条之一")
    'laws:劳动合同法#20-1'
    >>> name_to_key("劳动合同法") is None
    True
    """
    match = _NAME.match(re.sub(r"\s", "", name))
    if not match:
        return None
    number, _, rest = match["label"][1:].partition("条")
    suffix = rest.removeprefix("之")
    try:
        return article_key(
            work_key("laws", match["title"]), cn_to_int(number), cn_to_int(suffix) if suffix else 0
        )
    except ValueError:
        return None


_CODE_PARTS = re.compile(
    r"^laws:民法典(?:总则|物权编|合同编|人格权编|婚姻家庭编|继承编|侵权责任编|附则)$"
)


def canonical_work(key: str) -> str:
    """Work keys as the data sets name them: 中华人民共和国 dropped anywhere (《民法典》 in the
    title of an interpretation), and the 民法典, which the corpus holds as one file per part,
    as one code (its articles are numbered through all parts).

    >>> canonical_work("laws:最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释")
    'laws:最高人民法院关于适用《民法典》有关担保制度的解释'
    >>> canonical_work("laws:民法典婚姻家庭编")
    'laws:民法典'
    """
    key = key.replace("中华人民共和国", "")
    return "laws:民法典" if _CODE_PARTS.match(key) else key


def corpus_articles() -> dict[str, str]:
    """Canonical article key → the article key in this corpus, for every numbered article."""
    from fazhi.laws.models import Article

    rows = Article.objects.filter(number__isnull=False).values_list(
        "document__work__key", "number", "suffix"
    )
    return {
        article_key(canonical_work(work), number, suffix): article_key(work, number, suffix)
        for work, number, suffix in rows.distinct().iterator(chunk_size=5000)
    }


def resolve(
    questions: Iterable[LabelledQuestion], corpus: dict[str, str]
) -> list[LabelledQuestion]:
    """The questions with their cited articles as this corpus keys them; cited articles the corpus
    does not hold are left out, and so are questions left with none."""
    out = []
    for x in questions:
        keys = tuple(dict.fromkeys(corpus[k] for k in x.articles if k in corpus))
        if keys:
            out.append(LabelledQuestion(x.query_id, x.question, keys))
    return out


def labelled_questions(data: Path) -> list[LabelledQuestion]:
    """The training questions, in query-id order, with the (canonical) article keys they cite."""
    rows = json.loads((data / TRAINING_DATA).read_text(encoding="utf-8"))
    split = data / TRAINING_SPLIT
    train = {line.split("\t")[0] for line in split.read_text(encoding="utf-8").splitlines()}
    out = []
    for row in rows:
        if str(row["query_id"]) not in train:
            continue
        names = (name_to_key(n) for n in row["match_name"])
        keys = tuple(
            dict.fromkeys(
                canonical_work(k.split("#")[0]) + "#" + k.split("#")[1] for k in names if k
            )
        )
        if keys:
            out.append(LabelledQuestion(str(row["query_id"]), row["问题"].strip(), keys))
    return sorted(out, key=lambda x: int(x.query_id) if x.query_id.isdigit() else 0)


def folds(questions: Sequence[LabelledQuestion], k: int = 5) -> list[list[LabelledQuestion]]:
    """k folds, fixed: questions ordered by a hash of their id, then dealt round-robin."""
    ordered = sorted(questions, key=lambda x: hashlib.sha256(x.query_id.encode()).hexdigest())
    return [ordered[i::k] for i in range(k)]


def terms_of(question: str) -> tuple[str, ...]:
    try:
        return tuple(q.query_terms(q.clean_query(question[:200])))
    except SearchError:
        return ()


def train(
    questions: Iterable[LabelledQuestion],
    params: ModelParams | None = None,
    corpus: CorpusWords | None = None,
) -> QuestionModel:
    """The model of these questions: the known questions, and (with ``corpus``) the vocabulary
    learned from them and the words of the articles they cite."""
    params = params or ModelParams()
    examples = [Example(x.question, terms_of(x.question), x.articles) for x in questions]
    examples = [e for e in examples if e.terms]
    vocabulary = {}
    if corpus is not None and params.expansion_weight:
        pairs = [
            (e.terms, corpus.tokens[a]) for e in examples for a in e.articles if a in corpus.tokens
        ]
        vocabulary = learn_vocabulary(pairs, corpus.df, corpus.rows, params)
    return QuestionModel(examples, params, vocabulary)


@dataclass(frozen=True)
class CorpusWords:
    """The words of the cited articles (current version) and the corpus's document frequencies."""

    tokens: dict[str, tuple[str, ...]]  # article key → distinct title and body tokens
    df: dict[str, int]
    rows: int


def corpus_words(keys: Iterable[str]) -> CorpusWords:
    from django.utils import timezone

    from fazhi.laws.domain.learned import parse_article_key
    from fazhi.laws.models import LegalDocument, SearchEntry
    from fazhi.laws.search.backends import backend

    wanted = {parse_article_key(k): k for k in keys}
    current = LegalDocument.objects.published().in_force_on(timezone.localdate())
    rows = SearchEntry.objects.filter(
        document__in=current,
        article__number__isnull=False,
        document__work__key__in={w for w, _, _ in wanted},
    ).values_list(
        "document__work__key", "article__number", "article__suffix", "title_tokens", "body_tokens"
    )
    tokens: dict[str, tuple[str, ...]] = {}
    for work, number, suffix, title, body in rows.iterator(chunk_size=2000):
        key = wanted.get((work, number, suffix))
        if key and key not in tokens:
            tokens[key] = tuple(dict.fromkeys([*title.split(), *body.split()]))
    words = {t for ts in tokens.values() for t in ts}
    engine = backend()
    return CorpusWords(tokens, engine.document_frequencies(sorted(words)), engine.stats().documents)


def save(model: QuestionModel, path: Path = MODEL_FILE, **meta) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "about": "Known questions and the articles they cite (fazhi search train).",
        "training_data": SOURCE,
        **meta,
        "params": asdict(model.params),
        "vocabulary": {t: [list(x) for x in v] for t, v in model.vocabulary.items()},
        "examples": [[e.question, " ".join(e.terms), list(e.articles)] for e in model.examples],
    }
    text = json.dumps(body, ensure_ascii=False, indent=0, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


def load(path: Path = MODEL_FILE) -> QuestionModel | None:
    if not path.exists():
        return None
    body = json.loads(path.read_text(encoding="utf-8"))
    examples = [Example(qn, tuple(t.split()), tuple(a)) for qn, t, a in body["examples"]]
    return QuestionModel(examples, ModelParams(**body["params"]), body.get("vocabulary", {}))


@cache
def shipped_model() -> QuestionModel | None:
    """The model file in the repository (None if it was not trained)."""
    return load()
