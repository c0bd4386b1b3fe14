"""Demo publicity: the decisions the other apps produce, registered through `publicity_register`.

The publicity app owns no decisions. Producers (enforcement penalty decisions, licensing
decisions…) add themselves to ``PRODUCERS``: each is a function with no argument returning an
iterable of ``(kind, source, data)`` — ``kind`` a `Kind` value, ``source`` the saved producing
record (or a ``SourceRef``), ``data`` a `DecisionData`. ``load`` registers each triple
(idempotent per source) and publishes it on its due date when the record passes the pre-flight
check, so the demo shows a year of published decisions. With no producer it does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction

from fazhi.core.domain.errors import Refused
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import Status
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.services import publicity_publish, publicity_register

Producer = Callable[[], Iterable[tuple[str, Any, DecisionData]]]
PRODUCERS: list[Producer] = []


def register_from_sources(ctx) -> int:
    """Register (and publish on the due date) every decision the producers yield; returns how
    many records were newly published."""
    published = 0
    for producer in PRODUCERS:
        for kind, source, data in producer():
            with transaction.atomic():
                record, _deadline = publicity_register(kind=kind, source=source, data=data,
                                                       actor=ctx.actor)  # fmt: skip
                if record.status != Status.PENDING or record.due_on is None:
                    continue
                if record.due_on > ctx.today or validate(
                    record.kind, record.as_data(), ends_on=record.publicity_ends_on
                ):
                    continue  # not yet due in the demo year, or incomplete data: stays queued
                try:
                    publicity_publish(record=record, actor=ctx.actor, on=record.due_on)
                except Refused:
                    continue
                published += 1
    return published


def load(ctx) -> None:
    if not PRODUCERS:
        return
    register_from_sources(ctx)
