"""待办 (issue 19.4): what each person has to do next, read from the clock's deadlines and the
records' states — the officer's cases and steps due, the reviewer's 法制审核 and 合法性审核
queues, the leader's decisions awaiting the 负责人. Each row names and links its record and
shows its due date; the officer's rows are grouped overdue / due soon / later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from fazhi.accounts.permissions import (
    ENFORCEMENT_DECIDE,
    ENFORCEMENT_LEGAL_REVIEW,
    NORMDOCS_LEGALITY_REVIEW,
    REPORTS_APPROVE,
    REPORTS_DRAFT,
    allowed,
)
from fazhi.core.documents import agency_name
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import (
    deadline_rows,
    deadlines_for_subject,
    deadlines_for_user,
    warning_working_days,
)

LATER_SHOWN = 20  # the "later" group is folded past this many rows
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


def _nearest(subject, today: date) -> tuple:
    """(due, rule title, urgency, remaining label) of the record's soonest open deadline."""
    open_ = deadlines_for_subject(subject=subject).filter(status=DeadlineStatus.OPEN)
    rows = deadline_rows(open_.order_by("due", "pk")[:1], today=today)
    if not rows:
        return None, "", "", ""
    row = rows[0]
    return row.deadline.due, row.rule_title, row.css_class, row.remaining.label


def _case_rows(cases, today: date, *, submitted) -> list[QueueRow]:
    rows = []
    for case in cases:
        due, rule, urgency, left = _nearest(case, today)
        rows.append(
            QueueRow(
                title=f"{case.reference} {case.party_name}：{case.cause}",
                url=case.get_absolute_url(),
                unit=case.org_unit.name,
                submitted_on=submitted(case),
                due=due,
                due_rule=rule,
                urgency=urgency,
                remaining=left,
            )
        )
    return sorted(rows, key=lambda r: (r.due is None, r.due or date.max))


def _review_queue(user, today: date) -> list[QueueRow]:
    from fazhi.enforcement.selectors import review_queue
    from fazhi.enforcement.services.cases_common import investigator_user_ids

    cases = [
        c
        for c in review_queue(user=user).prefetch_related("reviews")[:QUEUE_LIMIT]
        if user.pk not in investigator_user_ids(c)  # 调查人员不得审核本案
    ]

    def submitted(case):
        rounds = [r for r in case.reviews.all() if r.reviewed_on is None]
        return rounds[-1].submitted_on if rounds else None

    return _case_rows(cases, today, submitted=submitted)


def _decisions(user, today: date) -> list[QueueRow]:
    from fazhi.accounts.selectors import scope_queryset
    from fazhi.enforcement.domain.case_flow import Status
    from fazhi.enforcement.models import Case

    cases = scope_queryset(
        Case.objects.select_related("org_unit").filter(status=Status.PROPOSED), user=user
    ).order_by("updated_at")[:QUEUE_LIMIT]
    return _case_rows(cases, today, submitted=lambda c: timezone.localdate(c.updated_at))


def _normdocs(user, today: date) -> list[QueueRow]:
    from fazhi.normdocs.domain.states import Stage
    from fazhi.normdocs.selectors import document_list

    rows = []
    for document in document_list(user=user, stage=Stage.LEGALITY_REVIEW)[:QUEUE_LIMIT]:
        due, rule, urgency, left = _nearest(document, today)
        rows.append(
            QueueRow(
                title=document.title,
                url=document.get_absolute_url(),
                unit=document.org_unit.name,
                submitted_on=None,
                due=due,
                due_rule=rule,
                urgency=urgency,
                remaining=left,
            )
        )
    return rows


def _annual_report(today: date) -> list[QueueRow]:
    """The previous year's 法治政府建设情况报告 from 1 January until it is published."""
    from fazhi.reports.selectors import annual_reminder

    found = annual_reminder(today)
    if found is None:
        return []
    due, url = found
    return [
        QueueRow(
            title=f"{due.year}年法治政府建设情况报告（{due.state}）",
            url=url,
            unit=agency_name(),
            submitted_on=None,
            due=due.due,
            due_rule=f"{due.act}期限（《法治政府建设与责任落实督察工作规定》）",
            urgency="overdue" if due.overdue else "due-soon",
            remaining=due.remaining,
        )
    ]


@login_required
def worklist(request):
    today = timezone.localdate()
    user = request.user
    mine = deadlines_for_user(user=user, today=today)
    groups = {
        "overdue": [r for r in mine if r.css_class == "overdue"],
        "soon": [r for r in mine if r.css_class == "due-soon"],
        "later": [r for r in mine if r.css_class not in ("overdue", "due-soon")],
    }
    queues = []
    if allowed(user, ENFORCEMENT_LEGAL_REVIEW):
        queues.append(("法制审核（行政处罚决定前）", "提交审核日期", _review_queue(user, today)))
    if allowed(user, NORMDOCS_LEGALITY_REVIEW):
        queues.append(("规范性文件合法性审核", "", _normdocs(user, today)))
    if allowed(user, ENFORCEMENT_DECIDE):
        queues.append(("待负责人决定的案件", "报送日期", _decisions(user, today)))
    if allowed(user, REPORTS_DRAFT) or allowed(user, REPORTS_APPROVE):
        queues.append(("年度法治政府建设情况报告", "", _annual_report(today)))
    context = {
        "groups": groups,
        "later_shown": groups["later"][:LATER_SHOWN],
        "later_folded": groups["later"][LATER_SHOWN:],
        "queues": queues,
        "warning_days": warning_working_days(),
        "today": today,
    }
    return render(request, "core/worklist.html", context)
