"""Reads on enforcement cases, applying the data scope: a user sees the cases of their unit and
the units below it (bureau-wide roles see all), plus the cases where they are an assigned
officer; 法制审核人员 see the review queue of every unit."""

from __future__ import annotations

from datetime import date

from django.db.models import BigIntegerField, CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404

from fazhi.accounts.selectors import scope_queryset, user_sees_all_units, visible_unit_ids
from fazhi.core.domain.time_limits import UnknownRule, rule_for
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadline_rows, deadlines_for_subject
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.models import ArrearsDateEntry, Case, CaseDateEntry, CorrectionOrder
from fazhi.officers.selectors import officer_for_user

CASE_TYPE = Case._meta.label_lower


def _overdue_case_ids(today: date) -> QuerySet:
    """Ids of the cases with an open deadline past due: few, found on the deadline index.

    Limited to their own count, counted first on the index: PostgreSQL estimates "open and
    past due" as open × past due — ten times too many, as open deadlines mostly lie ahead —
    and would hash every case of the table instead of fetching these few; the LIMIT gives it
    the true figure (EXPLAIN ANALYZE at a million cases: 271 ms → 22 ms for the leader).
    """
    # The cast sits in the select list, so it only ever sees case subject ids (numbers).
    ids = (
        Deadline.objects.filter(subject_type=CASE_TYPE, status=DeadlineStatus.OPEN, due__lt=today)
        .order_by()
        .annotate(case_id=Cast("subject_id", BigIntegerField()))
        .values("case_id")
    )
    return ids[: ids.count()]


def case_visible_to(user) -> QuerySet[Case]:
    qs = Case.objects.select_related("power_item", "org_unit")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser or user_sees_all_units(user):
        return qs
    units = visible_unit_ids(user)
    scope = Q(org_unit_id__in=units)
    officer = officer_for_user(user)
    if officer is not None:
        # Only the assigned cases outside the user's units widen the scope (usually none): an
        # OR on the whole assignment table would keep the database from walking the
        # (org_unit, received_on) index in page order.
        outside = list(
            _assigned_to(officer)
            .exclude(case__org_unit_id__in=units)
            .values_list("case_id", flat=True)
        )
        if outside:
            scope |= Q(pk__in=outside)
    return qs.filter(scope)


def _assigned_to(officer) -> QuerySet:
    return Case.officers.through.objects.filter(officer_id=officer.pk).values("case_id")


def case_list(
    *,
    user,
    status: str = "",
    overdue: bool = False,
    mine: bool = False,
    query: str = "",
    year: int | None = None,
    today: date,
) -> QuerySet[Case]:
    """我的案件: filters by status, overdue (an open deadline past due), assignment, text."""
    officer = officer_for_user(user) if mine else None
    if officer is not None:
        # The cases assigned to the user are visible by definition: skip the scope query.
        qs = Case.objects.select_related("power_item", "org_unit").filter(
            pk__in=_assigned_to(officer)
        )
    else:
        qs = case_visible_to(user)
        if mine:
            qs = qs.filter(created_by=user)
    if status == "open":
        qs = qs.filter(status__in=[s.value for s in flow.OPEN_STATUSES])
    elif status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(received_on__year=year)
    if query:
        qs = qs.filter(
            Q(reference__icontains=query)
            | Q(party_name__icontains=query)
            | Q(cause__icontains=query)
            | Q(decision_number__icontains=query)
        )
    if overdue:
        qs = qs.filter(pk__in=_overdue_case_ids(today))
    return qs.order_by("-received_on", "-pk")


def case_get_for_user(*, pk: int, user) -> Case:
    case = case_visible_to(user).filter(pk=pk).first()
    if case is None:
        raise Http404("未找到该案件")
    return case


def case_by_reference(reference: str) -> Case | None:
    return Case.objects.select_related("power_item", "org_unit").filter(reference=reference).first()


def review_queue(*, user) -> QuerySet[Case]:
    """Cases waiting for 法制审核 in the user's scope: every unit's for the 法制审核人员 (a
    bureau-wide role); should the role ever be held below the bureau, its own units'."""
    return case_visible_to(user).filter(status=flow.Status.REVIEW).order_by("updated_at")


def date_entries(case: Case) -> list[CaseDateEntry]:
    """The case's typed step dates beside the day each was entered and by whom, in entry order."""
    return list(case.date_entries.select_related("entered_by").order_by("entered_at", "pk"))


def flagged_date_entries(*, user) -> QuerySet[CaseDateEntry]:
    """Typed dates flagged 疑似倒签 or 补录掩盖超期 on the cases ``user`` sees, newest entry
    first (for supervision)."""
    return (
        CaseDateEntry.objects.filter(flagged=True, case__in=case_visible_to(user))
        .select_related("case", "entered_by")
        .order_by("-entered_at", "-pk")
    )


def flagged_arrears_date_entries(*, user) -> QuerySet[ArrearsDateEntry]:
    """Typed arrears step dates flagged 疑似倒签 or 补录掩盖超期 on the arrears cases ``user``
    sees (the same unit scope as the arrears list), newest entry first."""
    flagged = ArrearsDateEntry.objects.filter(flagged=True)
    return (
        scope_queryset(flagged, user=user, unit_field="case__org_unit")
        .select_related("case", "entered_by")
        .order_by("-entered_at", "-pk")
    )


def flagged_typed_dates(*, user, limit: int = 100) -> list[CaseDateEntry | ArrearsDateEntry]:
    """Flagged typed dates of enforcement and arrears cases ``user`` sees, newest entry first
    (the supervision 执法预警 page)."""
    rows: list[CaseDateEntry | ArrearsDateEntry] = [
        *flagged_date_entries(user=user)[:limit],
        *flagged_arrears_date_entries(user=user)[:limit],
    ]
    rows.sort(key=lambda e: (e.entered_at, e.pk), reverse=True)
    return rows[:limit]


def case_deadlines(case: Case, *, today: date):
    rows = list(
        deadline_rows(deadlines_for_subject(subject=case).order_by("start", "pk"), today=today)
    )
    for order in CorrectionOrder.objects.filter(case=case):
        rows += deadline_rows(deadlines_for_subject(subject=order), today=today)
    return rows


def clock_note(case: Case) -> str:
    """Why a case has no decision clock (2017 text of 行政处罚法: no period for the decision)."""
    if case.procedure != flow.Procedure.GENERAL or case.filed_on is None:
        return ""
    try:
        rule_for("penalty.decision", case.filed_on)
    except UnknownRule:
        return (
            "本案于2021年7月15日前立案，适用2017年修正的行政处罚法，该法未规定作出处罚决定的期限，"
            "故不设决定期限（2021年修订后第六十条的90日期限仅适用于此后立案的案件）。"
        )
    return ""


VERB_LABELS = {
    "register": "登记",
    "accept": "受理",
    "reject": "不予受理",
    "file": "立案",
    "extend": "延长调查期限",
    "withdraw": "撤销立案",
    "act": "调查取证",
    "order": "责令改正",
    "order_followup": "整改复查",
    "notify": "告知",
    "hearing_request": "要求听证",
    "hearing_notice": "听证通知",
    "hearing_record": "听证笔录",
    "hearing_close": "听证结束",
    "review_submit": "提交法制审核",
    "review": "法制审核意见",
    "discuss": "集体讨论",
    "propose": "提出处理意见",
    "send_back": "负责人退回",
    "decide": "负责人作出决定",
    "serve": "送达",
    "pay": "缴纳罚款或加付赔偿金",
    "remind": "催告",
    "apply_court": "申请法院强制执行",
    "close": "结案",
    "archive": "归档",
    "export": "导出案卷",
}


def timeline(case: Case) -> list[dict]:
    """Every audit event on the case, in chain order, with a Chinese label."""
    from fazhi.core.models import AuditEvent

    events = (
        AuditEvent.objects.filter(target_type=Case._meta.label_lower, target_id=str(case.pk))
        .select_related("actor")
        .order_by("seq")
    )
    return [
        {"event": e, "label": VERB_LABELS.get(e.action.rsplit(".", 1)[-1], e.action)}
        for e in events
    ]


def overdue_deadlines(*, user, today: date) -> QuerySet[Deadline]:
    """Open deadlines of the cases ``user`` sees that were due before ``today``, oldest first."""
    qs = Deadline.objects.filter(
        subject_type=CASE_TYPE, status=DeadlineStatus.OPEN, due__lt=today
    ).order_by("due", "pk")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser or user_sees_all_units(user):
        return qs
    # The user's cases among the few with an overdue deadline, their ids as text to match
    # subject_id (never cast subject_id itself: other subjects' ids need not be numbers).
    cases = case_visible_to(user).filter(pk__in=_overdue_case_ids(today))
    return qs.filter(subject_id__in=cases.annotate(sid=Cast("pk", CharField())).values("sid"))


def with_cases(deadlines, *, today: date) -> list[tuple]:
    """(deadline row, case) for case deadlines, the cases fetched in one query."""
    rows = deadline_rows(list(deadlines), today=today)
    cases = Case.objects.in_bulk([int(r.deadline.subject_id) for r in rows])
    return [(r, cases.get(int(r.deadline.subject_id))) for r in rows]


def case_by_reference_or_number(ref: str) -> Case | None:
    """The case a dispute names: by its 案件编号, else by its 决定书文号 (what a party quotes)."""
    ref = (ref or "").strip()
    if not ref:
        return None
    return case_by_reference(ref) or Case.objects.filter(decision_number=ref).first()
