"""A report's life: drafted by 法规处, commented on by the units, approved by the head
(第一责任人), then frozen. Pure Python.

法治政府建设与责任落实督察工作规定: report to the 党委, the government and the upper department by
1 March, publish by 1 April (第二十四条); the 主要负责人 signs before it is sent.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    DRAFT = "draft"
    COMMENTING = "commenting"
    APPROVED = "approved"
    FROZEN = "frozen"


STATUS_LABELS = {
    Status.DRAFT: "起草中",
    Status.COMMENTING: "征求处室意见",
    Status.APPROVED: "主要负责人已审定",
    Status.FROZEN: "已定稿",
}

EDITABLE = frozenset({Status.DRAFT, Status.COMMENTING})


def submission_due(year: int) -> date:
    """Reported by 1 March of the following year (工作规定; the article number is UNVERIFIED).

    >>> submission_due(2019)
    datetime.date(2020, 3, 1)
    """
    return date(year + 1, 3, 1)


def publication_due(year: int) -> date:
    """Published by 1 April of the following year (工作规定 第二十四条).

    >>> publication_due(2019)
    datetime.date(2020, 4, 1)
    """
    return date(year + 1, 4, 1)


def content_hash(sections: list[dict[str, Any]], figures: dict[str, dict[str, Any]]) -> str:
    """SHA-256 of the frozen content: the prose of every section and every figure's value and
    records, in a canonical JSON form, so any later change is visible.

    >>> len(content_hash([{"key": "a", "paragraphs": ["x"]}], {}))
    64
    """
    canonical = json.dumps(
        {"sections": sections, "figures": figures},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
