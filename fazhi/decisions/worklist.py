"""Decisions' 待办 queues (registered in ``DecisionsConfig.ready``; see core/selectors/worklist):
the 合法性审查 sent to the 法制审核人员, the decided ones still to be archived (决定后30日内
归档, whose deadline is owned by no one, so "我的期限" alone never showed it), and the 法律意见
a counsel has to give or the 首席法律顾问 to sign off."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from fazhi.accounts.permissions import (
    DECISIONS_COUNSEL_ANSWER,
    DECISIONS_LEGALITY_REVIEW,
    DECISIONS_RUN,
)
from fazhi.core.domain.time_limits import remaining
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.selectors.deadlines import warning_working_days
from fazhi.core.selectors.worklist import QUEUE_LIMIT, Queue, QueueRow, queue_rows, register
from fazhi.decisions.models import Counsel, CounselOpinion
from fazhi.decisions.selectors import decisions_for, opinions_visible_to


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


# No statute gives a counsel a number of days: 中办发〔2016〕30号 leaves it to the engagement, so
# the due date is the 答复期限 agreed when the opinion was asked (``counsel_request(due_on=…)``).
# The 首席法律顾问's 签发 has no date of its own: those rows show none.
ANSWER_DUE = "答复期限（委托时约定）"


def is_counsel(user) -> bool:
    """The account is a registered 法律顾问's (whatever its roles)."""
    return bool(getattr(user, "pk", None)) and Counsel.objects.filter(user=user).exists()


def counsel_rows(user, today: date) -> list[QueueRow]:
    """Opinions awaiting an answer (the counsel's own; every one for the staff who enter
    answers) and, for the 首席法律顾问, those given and awaiting 签发."""
    visible = opinions_visible_to(user).select_related("org_unit")
    waiting = list(visible.filter(given_on__isnull=True).order_by("due_on", "pk")[:QUEUE_LIMIT])
    to_sign: list[CounselOpinion] = []
    if Counsel.objects.filter(is_chief=True, user_id=getattr(user, "pk", None)).exists():
        to_sign = list(
            visible.filter(given_on__isnull=False, signed_on__isnull=True).order_by(
                "given_on", "pk"
            )[:QUEUE_LIMIT]
        )
    calendar, warn = work_calendar(), warning_working_days()
    rows = []
    for opinion in waiting:
        left = remaining(opinion.due_on, today, calendar, warn_within=warn)
        rows.append(
            _opinion_row(opinion, "待出具", opinion.requested_on, opinion.due_on, ANSWER_DUE, left)
        )
    for opinion in to_sign:
        rows.append(_opinion_row(opinion, "待签发", opinion.given_on, None, "", None))
    return rows


def _opinion_row(opinion, state, submitted_on, due, due_rule, left) -> QueueRow:
    return QueueRow(
        title=f"{opinion.matter_title}（{opinion.get_matter_type_display()}）法律意见{state}",
        url=reverse("decisions:opinion_detail", args=[opinion.pk]),
        unit=opinion.org_unit.name,
        submitted_on=submitted_on,
        due=due,
        due_rule=due_rule,
        urgency=left.urgency.value if left else "",
        remaining=left.label if left else "",
    )


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
    # The counsel's account may hold no role: the queue also opens to any registered counsel.
    register(
        "decisions.counsel",
        Queue(
            27,
            "法律意见待出具和签发",
            "委托或出具日期",
            DECISIONS_COUNSEL_ANSWER,
            counsel_rows,
            also=is_counsel,
        ),
    )
