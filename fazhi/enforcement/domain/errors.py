"""The enforcement app's refusal codes: stable strings a client reads in the problem+json
``code`` to tell which rule said no (the message cites the article for people). Pure Python."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    #: the step is not open from the case's current state (行政处罚法's order of steps)
    ILLEGAL_TRANSITION = "illegal_transition"
    #: someone else changed the case since the caller loaded it (optimistic lock)
    STALE_VERSION = "stale_version"
    #: a step's parameter has the wrong shape (not a rule of law)
    INVALID_INPUT = "invalid_input"
    #: a 行政强制措施 the power item's basis does not grant (行政强制法 第十条)
    COERCION_NOT_GRANTED = "coercion_not_granted"
    #: a per-worker fine decided without the number of workers (劳动保障监察条例 第二十五条)
    WORKERS_REQUIRED = "workers_required"
