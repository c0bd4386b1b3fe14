"""Inputs, outputs and errors of the search interface."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fazhi.laws.domain.validity import Status

MAX_QUERY_CHARS = 200
MAX_PAGE_SIZE = 50
MAX_RESULTS = 1000  # deepest result that can be paged to


class SearchError(ValueError):
    """Bad search input; ``str(exc)`` is a Chinese message for the user, ``code`` is stable."""

    code = "invalid_query"


class InvalidQuery(SearchError):
    code = "invalid_query"


class UnknownFilterValue(SearchError):
    code = "unknown_filter_value"


@dataclass(frozen=True)
class Match:
    """What the engine matches: a row with any of ``singles``, or with two of ``pairs``
    (engine.group_terms)."""

    singles: tuple[str, ...]
    pairs: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return self.singles + self.pairs


@dataclass(frozen=True)
class SearchFilters:
    kind: str | None = None
    issuing_body: str | None = None  # substring of the issuing body
    status: Status | None = None  # status on ``as_of`` (or today)
    date_from: date | None = None  # publish date range, inclusive
    date_to: date | None = None


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    document_id: int
    document_title: str
    kind: str
    issuing_body: str
    doc_number: str
    article_label: str
    headings: list[str]
    snippet: str  # HTML: escaped text with <mark> around matched words
    score: float
    status: Status
    is_current: bool
    publish_date: date | None
    effective_date: date | None
    valid_to: date | None
    exact_doc_number: bool = False
    reasons: list[str] = field(default_factory=list)  # why it matched, in Chinese


@dataclass(frozen=True)
class SearchPage:
    query: str
    terms: list[str]
    total: int
    page: int
    page_size: int
    as_of: date
    hits: list[SearchHit] = field(default_factory=list)
    # False when even the best hit matches the question poorly: "没有找到直接相关的条文".
    confident: bool = True
    confidence: float = 1.0  # the best hit's evidence, 0–1 (engine._confidence)
    expansions: list[str] = field(default_factory=list)  # learned legal words added
    related: list[str] = field(default_factory=list)  # similar known questions (相关问题)

    @property
    def pages(self) -> int:
        return min(-(-self.total // self.page_size), MAX_RESULTS // self.page_size)
