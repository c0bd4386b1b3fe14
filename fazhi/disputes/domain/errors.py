"""Disputes refuse with the platform's one refusal type (``core.domain.errors.Refused``)."""

from __future__ import annotations

from fazhi.core.domain.errors import Refused

__all__ = ["Refused"]
