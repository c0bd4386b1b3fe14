"""Route discovery for the route-level gate tests (issue 18 item 1): every staff URL pattern,
by namespace, and every API operation that is not a GET, so a new write route fails the test that
classifies them until it is classified and attacked."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import URLResolver, get_resolver

from fazhi.accounts.testing.gate import row_counts


def staff_routes() -> dict[str, set[str]]:
    """Route names of the staff URLconf (``staff/...``), keyed by namespace."""
    found: dict[str, set[str]] = {}
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and str(entry.pattern).startswith("staff/"):
            found.setdefault(entry.namespace, set()).update(p.name for p in entry.url_patterns)
    return found


def api_writes() -> set[tuple[str, str]]:
    """(method, path) of every API operation that is not a GET."""
    from fazhi.api import api

    paths = api.get_openapi_schema()["paths"]
    return {(m, p) for p, ops in paths.items() for m in ops if m != "get"}


def refused_without_writing(response_of: Callable, expected: set[int]):
    """The response's status is one of ``expected`` and no row was written. Returns it."""
    before = row_counts()
    response = response_of()
    assert response.status_code in expected, (response.status_code, response.content[:300])
    assert row_counts() == before, "a refused request wrote rows"
    return response
