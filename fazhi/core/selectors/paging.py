"""One page of a staff register, with a count that stops where an exact one stops paying."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

# Counting stops here: an exact count of a bureau's million cases costs more than the page itself,
# and "more than 1,000" is all a reader needs to know.
COUNT_CAP = 1000
PAGE_SIZE = 50
LAST_PAGE = 100_000  # a page number beyond any register (a typed ?page=10**9 is not an error)


@dataclass(frozen=True)
class Page:
    """One page of a list whose total is counted only up to ``COUNT_CAP``."""

    rows: list
    number: int
    has_next: bool
    total: int | None  # None: more than COUNT_CAP
    last_known: int  # the last page number reachable by a link (all pages if total is known)

    @property
    def count_label(self) -> str:
        """The caption's count: 共 12 件, or 超过 1000 件 past the cap."""
        return f"超过 {COUNT_CAP} 件" if self.total is None else f"共 {self.total} 件"

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def links(self) -> range:
        return range(max(1, self.number - 5), min(self.last_known, self.number + 5) + 1)


def page_number(params) -> int:
    """The ``page`` of a query string; 1 when absent or not a number."""
    value = params.get("page", "")
    return min(int(value), LAST_PAGE) if value.isdigit() and int(value) > 0 else 1


def query_without_page(params) -> str:
    """The query string the page links carry: the filters, without ``page``."""
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


def bounded_page(qs: QuerySet, *, page: int = 1, size: int = PAGE_SIZE) -> Page:
    """Rows of page ``page`` (1-based) and a count that stops at ``COUNT_CAP``.

    Within the cap, one scan of the ids in list order gives both the count and the page (a
    separate COUNT would repeat the filtering work); the rows are then fetched by id.
    """
    page = max(page, 1)
    start = (page - 1) * size
    if start < COUNT_CAP:
        ids = list(qs.values_list("pk", flat=True)[: COUNT_CAP + 1])
        counted, has_next = len(ids), len(ids) > start + size
        wanted = ids[start : start + size]
        # By id, with the list's joins and columns but not its filters (the scan settled them).
        fetch = qs.model._default_manager.all()
        fetch.query.select_related = qs.query.select_related
        fetch.query.deferred_loading = qs.query.deferred_loading
        by_id = fetch.in_bulk(wanted)
        rows = [by_id[pk] for pk in wanted if pk in by_id]  # (deleted in between: skipped)
    else:
        rows = list(qs[start : start + size + 1])
        counted, has_next = qs.order_by()[: COUNT_CAP + 1].count(), len(rows) > size
        rows = rows[:size]
    total = counted if counted <= COUNT_CAP else None
    known = max(1, -(-min(counted, COUNT_CAP) // size))
    return Page(rows, page, has_next, total, max(known, page))
