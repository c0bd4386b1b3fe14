"""JSON API at /api/v1/services."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["services"])
