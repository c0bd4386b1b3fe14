"""Rebuilding the search index from the stored articles."""

from __future__ import annotations

from django.db import connection, transaction

from fazhi.core.services import audit
from fazhi.laws.models import LegalDocument
from fazhi.laws.search.indexing import index_document


def search_reindex(*, actor=None, on_document=None) -> int:
    """Rewrite every article's search row (after a dictionary or tokenizer change), one document
    per transaction, then let the engine optimise its index. Audits ``laws.search.reindex``."""
    total = 0
    for document in LegalDocument.objects.order_by("id").iterator(chunk_size=200):
        with transaction.atomic():
            total += index_document(document)
        if on_document:
            on_document(document)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO laws_search_fts(laws_search_fts) VALUES ('optimize')")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE laws_searchentry")
    audit.record(
        actor=actor,
        action="laws.search.reindex",
        data={"articles": total},
        actor_label="" if actor else "laws-reindex",
    )
    return total
