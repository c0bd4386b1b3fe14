"""What must follow when a corpus import amended or repealed texts.

Powers cites the corpus (its items name their articles), so ``laws`` sits below ``powers`` and
cannot import it. An app whose records cite laws registers a listener here from its
``AppConfig.ready`` (powers: flag the items citing a changed article for 复核, 权责清单); the
import job and the ``laws import`` command call them all once the import changed something.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# actor -> the records the change flagged (each has a ``code`` shown to the importer)
Listener = Callable[..., list[Any]]

_LISTENERS: dict[str, Listener] = {}


def register(name: str, listener: Listener) -> None:
    """Register (or replace, so a reloaded app registers once) ``name``'s listener."""
    _LISTENERS[name] = listener


def corpus_changed(*, actor) -> list[Any]:
    """Run every registered listener; the records they flagged, in registration-name order."""
    flagged: list[Any] = []
    for name in sorted(_LISTENERS):
        flagged.extend(_LISTENERS[name](actor=actor))
    return flagged
