"""JSON API at /api/v1/publicity."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["publicity"])
