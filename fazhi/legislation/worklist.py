"""Legislation's 待办 queue (registered in ``LegislationConfig.ready``; see
core/selectors/worklist): the bureau's opinions on drafts from above, written and waiting for a
局领导's signature before the 反馈期限 (the 反馈期限 is a typed date, not a clock deadline)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from fazhi.accounts.permissions import LEGISLATION_SIGN
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.domain.time_limits.urgency import Urgency, remaining
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.selectors.deadlines import warning_working_days
from fazhi.core.selectors.worklist import QUEUE_LIMIT, Queue, QueueRow, register
from fazhi.legislation.models import DraftFromAbove


def sign_rows(user, today: date) -> list[QueueRow]:
    drafts = scope_queryset(
        DraftFromAbove.objects.select_related("org_unit").filter(signed_on__isnull=True),
        user=user,
    ).order_by("due_on", "pk")[:QUEUE_LIMIT]
    calendar, warn = work_calendar(), warning_working_days()
    rows = []
    for draft in drafts:
        if not (draft.opinions or draft.no_opinion):
            continue  # nothing written yet: nothing to sign
        left = remaining(draft.due_on, today, calendar, warn_within=warn)
        rows.append(
            QueueRow(
                title=draft.title,
                url=reverse("legislation:draft_detail", args=[draft.pk]),
                unit=draft.org_unit.name,
                submitted_on=draft.received_on,
                due=draft.due_on,
                due_rule="反馈期限",
                urgency="" if left.urgency is Urgency.OK else left.urgency.value,
                remaining=left.label,
            )
        )
    return rows


def register_queues() -> None:
    register(
        "legislation.sign",
        Queue(45, "待签发的上级草案反馈意见", "收文日期", LEGISLATION_SIGN, sign_rows),
    )
