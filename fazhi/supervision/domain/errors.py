"""Stable codes of the supervision app's refusals (they reach the API's problem body)."""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    BAD_THRESHOLD = "supervision_bad_threshold"
    UNKNOWN_RULE = "supervision_unknown_rule"
