"""Reads of the education app: live participation and pass per unit and overall."""

from __future__ import annotations

from django.db.models import Count, Q

from fazhi.education.domain.exam import rate
from fazhi.education.models import Enrolment, Exam, Sitting


def participation(exam: Exam) -> dict:
    """Per unit and overall: enrolled, sat (handed in at least once), passed (any attempt), and
    the rates. Live: counted from the rows on every call."""
    rows = (
        Enrolment.objects.filter(exam=exam)
        .values("org_unit__name", "org_unit__path")
        .annotate(
            enrolled=Count("pk", distinct=True),
            sat=Count("pk", filter=Q(sittings__submitted_at__isnull=False), distinct=True),
            passed=Count("pk", filter=Q(sittings__passed=True), distinct=True),
        )
        .order_by("org_unit__path")
    )
    units = []
    total = {"enrolled": 0, "sat": 0, "passed": 0}
    for row in rows:
        entry = {k: row[k] for k in ("enrolled", "sat", "passed")}
        for k in total:
            total[k] += entry[k]
        units.append(_with_rates({"unit": row["org_unit__name"], **entry}))
    return {"units": units, "overall": _with_rates(total)}


def _with_rates(entry: dict) -> dict:
    entry["participation"] = rate(entry["sat"], entry["enrolled"])
    entry["pass_rate"] = rate(entry["passed"], entry["enrolled"])
    return entry


def my_exams(user):
    return Exam.objects.filter(enrolments__user=user).order_by("-opens_at")


def my_sittings(user, exam: Exam):
    return Sitting.objects.filter(enrolment__user=user, enrolment__exam=exam).order_by("attempt")


def results(exam: Exam):
    return (
        Sitting.objects.filter(enrolment__exam=exam)
        .select_related("enrolment__user", "enrolment__org_unit")
        .order_by("enrolment__org_unit__path", "enrolment__user__username", "attempt")
    )


def rules_text(exam: Exam) -> list[str]:
    """The paper rules in words: 单选题 5 道，每道 10 分（限：劳动合同法）."""
    from fazhi.education.domain.exam import QTYPE_NAMES, QType

    lines = []
    for rule in exam.rules:
        text = f"{QTYPE_NAMES[QType(rule['qtype'])]} {rule['count']} 道，每道 {rule.get('points', 1):g} 分"
        works = [w.partition(":")[2] or w for w in rule.get("works") or []]
        lines.append(text + (f"（限：{'、'.join(works)}）" if works else ""))
    return lines


def pufa_year(year: int, units=None) -> dict:
    """The year's 普法 records: the plan, the 普法责任清单 items, the activities with their
    competitions and materials, and 学法 hours per person. ``units`` (ids) limits the items
    and activities to those units' (谁执法谁普法: a unit sees what it leads); None: all."""
    from django.db.models import Count, Sum

    from fazhi.education.models import Activity, DutyItem, PufaPlan, StudyRecord

    items = DutyItem.objects.filter(year=year).select_related("lead_unit").order_by("kind", "pk")
    activities = Activity.objects.filter(year=year)
    if units is not None:
        items = items.filter(lead_unit_id__in=units)
        activities = activities.filter(org_unit_id__in=units)
    activities = (
        activities.select_related("org_unit")
        .prefetch_related("teams", "stages__results", "materials__evidence")
        .annotate(people=Count("participants", distinct=True))
        .order_by("starts_on", "pk")
    )
    study = (
        StudyRecord.objects.filter(year=year)
        .values("user__full_name", "user__username", "org_unit__name")
        .annotate(hours=Sum("hours"), sessions=Count("pk"))
        .order_by("org_unit__name", "user__username")
    )
    return {
        "plan": PufaPlan.objects.filter(year=year).first(),
        "items": list(items),
        "activities": list(activities),
        "study": list(study),
    }
