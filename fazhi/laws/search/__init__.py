"""Full-text search over the legal corpus at article level (house style §8).

One interface, ``search(query, *, filters, as_of, page, page_size)``; the backend is chosen by
``connection.vendor`` (SQLite FTS5 or PostgreSQL tsvector), the ranking is shared.
"""

from fazhi.laws.search.engine import search
from fazhi.laws.search.types import (
    InvalidQuery,
    SearchError,
    SearchFilters,
    SearchHit,
    SearchPage,
    UnknownFilterValue,
)

__all__ = [
    "InvalidQuery",
    "SearchError",
    "SearchFilters",
    "SearchHit",
    "SearchPage",
    "UnknownFilterValue",
    "search",
]
