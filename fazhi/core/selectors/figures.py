"""The registry of report figures: each a named, versioned definition and a query that returns
its value with the records behind it (``fazhi.core.domain.figures``).

The annual report (``fazhi.reports.figures``, one module per area, registered when the reports
app is ready) defines the figures; the plans' assessments compute them too, so the registry sits
in core, below both. ``compute_all(year)`` runs every definition. A definition that fails is
reported as missing with its reason, never as a number.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fazhi.core.domain.figures import Definition, Unit, Value

logger = logging.getLogger(__name__)

Query = Callable[[Definition, int], Value]
REGISTRY: dict[str, tuple[Definition, Query]] = {}


def figure(key: str, *, version: int, title: str, unit: Unit, counts: str, part: str):
    """Register ``fn(definition, year) -> Value`` under ``key``."""

    def register(fn: Query) -> Query:
        if key in REGISTRY:
            raise ValueError(f"figure {key} registered twice")
        REGISTRY[key] = (Definition(key, version, title, unit, counts, part), fn)
        return fn

    return register


def missing(definition: Definition, year: int, what: str) -> Value:
    return Value(definition, year, None, missing=what)


def compute(key: str, year: int) -> Value:
    definition, query = REGISTRY[key]
    try:
        return query(definition, year)
    except Exception as exc:  # a broken definition is a gap in the draft, not a crash
        logger.exception("figure %s failed for %s", key, year)
        return missing(definition, year, f"该数字的统计口径执行出错（{type(exc).__name__}）")


def compute_all(year: int, progress: Callable[[int, int], None] | None = None) -> dict[str, Value]:
    out = {}
    for n, key in enumerate(sorted(REGISTRY), start=1):
        out[key] = compute(key, year)
        if progress:
            progress(n, len(REGISTRY))
    return out


def definitions() -> list[Definition]:
    return [definition for definition, _ in sorted(REGISTRY.values(), key=lambda d: d[0].key)]
