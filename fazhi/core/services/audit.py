"""Writing and verifying the audit chain. The only code that creates `AuditEvent` rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from fazhi.core.domain.audit_chain import GENESIS, ChainBreak, ChainLink, chain_hash, first_break
from fazhi.core.models import AuditChainHead, AuditEvent
from fazhi.core.services.request_context import current_request


def _content(event: AuditEvent) -> dict[str, Any]:
    """The fields the hash covers, in the form they are stored and read back."""
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "data": event.data,
        "request_id": event.request_id,
        "ip": event.ip,
    }


def person(actor):
    """The account behind ``actor``; None when the system acts (CLI, demo, scheduled jobs)."""
    return actor if getattr(actor, "pk", None) else None


def record(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one event to the chain.

    Runs in the caller's transaction (or its own): the event exists exactly when the change it
    describes was committed. The chain head row is locked so concurrent writers queue up
    instead of forking the chain; ``seq`` is unique as a second guard.
    """
    context = current_request()
    # Round-trip through JSON so the hashed data equals what the database gives back.
    clean_data = json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder, ensure_ascii=False))
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            AuditChainHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": GENESIS})
            head = AuditChainHead.objects.select_for_update().get(pk=1)
        event = AuditEvent(
            seq=head.seq + 1,
            occurred_at=timezone.now(),
            actor=person(actor),
            actor_label=actor_label or (getattr(actor, "username", "") or "system"),
            action=action,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            target_label=str(target)[:255] if target is not None else "",
            data=clean_data,
            request_id=context.request_id,
            ip=context.ip,
            prev_hash=head.hash,
        )
        event.hash = chain_hash(event.prev_hash, _content(event))
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=1).update(seq=event.seq, hash=event.hash)
    return event


def _links(chunk_size: int = 2000) -> Iterator[ChainLink]:
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size):
        yield ChainLink(
            seq=event.seq, prev_hash=event.prev_hash, hash=event.hash, content=_content(event)
        )


def verify_chain() -> tuple[int, ChainBreak | None]:
    """Re-hash the whole chain. Returns (events checked, first break or None)."""
    head = AuditChainHead.objects.filter(pk=1).first()
    counted = 0

    def counting() -> Iterator[ChainLink]:
        nonlocal counted
        for link in _links():
            counted += 1
            yield link

    broken = first_break(
        counting(),
        head_seq=head.seq if head else 0,
        head_hash=head.hash if head else GENESIS,
    )
    return counted, broken
