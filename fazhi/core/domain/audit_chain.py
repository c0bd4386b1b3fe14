"""Hash chain over audit events (全过程记录 made tamper-evident).

Each event's hash is ``SHA-256(prev_hash + canonical_json(content))``. The first event's
``prev_hash`` is ``GENESIS``. Because ``seq`` is dense, a deleted row shows as a gap, an edited
row as a hash mismatch, an inserted row as a broken ``prev_hash`` link or a gap.

>>> e1 = {"seq": 1, "action": "core.demo.load"}
>>> h1 = chain_hash(GENESIS, e1)
>>> first_break([ChainLink(seq=1, prev_hash=GENESIS, hash=h1, content=e1)]) is None
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(content: Mapping[str, Any]) -> str:
    """One byte sequence per content: sorted keys, no whitespace, UTF-8 kept as is."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(content)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainLink:
    seq: int
    prev_hash: str
    hash: str
    content: Mapping[str, Any]


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str  # Chinese, shown to the operator


def first_break(
    links: Iterable[ChainLink], *, head_seq: int | None = None, head_hash: str | None = None
) -> ChainBreak | None:
    """Walk the chain in ``seq`` order; return the first broken link, or None when intact.

    ``head_seq``/``head_hash`` (the recorded tip) catch rows deleted from the end.
    """
    expected_seq, prev = 1, GENESIS
    for link in links:
        if link.seq != expected_seq:
            return ChainBreak(
                expected_seq, f"缺少序号 {expected_seq} 的事件（发现 {link.seq}），可能被删除"
            )
        if link.prev_hash != prev:
            return ChainBreak(link.seq, "前一事件哈希不符，事件可能被插入或替换")
        if chain_hash(link.prev_hash, link.content) != link.hash:
            return ChainBreak(link.seq, "内容与哈希不符，事件可能被篡改")
        prev, expected_seq = link.hash, expected_seq + 1
    last_seq = expected_seq - 1
    if head_seq is not None and head_seq != last_seq:
        return ChainBreak(
            last_seq + 1, f"链头记录到序号 {head_seq}，实际只有 {last_seq}，末尾事件可能被删除"
        )
    if head_hash is not None and head_seq == last_seq and head_hash != prev:
        return ChainBreak(last_seq, "链头哈希与最后一个事件不符")
    return None
