"""JSON API at /api/v1/officers."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["officers"])
