"""Writes to the legal corpus: import, version linking, reindexing."""

from fazhi.laws.services.importing import (
    ImportSummary,
    corpus_import,
    corpus_import_all,
    document_import,
    read_sources,
    sources_under,
)
from fazhi.laws.services.linking import corpus_link
from fazhi.laws.services.reindex import search_reindex

__all__ = [
    "ImportSummary",
    "corpus_import",
    "corpus_import_all",
    "corpus_link",
    "document_import",
    "read_sources",
    "search_reindex",
    "sources_under",
]
