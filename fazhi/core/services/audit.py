"""Writing and verifying the audit chain. The only code that creates `AuditEvent` rows."""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from fazhi.core.domain.audit_chain import GENESIS, ChainBreak, ChainLink, chain_hash, first_break
from fazhi.core.models import AuditChainHead, AuditEvent
from fazhi.core.services import anchors
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
        event.seal = anchors.seal(event.seq, event.hash)
        event.save(force_insert=True)
        AuditChainHead.objects.filter(pk=1).update(seq=event.seq, hash=event.hash)
        every = settings.FAZHI.get("AUDIT_ANCHOR_EVERY", 0)
        if every and event.seq % every == 0:
            seq, event_hash = event.seq, event.hash
            transaction.on_commit(lambda: anchors.anchor_quietly(seq, event_hash))
    return event


@dataclass
class Verification:
    """What `fazhi audit verify` found: events checked, the first break, anchors checked."""

    checked: int = 0
    broken: ChainBreak | None = None
    anchors: int = 0
    unsealed: int = 0  # events written before sealing began (or without a key)
    problems: list[ChainBreak] = field(default_factory=list)


def _links(verification: Verification, wanted: set[int], hash_at: dict[int, str]):
    """Chain links in seq order; on the way, checks each event's seal and keeps the hashes of
    the anchored events. A blank seal is accepted only before the first sealed event."""
    has_key, sealing = bool(anchors.key()), False
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        verification.checked += 1
        if event.seq in wanted:
            hash_at[event.seq] = event.hash
        if has_key and not verification.problems:
            if event.seal:
                sealing = True
                if not hmac.compare_digest(event.seal, anchors.seal(event.seq, event.hash)):
                    verification.problems.append(
                        ChainBreak(event.seq, "事件签名无效：该事件不是由本系统写入的（伪造）")
                    )
            elif sealing:
                verification.problems.append(
                    ChainBreak(event.seq, "事件缺少签名：该事件不是由本系统写入的（伪造）")
                )
            else:
                verification.unsealed += 1
        yield ChainLink(
            seq=event.seq, prev_hash=event.prev_hash, hash=event.hash, content=_content(event)
        )


def verify() -> Verification:
    """Re-hash the whole chain, check every event's seal, and find every anchored head."""
    head = AuditChainHead.objects.filter(pk=1).first()
    verification = Verification()
    try:
        anchor_list = anchors.read_anchors()
    except (ValueError, KeyError) as exc:
        verification.broken = ChainBreak(0, f"锚点文件无法解析：{exc}")
        return verification
    verification.anchors = len(anchor_list)
    hash_at: dict[int, str] = {}
    broken = first_break(
        _links(verification, {a.seq for a in anchor_list}, hash_at),
        head_seq=head.seq if head else 0,
        head_hash=head.hash if head else GENESIS,
    )
    if broken is None:  # seq is dense from 1: the last one is the number of events
        last_seq = verification.checked
    else:  # the walk stopped at the break: only anchors before it can be compared
        verification.problems.insert(0, broken)
        last_seq = broken.seq - 1
        anchor_list = [a for a in anchor_list if a.seq <= last_seq]
    verification.problems += [
        ChainBreak(p.seq, p.reason) for p in anchors.check_anchors(anchor_list, hash_at, last_seq)
    ]
    verification.broken = min(verification.problems, key=lambda b: b.seq, default=None)
    return verification


def verify_chain() -> tuple[int, ChainBreak | None]:
    """Re-hash the whole chain. Returns (events checked, first break or None)."""
    result = verify()
    return result.checked, result.broken
