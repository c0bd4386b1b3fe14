"""Route discovery for the route-level gate tests (issue 18 item 1): every staff URL pattern,
by namespace, and every API operation that is not a GET, so a new write route fails the test that
classifies them until it is classified and attacked."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.urls import URLResolver, get_resolver

from fazhi.accounts.testing.gate import row_counts


def staff_routes() -> dict[str, set[str]]:
    """Route names of the staff URLconf (``staff/...``), keyed by namespace."""
    found: dict[str, set[str]] = {}
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and str(entry.pattern).startswith("staff/"):
            found.setdefault(entry.namespace, set()).update(p.name for p in entry.url_patterns)
    return found


@cache
def _openapi() -> dict:
    from fazhi.api import api

    return api.get_openapi_schema()


def api_writes() -> set[tuple[str, str]]:
    """(method, path) of every API operation that is not a GET."""
    paths = _openapi()["paths"]
    return {(m, p) for p, ops in paths.items() for m in ops if m != "get"}


def sample_body(method: str, path: str, day: str) -> dict:
    """A body the API's schema accepts for the operation (its required fields, each a plausible
    value: ``day`` for dates, 1 for ids or the minimum), so that the gate, not the body's shape,
    is what refuses."""
    schema = _openapi()
    components = schema.get("components", {}).get("schemas", {})

    def value(spec: dict):
        if "$ref" in spec:
            return value(components[spec["$ref"].rsplit("/", 1)[1]])
        for alt in spec.get("anyOf", []) + spec.get("allOf", []):
            if alt.get("type") != "null":
                return value(alt)
        if "enum" in spec:
            return spec["enum"][0]
        kind = spec.get("type")
        if kind == "object":
            props = spec.get("properties", {})
            return {k: value(props[k]) for k in spec.get("required", [])}
        if kind == "array":
            return [value(spec["items"])] if spec.get("minItems") else []
        if kind == "string":
            return {"date": day, "date-time": f"{day}T09:00:00+08:00"}.get(
                spec.get("format", ""), "测试"
            )
        if kind in ("integer", "number"):
            return max(1, spec.get("minimum", 1))  # a year's minimum gives a plausible year
        return True if kind == "boolean" else None

    body = schema["paths"][path][method].get("requestBody")
    if body is None:
        return {}
    return value(body["content"]["application/json"]["schema"])


def refused_without_writing(response_of: Callable, expected: set[int]):
    """The response's status is one of ``expected`` and no row was written. Returns it."""
    before = row_counts()
    response = response_of()
    assert response.status_code in expected, (response.status_code, response.content[:300])
    assert row_counts() == before, "a refused request wrote rows"
    return response
