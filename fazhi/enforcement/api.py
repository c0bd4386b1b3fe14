"""JSON API at /api/v1/enforcement."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["enforcement"])
