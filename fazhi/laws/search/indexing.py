"""Writing search rows for articles. Called by the import service inside its transaction, so a
document and its index rows are committed (or rolled back) together."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from fazhi.laws.domain import docnum
from fazhi.laws.models import Article, LegalDocument, SearchEntry
from fazhi.laws.search import segment
from fazhi.laws.search.backends import index_changed

BATCH = 500
# Tables a corpus import or a reindex fills; their planner statistics are refreshed afterwards.
CORPUS_TABLES = (
    "laws_work",
    "laws_legaldocument",
    "laws_article",
    "laws_documentrelation",
    "laws_searchentry",
    "laws_search_vocab",
)


def docnum_tokens(doc_number: str) -> str:
    """文号 as tokens: the agency code, the year and the serial (人社部发 2013 34号)."""
    parsed = docnum.parse(doc_number) if doc_number else None
    if parsed is None:
        return segment.joined(doc_number)
    parts = [parsed.prefix, *segment.joined(parsed.prefix).split(), f"{parsed.serial}号"]
    if parsed.year:
        parts.insert(1, str(parsed.year))
    return " ".join(dict.fromkeys(segment.normalise(p) for p in parts))


def entries_for(document: LegalDocument, articles: Iterable[Article]) -> list[SearchEntry]:
    title = segment.joined(document.title)
    number = docnum_tokens(document.doc_number)
    entries = []
    for article in articles:
        label = article.label if article.number is not None else ""
        body = segment.joined(f"{label} {' '.join(article.headings[-1:])} {article.text}")
        entries.append(
            SearchEntry(
                article=article,
                document=document,
                docnum_tokens=number,
                title_tokens=title,
                body_tokens=body,
                body_length=body.count(" ") + 1 if body else 0,
            )
        )
    return entries


def index_document(document: LegalDocument) -> int:
    """(Re)write the search rows of one document; returns how many were written."""
    return index_documents([document])


def index_documents(documents: Iterable[LegalDocument]) -> int:
    """(Re)write the search rows of several documents with one DELETE and batched INSERTs
    (per-document statements were most of a full rebuild's time). Runs in the caller's
    transaction; returns how many rows were written."""
    documents = list(documents)
    if not documents:
        return 0
    by_id = {d.id: d for d in documents}
    SearchEntry.objects.filter(document_id__in=by_id).delete()
    articles: dict[int, list[Article]] = {d.id: [] for d in documents}
    for article in Article.objects.filter(document_id__in=by_id).order_by(
        "document_id", "position"
    ):
        articles[article.document_id].append(article)
    entries = [e for d in documents for e in entries_for(d, articles[d.id])]
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    index_changed()
    return len(entries)


def optimise_index() -> None:
    """After bulk writes: SQLite merges the FTS5 segments; PostgreSQL reclaims the dead rows a
    rewrite leaves in the GIN index and refreshes the planner's statistics of the corpus tables
    rather than waiting for autovacuum (which may be off: without statistics the check for
    unpublished documents ran as a sequential scan, 2.7 ms of every search). VACUUM cannot run
    in a transaction block, so there (tests, a caller's atomic block) only ANALYZE runs."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO laws_search_fts(laws_search_fts) VALUES ('optimize')")
        elif connection.vendor == "postgresql":
            verb = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            cursor.execute(f"{verb} {', '.join(CORPUS_TABLES)}")
