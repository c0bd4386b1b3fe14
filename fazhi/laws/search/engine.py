"""The search interface: ``search(query, *, filters, as_of, page, page_size) -> SearchPage``.

Steps: validate → exact 文号 lookup → pick the terms worth sending to the engine → backend
candidates (FTS5 / tsvector, best few hundred) → shared BM25F re-ranking with the document prior
and the lineage rule (domain/ranking.py, the prior in search/ranking.py) → snippets for the page.
Only published documents are ever searched.
"""

from __future__ import annotations

from datetime import date

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from fazhi.laws.domain.highlight import snippet
from fazhi.laws.domain.learned import QuestionModel, Vote, article_key, parse_article_key
from fazhi.laws.domain.ranking import Candidate, rank
from fazhi.laws.domain.validity import Status, Validity, status_on
from fazhi.laws.models import (
    VALIDITY_FIELDS,
    Article,
    DocumentRelation,
    LegalDocument,
    RelationKind,
    SearchEntry,
)
from fazhi.laws.search import learned, segment
from fazhi.laws.search import query as q
from fazhi.laws.search.backends import backend
from fazhi.laws.search.ranking import document_prior
from fazhi.laws.search.types import MAX_RESULTS, Match, SearchFilters, SearchHit, SearchPage

EXTRA_CANDIDATES = 150  # re-rank this many beyond the page so both backends agree on the top
# Candidate generation sends the rarest terms first, up to this many, and stops adding terms once
# their postings exceed POSTINGS_SHARE of the rows: the engine scores every row that matches, so
# a long lay question OR-ing 规定, 法律, 单位 … scored most of the corpus. Frequent terms still count
# in the re-ranking of the candidates found; their idf is low anyway. A term inside or around one
# already sent is left out (工商 after 工商户): the sub-word mostly widens the matches to texts on
# something else (工商行政管理), the longer word adds none (the index holds every word's
# sub-words). On PostgreSQL the candidate query ran 15 % faster, R@10 0.383 → 0.386 and
# nDCG@10 0.306 → 0.301 on the benchmark's judged questions.
MATCH_TERMS = 8
MIN_MATCH_TERMS = 2
POSTINGS_SHARE = 0.25
# Of the terms sent, the rarest match on their own while their postings stay within
# SINGLE_SHARE of the rows; the others only two together. The engine ranks every row it
# matches, and a row with a single frequent word (共同, 被告) of a long question is rarely an
# answer. On the benchmark: PostgreSQL p50 31–35 → 17–21 ms, R@10 / nDCG@10 0.386 / 0.301 →
# 0.389 / 0.303; SQLite 16.9 → 13.8 ms, relevance unchanged (0.390 / 0.303). 0.01 was as
# fast, with R@10 0.386 / 0.388.
SINGLE_SHARE = 0.02
# Matches are counted exactly up to here (paging never goes past MAX_RESULTS); beyond, the total is
# estimated from the terms' document frequencies (estimate_total).
COUNT_LIMIT = MAX_RESULTS + 1
SHIPPED = "shipped"  # search(model=SHIPPED): the model file in the repository (learned.py)


def documents_for(filters: SearchFilters, day: date, as_of: date | None):
    docs = LegalDocument.objects.published()
    if filters.kind:
        docs = docs.filter(kind=filters.kind)
    if filters.issuing_body:
        docs = docs.filter(issuing_body__icontains=filters.issuing_body)
    if filters.status:
        docs = docs.with_status(filters.status, day)
    if filters.date_from:
        docs = docs.filter(publish_date__gte=filters.date_from)
    if filters.date_to:
        docs = docs.filter(publish_date__lte=filters.date_to)
    if as_of:
        docs = docs.in_force_on(as_of)
    return docs


def search(
    query: str,
    *,
    filters: SearchFilters | None = None,
    as_of: date | None = None,
    page: int = 1,
    page_size: int = 20,
    today: date | None = None,
    model: QuestionModel | str | None = SHIPPED,
) -> SearchPage:
    """Articles answering ``query`` among published documents, best first.

    ``as_of`` keeps only documents in force on that day and judges "current" on it; without it
    every version is searched and judged as of ``today``. Raises InvalidQuery /
    UnknownFilterValue (with Chinese messages) for bad input. ``model``: the known questions whose
    cited articles get votes (domain/learned.py); the shipped model file by default, None for
    the text score alone (the benchmark's cross-validation passes each fold's own model).
    """
    if model == SHIPPED:
        model = learned.shipped_model()
    filters = filters or SearchFilters()
    text = q.clean_query(query)
    q.check_paging(page, page_size)
    day = as_of or today or timezone.localdate()
    docnum_key = q.doc_number_key(text)
    terms = q.query_terms(text)
    docs = documents_for(filters, day, as_of)
    doc_sql, doc_params = None, ()
    if _needs_restriction(filters, as_of):
        doc_sql, doc_params = docs.values("id").query.sql_with_params()

    exact_ids = _exact_articles(docs, docnum_key) if docnum_key else []
    engine = backend()
    stats = engine.stats()
    expansions = model.expand(terms) if model else {}
    all_terms = [*terms, *expansions]
    df = engine.document_frequencies(all_terms)
    match = group_terms(select_terms(terms, df, stats.documents), df, stats.documents)
    if expansions:
        match = _with_expansions(match, expansions, df, stats.documents, model)
    window = min(page * page_size, MAX_RESULTS) + EXTRA_CANDIDATES
    found, counted = (
        engine.candidates(match, doc_sql, doc_params, window, COUNT_LIMIT)
        if match.terms
        else ([], 0)
    )
    fetched_all = len(found) < window
    if fetched_all:
        total = len(found)  # every match was fetched: the count is exact
    else:
        total = estimate_total(
            counted, COUNT_LIMIT, [df[t] for t in match.singles], stats.documents
        )
    votes = _top_votes(model, terms) if model else {}
    voted = _voted_articles(votes, model.nearby(votes), docs, day, as_of) if votes else {}
    found_set = set(found)
    extra = [i for i in voted if i not in found_set]
    total += len([i for i in exact_ids if i not in found_set]) + len(extra)
    if votes and match.terms and model.params.subject_candidates:
        subject = _subject_candidates(engine, match, model, votes, docs, day, as_of)
        more = [i for i in subject if i not in found_set and i not in voted]
        extra += more
        # text matches of the query's own terms: already inside an estimated total
        total += len(more) if fetched_all else 0
    exact = set(exact_ids)
    ranked, evidence = _rerank(
        [i for i in [*found, *extra] if i not in exact],
        all_terms,
        df,
        day,
        engine,
        (model, votes) if model else None,
        {**segment.lay_weights(terms), **expansions},
    )
    ordered = [(i, float("inf")) for i in exact_ids] + ranked
    start = (page - 1) * page_size
    hits = _hits(
        ordered[start : start + page_size], all_terms, day, exact, evidence, voted, expansions
    )
    threshold = model.params.answer_threshold if model else learned.DEFAULT_THRESHOLD
    best = _confidence(ordered[0][0], evidence, voted) if ordered else 0.0
    confident = bool(exact_ids) or best >= threshold
    return SearchPage(
        query=text,
        terms=terms,
        total=total,
        page=page,
        page_size=page_size,
        as_of=day,
        hits=hits,
        confident=confident,
        confidence=round(min(best, 1.0), 3) if not exact_ids else 1.0,
        expansions=list(expansions),
        related=_related(model, terms, text) if model and page == 1 else [],
    )


RELATED_QUESTIONS = 3


def _related(model: QuestionModel, terms: list[str], asked: str) -> list[str]:
    """Known questions like this one (shown under the answer as 相关问题)."""
    out: list[str] = []
    for i, similarity in model.neighbours(terms):
        question = model.examples[i].question
        if similarity < model.params.min_similarity * 5 or len(out) == RELATED_QUESTIONS:
            break
        if question != asked and question not in out and len(question) <= 60:
            out.append(question)
    return out


def _with_expansions(
    match: Match, expansions: dict[str, float], df: dict[str, int], rows: int, model
) -> Match:
    """The best learned words also find rows on their own (a row in the law's words that has
    none of the asked ones), if they are rare enough to match alone."""
    added = [
        w
        for w in expansions
        if 0 < df.get(w, 0) <= SINGLE_SHARE * rows
        and not any(w in t or t in w for t in match.terms)
    ][: model.params.match_expansions]
    return Match(match.singles + tuple(added), match.pairs) if added else match


def _confidence(article_id: int, evidence: dict, voted: dict[int, Vote]) -> float:
    """How well the best hit answers: the share of the question's weight its text matches, or
    how close the most similar known question citing it is, whichever is higher (0–1)."""
    coverage = evidence.get(article_id, (0.0, ()))[0]
    vote = voted.get(article_id)
    return max(coverage, vote.similarity if vote else 0.0)


def _top_votes(model: QuestionModel, terms: list[str]) -> dict[str, Vote]:
    """The best-voted articles of the known questions (article key → vote)."""
    votes = sorted(model.votes(terms).items(), key=lambda kv: (-kv[1].score, kv[0]))
    return dict(votes[: model.params.voted_articles])


def _subject_candidates(engine, match, model, votes, docs, day, as_of) -> list[int]:
    """The best text matches of any selected term inside the works the votes point to (in
    force on the day, among the documents the filters allow)."""
    in_force = (docs if as_of else docs.in_force_on(day)).filter(work__key__in=model.subject(votes))
    doc_ids = list(in_force.values_list("id", flat=True))
    if not doc_ids:
        return []
    doc_sql, doc_params = (
        LegalDocument.objects.filter(id__any=doc_ids).values("id").query.sql_with_params()
    )
    ids, _ = engine.candidates(
        Match(match.terms),
        doc_sql,
        doc_params,
        model.params.subject_candidates,
        0,
        engine.article_span(doc_ids),
    )
    return ids


def _voted_articles(
    votes: dict[str, Vote], nearby: dict[str, float], docs, day: date, as_of: date | None
) -> dict[int, Vote | None]:
    """Article id → vote (None for an article next to a voted one), for the voted articles and
    their neighbours in the version in force on the day (among the documents the filters
    allow)."""
    wanted: dict[tuple[str, int, int], Vote | None] = {parse_article_key(k): None for k in nearby}
    wanted.update({parse_article_key(k): v for k, v in votes.items()})
    in_force = docs if as_of else docs.in_force_on(day)
    # The documents first (a few), then their articles by (document, number): joined in one
    # query, SQLite probed every document in force for every number (130 ms a search).
    works = dict(
        in_force.filter(work__key__in={w for w, _, _ in wanted}).values_list("id", "work__key")
    )
    rows = (
        Article.objects.filter(document_id__any=list(works), number__in={n for _, n, _ in wanted})
        .order_by("position", "id")
        .values_list("id", "document_id", "number", "suffix")
    )
    out: dict[int, Vote | None] = {}
    seen = set()
    for article_id, doc_id, number, suffix in rows:
        work = works[doc_id]
        key = (work, number, suffix)
        if key in wanted and key not in seen:  # the first article of that number in the text
            seen.add(key)
            out[article_id] = wanted[key]
    return out


def select_terms(terms: list[str], df: dict[str, int], rows: int) -> list[str]:
    """The query terms sent to the engine's MATCH: rarest first, at most MATCH_TERMS, and no more
    once their postings pass POSTINGS_SHARE of the rows (but at least MIN_MATCH_TERMS); none
    inside or around a term already chosen.

    >>> select_terms(["规定", "二倍", "工资", "无"], {"规定": 900, "二倍": 3, "工资": 80}, 1000)
    ['二倍', '工资']
    >>> select_terms(["工商户", "工商", "注销"], {"工商户": 30, "工商": 90, "注销": 60}, 1000)
    ['工商户', '注销']
    """
    present = sorted((t for t in terms if df.get(t, 0) > 0), key=lambda t: (df[t], t))
    chosen: list[str] = []
    postings = 0
    for term in present[:MATCH_TERMS]:
        if any(term in c or c in term for c in chosen):
            continue
        if len(chosen) >= MIN_MATCH_TERMS and postings + df[term] > POSTINGS_SHARE * rows:
            break
        chosen.append(term)
        postings += df[term]
    return chosen


def group_terms(chosen: list[str], df: dict[str, int], rows: int) -> Match:
    """``chosen`` (rarest first) as the engine's match: the rarest alone while their postings
    stay within SINGLE_SHARE of the rows (at least one), the others two together; a lone other
    term joins the singles (two frequent words of a short query keep matching on their own).

    >>> group_terms(["二倍", "离婚", "共同", "被告"], {"二倍": 3, "离婚": 8, "共同": 900, "被告": 700}, 10**4)
    Match(singles=('二倍', '离婚'), pairs=('共同', '被告'))
    >>> group_terms(["劳动合同", "解除"], {"劳动合同": 300, "解除": 200}, 1000)
    Match(singles=('劳动合同', '解除'), pairs=())
    """
    singles: list[str] = []
    postings = 0
    for term in chosen:
        if singles and postings + df[term] > SINGLE_SHARE * rows:
            break
        singles.append(term)
        postings += df[term]
    pairs = chosen[len(singles) :]
    if len(pairs) == 1:
        singles, pairs = chosen, []
    return Match(tuple(singles), tuple(pairs))


def estimate_total(counted: int, limit: int, dfs: list[int], rows: int) -> int:
    """Exact below ``limit``; above, the largest document frequency of the terms that match on
    their own (the singles): a lower bound of the matches, exact for one term. Independence
    (N·(1 − Π(1 − df/N))) was twice too high for a word and its sub-words.

    >>> estimate_total(12, 1001, [50, 80], 1000)
    12
    >>> estimate_total(1001, 1001, [3000, 2000], 10000)
    3000
    """
    if counted < limit:
        return counted
    return max([counted, *(min(df, rows) for df in dfs)])


def _needs_restriction(filters: SearchFilters, as_of: date | None) -> bool:
    # Without filters the whole index may be searched, unless some document is unpublished.
    if as_of or any(vars(filters).values()):
        return True
    return LegalDocument.objects.filter(is_published=False).exists()


def _exact_articles(docs, key: str) -> list[int]:
    ids = []
    for doc in docs.filter(doc_number_key=key).order_by("-effective_date", "source_path"):
        first = doc.articles.order_by("position").values_list("id", flat=True).first()
        if first:
            ids.append(first)
    return ids


def _rerank(
    article_ids: list[int],
    terms: list[str],
    df: dict[str, int],
    day: date,
    engine,
    learned_model: tuple[QuestionModel, dict[str, Vote]] | None = None,
    term_weights: dict[str, float] | None = None,
) -> tuple[list[tuple[int, float]], dict[int, tuple[float, tuple[str, ...]]]]:
    """(article id, score) best first, and per article (query coverage, matched terms)."""
    if not article_ids:
        return [], {}
    # Plain tuples: model instances with the article text and the JSON history were half the time.
    entries = SearchEntry.objects.filter(pk__any=article_ids).values_list(
        "article_id",
        "document_id",
        "docnum_tokens",
        "title_tokens",
        "body_tokens",
        "article__position",
        "article__number",
        "article__suffix",
    )
    by_id = {row[0]: row for row in entries}
    article_ids = [i for i in article_ids if i in by_id]  # a row being reindexed: skipped
    # A repealed text's lineage is the work that replaced it (in the same query: one round trip).
    replacing_work = DocumentRelation.objects.filter(
        target=OuterRef("pk"), kind=RelationKind.REPEALS
    ).order_by("-source_id")
    docs = (
        LegalDocument.objects.filter(id__any=list({row[1] for row in by_id.values()}))
        .annotate(replacing_work=Subquery(replacing_work.values("source__work_id")[:1]))
        .order_by()
        .values_list(
            "id", "source_path", "kind", "work_id", "work__key", "replacing_work", *VALIDITY_FIELDS
        )
    )
    # Per document, once: source path, prior, lineage, whether current on the day.
    documents = {
        doc_id: (
            path,
            document_prior(kind),
            f"w{replacing or work}",
            status_on(Validity(*validity), day) is Status.IN_FORCE,
            work_key,
        )
        for doc_id, path, kind, work, work_key, replacing, *validity in docs
    }
    keys: dict[str, int] = {}
    article_keys: dict[str, str] = {}
    prior: dict[str, float] = {}
    candidates = []
    for article_id in article_ids:
        _, doc_id, docnum, title, body, position, number, suffix = by_id[article_id]
        path, weight, lineage, current, work_key = documents[doc_id]
        key = f"{path}#{position:05d}"
        keys[key] = article_id
        article_keys[key] = (
            article_key(work_key, number, suffix) if number is not None else f"{work_key}#"
        )
        prior[key] = weight
        candidates.append(
            Candidate(
                key=key,
                docnum=tuple(docnum.split()),
                title=tuple(title.split()),
                body=tuple(body.split()),
                lineage=lineage,
                is_current=current,
            )
        )
    extra = None
    if learned_model is not None:
        model, votes = learned_model
        bonus = model.bonus(article_keys.values(), votes)
        extra = {k: bonus[a] for k, a in article_keys.items()}
    ranked = rank(candidates, terms, df, engine.stats(), engine.weights, prior, extra, term_weights)
    evidence = {keys[r.key]: (r.coverage, r.matched) for r in ranked}
    return [(keys[r.key], r.score) for r in ranked], evidence


def _hits(
    page: list[tuple[int, float]],
    terms: list[str],
    day: date,
    exact: set[int],
    evidence: dict[int, tuple[float, tuple[str, ...]]],
    voted: dict[int, Vote],
    expansions: dict[str, float],
) -> list[SearchHit]:
    articles = (
        Article.objects.filter(id__any=[i for i, _ in page])
        .select_related("document")
        .defer("clauses", "document__history")
    )
    by_id = {a.id: a for a in articles}
    hits = []
    for article_id, score in page:
        a = by_id[article_id]
        d = a.document
        status = d.status_on(day)
        hits.append(
            SearchHit(
                article_id=a.id,
                document_id=d.id,
                document_title=d.title,
                kind=d.kind,
                issuing_body=d.issuing_body,
                doc_number=d.doc_number,
                article_label=a.label,
                headings=list(a.headings),
                snippet=snippet(a.text, terms),
                score=score if score != float("inf") else 1e9,
                status=status,
                is_current=status is Status.IN_FORCE,
                publish_date=d.publish_date,
                effective_date=d.effective_date,
                valid_to=d.valid_to,
                exact_doc_number=a.id in exact,
                reasons=_reasons(a.id, d.kind, status, exact, evidence, voted, expansions),
            )
        )
    return hits


def _reasons(article_id, kind, status, exact, evidence, voted, expansions) -> list[str]:
    """Why the article is here, in words a user reads (the score's parts)."""
    if article_id in exact:
        return ["文号与检索词一致"]
    reasons = []
    coverage, matched = evidence.get(article_id, (0.0, ()))
    asked = [t for t in matched if t not in expansions]
    learned_words = [t for t in matched if t in expansions]
    if asked:
        reasons.append(f"含检索词：{'、'.join(asked)}（占问题权重 {coverage:.0%}）")
    if learned_words:
        reasons.append(f"含与问题用语对应的法律用语：{'、'.join(learned_words)}")
    vote = voted.get(article_id)
    if vote:
        reasons.append(
            f"相似的已知问题“{vote.question[:60]}”引用了本条（相似度 {vote.similarity:.0%}）"
        )
    elif article_id in voted:
        reasons.append("紧邻相似的已知问题所引用的条文")
    if status is not Status.IN_FORCE:
        reasons.append(f"该文本{status.value}，排在现行文本之后")
    reasons.append(f"文件类别：{kind}")
    return reasons
