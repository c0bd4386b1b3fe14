"""JSON API at /api/v1/powers."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["powers"])
