"""Enforcement's 待办 queues (registered in ``EnforcementConfig.ready``; see core/selectors/worklist)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from fazhi.accounts.permissions import ENFORCEMENT_DECIDE, ENFORCEMENT_LEGAL_REVIEW
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.selectors.worklist import QUEUE_LIMIT, Queue, QueueRow, queue_rows, register
from fazhi.enforcement.domain.case_flow import Status
from fazhi.enforcement.models import Case
from fazhi.enforcement.selectors import review_queue
from fazhi.enforcement.services.cases_common import investigator_user_ids


def _case_rows(cases, today: date, *, submitted) -> list[QueueRow]:
    rows = queue_rows(
        cases,
        today,
        title=lambda case: f"{case.reference} {case.party_name}：{case.cause}",
        submitted=submitted,
    )
    return sorted(rows, key=lambda r: (r.due is None, r.due or date.max))


def review_rows(user, today: date) -> list[QueueRow]:
    cases = [
        c
        for c in review_queue(user=user).prefetch_related("reviews")[:QUEUE_LIMIT]
        if user.pk not in investigator_user_ids(c)  # 调查人员不得审核本案
    ]

    def submitted(case):
        rounds = [r for r in case.reviews.all() if r.reviewed_on is None]
        return rounds[-1].submitted_on if rounds else None

    return _case_rows(cases, today, submitted=submitted)


def decision_rows(user, today: date) -> list[QueueRow]:
    cases = scope_queryset(
        Case.objects.select_related("org_unit").filter(status=Status.PROPOSED), user=user
    ).order_by("updated_at")[:QUEUE_LIMIT]
    return _case_rows(cases, today, submitted=lambda c: timezone.localdate(c.updated_at))


def register_queues() -> None:
    register(
        "enforcement.legal_review",
        Queue(
            10, "法制审核（行政处罚决定前）", "提交审核日期", ENFORCEMENT_LEGAL_REVIEW, review_rows
        ),
    )
    register(
        "enforcement.decide",
        Queue(30, "待负责人决定的案件", "报送日期", ENFORCEMENT_DECIDE, decision_rows),
    )
