"""A register's row: a record with one of its deadlines and how close it is.

One implementation for the registers that list records by their nearest deadline (disputes,
licensing); each app subclasses :class:`SubjectRow` with its rule labels and a name for the
record that its templates and API read (``row.case``, ``row.application``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, TypeVar

from fazhi.core.domain.time_limits import Remaining
from fazhi.core.models import Deadline
from fazhi.core.selectors.deadlines import deadline_rows as clock_rows
from fazhi.core.selectors.deadlines import deadlines_for_subject, nearest_open
from fazhi.core.selectors.deadlines import rule_title as deadline_title


@dataclass(frozen=True)
class SubjectRow:
    subject: Any
    deadline: Deadline | None
    left: Remaining | None

    # rule code -> what the deadline asks for next, as the app's register names it
    rule_labels: ClassVar[Mapping[str, str]] = {}

    @property
    def rule_label(self) -> str:
        return self.rule_labels.get(self.deadline.rule_code, "") if self.deadline else ""

    @property
    def css_class(self) -> str:
        return self.left.urgency.value if self.left else ""

    # What the shared 期限 card (core/_deadlines.html) reads, as on a `DeadlineRow`.
    @property
    def rule_title(self) -> str:
        return self.rule_label or (deadline_title(self.deadline) if self.deadline else "")

    @property
    def remaining(self) -> Remaining | None:
        return self.left


RowT = TypeVar("RowT", bound=SubjectRow)


def nearest_rows(row: type[RowT], subjects: Iterable[Any], *, today: date) -> list[RowT]:
    """``subjects`` (in the order given) with their nearest open deadline and how close it is."""
    return [row(*found) for found in nearest_open(list(subjects), today=today)]


def all_rows(row: type[RowT], subject: Any, *, today: date) -> list[RowT]:
    """Every deadline of ``subject``, with how close the open ones are."""
    return [
        row(subject, r.deadline, r.remaining)
        for r in clock_rows(deadlines_for_subject(subject=subject), today=today)
    ]
