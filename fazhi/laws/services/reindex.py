"""Rebuilding the search index from the stored articles."""

from __future__ import annotations

from django.db import transaction

from fazhi.accounts.permissions import LAWS_MAINTAIN, require
from fazhi.core.caching import bump
from fazhi.core.services import audit
from fazhi.laws.models import LegalDocument
from fazhi.laws.search.indexing import index_documents, optimise_index

# Documents per transaction: large enough for batched INSERTs, small enough that a kill loses
# little and the progress bar moves.
CHUNK = 100


def search_reindex(*, actor, on_document=None) -> int:
    """Rewrite every article's search row (after a dictionary or tokenizer change), ``CHUNK``
    documents per transaction with batched statements, then let the engine optimise its index.
    Audits ``laws.search.reindex``."""
    require(actor, LAWS_MAINTAIN)  # the system (commands) or 法规处, 系统管理员
    total = 0
    chunk: list[LegalDocument] = []

    def flush() -> None:
        nonlocal total
        with transaction.atomic():
            total += index_documents(chunk)
        if on_document:
            for document in chunk:
                on_document(document)
        chunk.clear()

    for document in LegalDocument.objects.order_by("id").iterator(chunk_size=CHUNK):
        chunk.append(document)
        if len(chunk) >= CHUNK:
            flush()
    if chunk:
        flush()
    optimise_index()
    audit.record(
        actor=actor,
        action="laws.search.reindex",
        data={"articles": total},
        actor_label="" if actor else "laws-reindex",
    )
    bump("laws")  # public pages show it: a new version on commit
    return total
