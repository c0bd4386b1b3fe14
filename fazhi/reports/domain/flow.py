"""A report's life: drafted by 法规处, commented on by the units, approved by the head
(第一责任人), then frozen. Pure Python.

法治政府建设与责任落实督察工作规定: report to the 党委, the government and the upper department by
1 March, publish by 1 April (第二十四条); the 主要负责人 signs before it is sent.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Reminder:
    """What the year's report still needs, shown to 法规处 and the head from 1 January."""

    year: int  # the year reported on
    act: str  # 报送 or 公开
    due: date
    state: str  # where the report stands, in words
    days_left: int  # negative once overdue

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def remaining(self) -> str:
        """In calendar days: the dates are fixed by the 工作规定, not counted in working days.

        >>> [Reminder(2026, "报送", date(2027, 3, 1), "", n).remaining for n in (3, 0, -2)]
        ['还有3天', '今天到期', '已逾期2天']
        """
        if self.days_left > 0:
            return f"还有{self.days_left}天"
        return "今天到期" if self.days_left == 0 else f"已逾期{-self.days_left}天"


def reminder(today: date, status: Status | None) -> Reminder | None:
    """The reminder for the previous year's report (``status`` None: not drafted yet), from
    1 January until it is frozen and published: 报送 by 1 March until the head approves it, then
    公开 by 1 April (工作规定 第二十四条). Past its date it stays, overdue.

    >>> reminder(date(2026, 12, 31), None).year  # December: the 2025 report, long overdue
    2025
    >>> r = reminder(date(2027, 1, 1), None)
    >>> (r.year, r.act, r.due, r.state, r.days_left)
    (2026, '报送', datetime.date(2027, 3, 1), '尚未起草', 59)
    >>> r = reminder(date(2027, 3, 2), Status.COMMENTING)
    >>> (r.act, r.state, r.overdue)
    ('报送', '征求处室意见', True)
    >>> r = reminder(date(2027, 3, 10), Status.APPROVED)
    >>> (r.act, r.due, r.days_left)
    ('公开', datetime.date(2027, 4, 1), 22)
    >>> reminder(date(2027, 1, 5), Status.FROZEN) is None
    True
    """
    year = today.year - 1
    if status is Status.FROZEN:
        return None
    if status is Status.APPROVED:
        act, due = "公开", publication_due(year)
    else:
        act, due = "报送", submission_due(year)
    state = "尚未起草" if status is None else STATUS_LABELS[status]
    return Reminder(year, act, due, state, (due - today).days)


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
