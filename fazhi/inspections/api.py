"""JSON API at /api/v1/inspections."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["inspections"])
