"""Acts under power items, counted by the modules that take them (零执法 on the power list).

Powers sits below the modules that act under its items (enforcement, licensing): they import
``powers`` to name the item an act is taken under, so ``powers`` cannot import them back. Each
registers its counter here from its ``AppConfig.ready``, and ``selectors.power_item_usage`` adds
up whatever is registered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# year -> {power item id: acts}
ById = Callable[[int], Mapping[int, int]]
# year -> {power item code: acts} (acts that record the item by code, e.g. arrears steps)
ByCode = Callable[[int], Mapping[str, int]]

_BY_ID: dict[str, ById] = {}
_BY_CODE: dict[str, ByCode] = {}


def register(name: str, *, by_id: ById | None = None, by_code: ByCode | None = None) -> None:
    """Register (or replace, so a reloaded app registers once) ``name``'s counters."""
    if by_id is not None:
        _BY_ID[name] = by_id
    if by_code is not None:
        _BY_CODE[name] = by_code


def counters_by_id() -> list[ById]:
    return [_BY_ID[name] for name in sorted(_BY_ID)]


def counters_by_code() -> list[ByCode]:
    return [_BY_CODE[name] for name in sorted(_BY_CODE)]
