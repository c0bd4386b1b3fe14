"""Decisions' 待办 queues (registered in ``DecisionsConfig.ready``; see core/selectors/worklist):
the 合法性审查 sent to the 法制审核人员, and the decided ones still to be archived (决定后30日内
归档, whose deadline is owned by no one, so "我的期限" alone never showed it)."""

from __future__ import annotations

from datetime import date

from fazhi.accounts.permissions import DECISIONS_LEGALITY_REVIEW, DECISIONS_RUN
from fazhi.core.selectors.worklist import QUEUE_LIMIT, Queue, QueueRow, queue_rows, register
from fazhi.decisions.selectors import decisions_for


def legality_review_rows(user, today: date) -> list[QueueRow]:
    decisions = (
        decisions_for(user)
        .filter(reviews__reviewed_on__isnull=True)
        .distinct()
        .order_by("pk")[:QUEUE_LIMIT]
    )

    def submitted(decision) -> date | None:
        pending = [r for r in decision.reviews.all() if r.reviewed_on is None]
        return pending[-1].submitted_on if pending else None

    return queue_rows(decisions, today, title=lambda d: d.title, submitted=submitted)


def archive_rows(user, today: date) -> list[QueueRow]:
    decisions = (
        decisions_for(user)
        .filter(decided_on__isnull=False, archived_on__isnull=True)
        .order_by("decided_on", "pk")[:QUEUE_LIMIT]
    )
    return queue_rows(decisions, today, title=lambda d: d.title, submitted=lambda d: d.decided_on)


def register_queues() -> None:
    register(
        "decisions.legality_review",
        Queue(
            25,
            "重大行政决策合法性审查",
            "送审日期",
            DECISIONS_LEGALITY_REVIEW,
            legality_review_rows,
        ),
    )
    register(
        "decisions.archive",
        Queue(26, "重大行政决策待归档", "决定日期", DECISIONS_RUN, archive_rows),
    )
