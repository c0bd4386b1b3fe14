"""The disputes' use of the statutory clock: the open deadline of a rule on a case."""

from __future__ import annotations

from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadlines_for_subject

# Decision deadline reopened after a suspension: a fixed day, not recounted by the table.
RESUMED_DECISION = "reconsideration.decision_resumed"
RESUMED_TITLE = "行政复议决定期限（中止后恢复）"
DECISION_RULES = (
    "reconsideration.decision",
    "reconsideration.simplified_decision",
    RESUMED_DECISION,
)


def open_deadline(case, *rule_codes: str) -> Deadline | None:
    return (
        deadlines_for_subject(subject=case)
        .filter(status=DeadlineStatus.OPEN, rule_code__in=rule_codes)
        .first()
    )
