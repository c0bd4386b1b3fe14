"""待办 queues (issue 19.4): the review and decision queues each app registers for the worklist.

``core`` sits below the apps whose records fill the queues (enforcement's 法制审核 and 负责人
决定, normdocs' 合法性审核), so it cannot import them. Each app registers its queues here from
its ``AppConfig.ready`` (as apps register act counters in ``powers/usage.py``); the worklist
view shows every registered queue whose rule the user passes, in ``order``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.permissions import Rule, allowed
from fazhi.core.selectors.deadlines import deadline_rows, deadlines_for_subject

QUEUE_LIMIT = 200


@dataclass(frozen=True)
class QueueRow:
    title: str
    url: str
    unit: str
    submitted_on: date | None
    due: date | None
    due_rule: str
    urgency: str  # "overdue" / "due-soon" / ""
    remaining: str


@dataclass(frozen=True)
class Queue:
    order: int  # position on the page
    title: str
    submitted_header: str  # the column of the date the record entered the queue ("" = none)
    rule: Rule  # who sees the queue
    rows: Callable[[Any, date], list[QueueRow]]  # (user, today) -> rows
    # who else sees it whatever their roles: a person the records name (a 法律顾问's account
    # may hold no role; a Rule names roles only)
    also: Callable[[Any], bool] | None = None

    def shown_to(self, user) -> bool:
        return allowed(user, self.rule) or (self.also is not None and self.also(user))


_QUEUES: dict[str, Queue] = {}


def register(name: str, queue: Queue) -> None:
    """Register (or replace, so a reloaded app registers once) the queue ``name``."""
    _QUEUES[name] = queue


def queues() -> list[Queue]:
    return sorted(_QUEUES.values(), key=lambda q: q.order)


def _nearest(subject, today: date) -> tuple:
    """(due, rule title, urgency, remaining label) of the record's soonest open deadline."""
    open_ = deadlines_for_subject(subject=subject).filter(status=DeadlineStatus.OPEN)
    rows = deadline_rows(open_.order_by("due", "pk")[:1], today=today)
    if not rows:
        return None, "", "", ""
    row = rows[0]
    return row.deadline.due, row.rule_title, row.css_class, row.remaining.label


def queue_rows(
    records: Iterable,
    today: date,
    *,
    title: Callable[[Any], str],
    submitted: Callable[[Any], date | None] = lambda record: None,
) -> list[QueueRow]:
    """One row per record (a `DeadlineSubject` with an ``org_unit``), with its nearest deadline."""
    rows = []
    for record in records:
        due, rule, urgency, left = _nearest(record, today)
        rows.append(
            QueueRow(
                title=title(record),
                url=record.get_absolute_url(),
                unit=record.org_unit.name,
                submitted_on=submitted(record),
                due=due,
                due_rule=rule,
                urgency=urgency,
                remaining=left,
            )
        )
    return rows
