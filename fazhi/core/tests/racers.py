"""How many threads a concurrency test races: small in the suite (its CI budget), 50 for the
issue-18 attack run (``FAZHI_RACERS=50``, PostgreSQL; see docs/dev/testing.md)."""

from __future__ import annotations

import os


def racers(default: int) -> int:
    return int(os.environ.get("FAZHI_RACERS") or default)
