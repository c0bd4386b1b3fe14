"""Signed checkpoints of the audit chain head, kept outside the database (issue 18 item 3).

The hash chain alone shows an edited or removed row in the middle, but not a rewrite that stays
consistent: deleting the newest events and moving the head back, or editing an event and
recomputing every later hash. An *anchor* records ``(seq, hash)`` of the head at some moment,
signed with HMAC-SHA256 under ``FAZHI["AUDIT_KEY"]`` (a key the database does not hold), as one
line appended to ``<FAZHI["AUDIT_ANCHOR_DIR"]>/audit-anchors.jsonl``. Each line also carries the
signature of the line before it, so removing or reordering lines breaks the file's own chain.

`fazhi audit verify` then requires the database chain to contain every anchored head at its
position with its hash. Anchors are written by `fazhi audit anchor`, by the daily job, and after
every ``FAZHI["AUDIT_ANCHOR_EVERY"]`` events.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from fazhi.core.domain.audit_chain import canonical_json

log = logging.getLogger(__name__)
FILENAME = "audit-anchors.jsonl"
FIRST = "0" * 64


class AnchorError(Exception):
    """The anchor cannot be written (no key, no directory)."""


@dataclass(frozen=True)
class Anchor:
    number: int
    seq: int
    hash: str
    at: str
    prev: str
    mac: str


@dataclass(frozen=True)
class AnchorProblem:
    seq: int
    reason: str  # Chinese, shown to the operator


def key() -> bytes:
    return settings.FAZHI.get("AUDIT_KEY", "").encode("utf-8")


def anchor_path() -> Path:
    configured = settings.FAZHI.get("AUDIT_ANCHOR_DIR")
    return Path(configured or Path(settings.BASE_DIR) / "var" / "anchors") / FILENAME


def sign(fields: dict) -> str:
    return hmac.new(key(), canonical_json(fields).encode("utf-8"), hashlib.sha256).hexdigest()


def seal(seq: int, event_hash: str) -> str:
    """The per-event seal: HMAC-SHA256(key, "seq:hash"); blank when no key is configured."""
    if not key():
        return ""
    return hmac.new(key(), f"{seq}:{event_hash}".encode(), hashlib.sha256).hexdigest()


def _parse(line: str) -> Anchor:
    raw = json.loads(line)
    return Anchor(
        number=int(raw["n"]),
        seq=int(raw["seq"]),
        hash=str(raw["hash"]),
        at=str(raw["at"]),
        prev=str(raw["prev"]),
        mac=str(raw["mac"]),
    )


def read_anchors(path: Path | None = None) -> list[Anchor]:
    path = path or anchor_path()
    if not path.exists():
        return []
    return [_parse(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def write_anchor(seq: int, event_hash: str) -> Anchor:
    """Append one signed checkpoint of ``(seq, hash)``; the file is locked while appending."""
    if not key():
        raise AnchorError("未配置审计密钥 FAZHI_AUDIT_KEY，无法签署链头锚点")
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        lines = [line for line in handle.read().splitlines() if line.strip()]
        last = _parse(lines[-1]) if lines else None
        if last is not None and last.seq == seq and last.hash == event_hash:
            return last
        fields = {
            "n": (last.number + 1) if last else 1,
            "seq": seq,
            "hash": event_hash,
            "at": timezone.now().isoformat(),
            "prev": last.mac if last else FIRST,
        }
        fields["mac"] = sign(fields)
        handle.seek(0, os.SEEK_END)
        handle.write(json.dumps(fields, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return _parse(json.dumps(fields))


def anchor_head() -> Anchor | None:
    """Anchor the committed head of the chain (None while the chain is empty)."""
    from fazhi.core.models import AuditChainHead

    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None or head.seq == 0:
        return None
    return write_anchor(head.seq, head.hash)


def anchor_quietly(seq: int, event_hash: str) -> None:
    """The automatic anchor after every N events: a failure is logged, never the user's error."""
    try:
        write_anchor(seq, event_hash)
    except (AnchorError, OSError):
        log.exception("audit anchor at seq %s not written", seq)


def check_anchors(
    anchors: list[Anchor], hash_at: dict[int, str], last_seq: int
) -> list[AnchorProblem]:
    """Each anchor is correctly signed, follows the one before it, and its ``(seq, hash)`` is in
    the chain (``hash_at`` maps each anchored seq → hash of that event in the database)."""
    problems: list[AnchorProblem] = []
    if anchors and not key():
        return [AnchorProblem(0, "未配置审计密钥 FAZHI_AUDIT_KEY，无法核对锚点签名")]
    prev = FIRST
    for number, anchor in enumerate(anchors, 1):
        fields = {
            "n": anchor.number,
            "seq": anchor.seq,
            "hash": anchor.hash,
            "at": anchor.at,
            "prev": anchor.prev,
        }
        if not hmac.compare_digest(sign(fields), anchor.mac):
            problems.append(
                AnchorProblem(anchor.seq, f"第 {number} 个锚点签名无效，锚点文件被改动")
            )
        elif anchor.number != number or anchor.prev != prev:
            problems.append(
                AnchorProblem(anchor.seq, f"第 {number} 个锚点之前的锚点缺失或顺序被改动")
            )
        if anchor.seq > last_seq:
            problems.append(
                AnchorProblem(
                    anchor.seq,
                    f"锚点记录链头在序号 {anchor.seq}，数据库中只到 {last_seq}，"
                    "末尾事件被删除且链头被回退",
                )
            )
        elif hash_at.get(anchor.seq) != anchor.hash:
            problems.append(
                AnchorProblem(
                    anchor.seq,
                    f"序号 {anchor.seq} 的事件与锚点记录的哈希不符，该处及之前的事件被改写后重算",
                )
            )
        prev = anchor.mac
    return problems
