"""Reads on the statutory clock: computing a due date, the rule table, a user's deadlines."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import CharField, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast

from fazhi.core.domain.time_limits import (
    RULES,
    Due,
    Remaining,
    TimeLimit,
    UnknownRule,
    due_date,
    remaining,
    rule_for,
)
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.calendar import time_limit_overrides, work_calendar
from fazhi.core.selectors.scope import scope_queryset


def deadline_compute(*, code: str, start: date, extended: bool = False) -> Due:
    """Due date of rule ``code`` from ``start`` on the live calendar and configured overrides.

    Raises `UnknownRule`, `RuleNotExtendable` or `CalendarDataMissing` (all with Chinese text).
    """
    return due_date(
        code, start, work_calendar(), extended=extended, overrides=time_limit_overrides()
    )


def time_limit_rules(*, on: date | None = None) -> list[TimeLimit]:
    """Every rule version (or only those in force ``on``), in table order."""
    return [rule for rule in RULES if on is None or rule.applies_on(on)]


def effective_days(rule: TimeLimit) -> int:
    """The days a rule counts with here: its statutory number, or the configured override."""
    return rule.days if rule.verified else time_limit_overrides().get(rule.code, rule.days)


def warning_working_days() -> int:
    return int(settings.FAZHI.get("DEADLINE_WARNING_WORKING_DAYS", 3))


@dataclass(frozen=True)
class DeadlineRow:
    deadline: Deadline
    rule_title: str
    remaining: Remaining | None  # None once the deadline is closed
    url: str = ""  # the record's staff page, where the user acts on it

    @property
    def css_class(self) -> str:
        return self.remaining.urgency.value if self.remaining else ""


def rule_title(deadline: Deadline) -> str:
    """The deadline's own title, else its rule's (the code only for an unknown rule)."""
    if deadline.title:
        return deadline.title
    try:
        return rule_for(deadline.rule_code, deadline.start).title
    except UnknownRule:
        return deadline.rule_code


def deadline_rows(
    deadlines: QuerySet[Deadline] | list[Deadline], *, today: date
) -> list[DeadlineRow]:
    """Attach the rule title and, for open deadlines, how close the due date is."""
    calendar = work_calendar()
    warn = warning_working_days()
    rows = []
    for deadline in deadlines:
        left = (
            remaining(deadline.due, today, calendar, warn_within=warn)
            if deadline.status == DeadlineStatus.OPEN
            else None
        )
        rows.append(DeadlineRow(deadline, rule_title(deadline), left))
    return rows


def deadlines_open_for_user(*, user) -> QuerySet[Deadline]:
    return Deadline.objects.filter(owner=user, status=DeadlineStatus.OPEN).order_by("due", "id")


def deadlines_for_user(*, user, today: date) -> list[DeadlineRow]:
    """The user's open deadlines (owner = user), soonest first, with their urgency."""
    if not getattr(user, "is_authenticated", False):
        return []
    rows = deadline_rows(deadlines_open_for_user(user=user), today=today)
    urls = subject_urls((row.deadline for row in rows), user=user)
    return [replace(row, url=urls.get(row.deadline.pk, "")) for row in rows]


def _openable(model, user):
    """The records of ``model`` that ``user`` may open: the model's own ``visible_to(user)``
    when it has one, else the unit scope of its ``org_unit``, else all of them."""
    if hasattr(model, "visible_to"):
        return model.visible_to(user)
    if any(f.name == "org_unit" for f in model._meta.get_fields()):
        return scope_queryset(model._default_manager.all(), user=user)
    return model._default_manager.all()


def subject_urls(deadlines, *, user=None) -> dict[int, str]:
    """Deadline id → the staff page of the record it hangs on (its ``get_absolute_url``).

    With ``user``, only records that user may open get a link (我的期限 never leads to a page
    that answers 404). One query per kind of record; the clock does not know the apps, only
    Django's registry.
    """
    by_type: dict[str, list[Deadline]] = defaultdict(list)
    for deadline in deadlines:
        by_type[deadline.subject_type].append(deadline)
    urls = {}
    for label, group in by_type.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):  # a record type since removed
            continue
        if not hasattr(model, "get_absolute_url"):
            continue
        ids = {d.pk: int(d.subject_id) for d in group if d.subject_id.isdigit()}
        manager = _openable(model, user) if user is not None else model._default_manager
        records = manager.in_bulk(set(ids.values()))
        urls.update(
            (pk, records[record].get_absolute_url())
            for pk, record in ids.items()
            if record in records
        )
    return urls


def deadlines_for_subject(*, subject: models.Model) -> QuerySet[Deadline]:
    """Every deadline hanging on one record (any status)."""
    return Deadline.objects.filter(
        subject_type=subject._meta.label_lower, subject_id=str(subject.pk)
    ).order_by("due", "id")


def deadlines_open_overdue(*, today: date) -> QuerySet[Deadline]:
    """Open deadlines whose due date has passed (for reminders and dashboards)."""
    return Deadline.objects.filter(status=DeadlineStatus.OPEN, due__lt=today)


def by_nearest_deadline(records: QuerySet) -> QuerySet:
    """Records ordered by their nearest open deadline, soonest first; those without one last.

    The order is the database's, so a register can be paged: the most urgent case is on page 1
    whatever the number of cases. Annotates ``nearest_due``.
    """
    nearest = (
        Deadline.objects.filter(
            subject_type=records.model._meta.label_lower,
            subject_id=Cast(OuterRef("pk"), CharField()),
            status=DeadlineStatus.OPEN,
        )
        .order_by("due")
        .values("due")[:1]
    )
    return records.annotate(nearest_due=Subquery(nearest)).order_by(
        F("nearest_due").asc(nulls_last=True), "-pk"
    )


def nearest_open(records: list, *, today: date) -> list[tuple]:
    """(record, its nearest open deadline or None, how close it is or None) for each record."""
    if not records:
        return []
    nearest: dict[str, Deadline] = {}
    for deadline in Deadline.objects.filter(
        subject_type=records[0]._meta.label_lower,
        subject_id__in=[str(r.pk) for r in records],
        status=DeadlineStatus.OPEN,
    ).order_by("due", "id"):
        nearest.setdefault(deadline.subject_id, deadline)
    rows = {r.deadline.subject_id: r for r in deadline_rows(list(nearest.values()), today=today)}
    return [
        (record, row.deadline, row.remaining)
        if (row := rows.get(str(record.pk)))
        else (record, None, None)
        for record in records
    ]


@dataclass(frozen=True)
class KindCount:
    """Open deadlines of one kind of record in a user's units: overdue, and due soon."""

    label: str  # the record type's verbose name (执法案件, 规范性文件 …)
    overdue: int
    due_soon: int
    url: str = ""  # the staff list where they are worked through (the model's ``list_url``)


def deadlines_overview(*, user, today: date) -> list[KindCount]:
    """The open deadlines in the units ``user`` reads, counted by kind of record.

    "Due soon" runs to the end of the warning window in working days (the calendar is asked
    once, for the window's last day). Deadlines hung on org units (demo markers) are left out.
    """
    open_ones = Deadline.objects.filter(status=DeadlineStatus.OPEN).exclude(
        subject_type="accounts.orgunit"
    )
    open_ones = scope_queryset(open_ones, user=user)
    window_end = work_calendar().add_working_days(today, warning_working_days())
    counts = (
        open_ones.values("subject_type")
        .annotate(
            overdue=models.Count("id", filter=models.Q(due__lt=today)),
            due_soon=models.Count("id", filter=models.Q(due__gte=today, due__lte=window_end)),
        )
        .order_by("subject_type")
    )
    rows = []
    for c in counts:
        if c["overdue"] or c["due_soon"]:
            label, url = _kind(c["subject_type"])
            rows.append(KindCount(label, c["overdue"], c["due_soon"], url))
    return sorted(rows, key=lambda r: (-r.overdue, -r.due_soon, r.label))


def _kind(subject_type: str) -> tuple[str, str]:
    """(label, list url) of a record type, through Django's registry."""
    try:
        model = apps.get_model(subject_type)
    except (LookupError, ValueError):
        return subject_type, ""
    url = model.list_url() if hasattr(model, "list_url") else ""
    return str(model._meta.verbose_name), url
