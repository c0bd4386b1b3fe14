"""Reads for supervision: the warnings a user may see (units see theirs; bureau-wide roles —
法规处, 局领导 — see all), 案卷评查 results and the 统计年报. The facts the warning rules read
are in ``facts``, the leaders' dashboard in ``dashboard``; both are re-exported here."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet

from fazhi.accounts.selectors import scope_queryset
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.models import Case
from fazhi.supervision.domain import casefile
from fazhi.supervision.models import Warning
from fazhi.supervision.selectors.facts import (  # noqa: F401 - the selectors' public names
    CASE_TYPE,
    FINISHED,
    CaseBatch,
    _decimal,
    case_facts,
    case_findings,
    thresholds,
)


def warnings_for(user, *, status: str | None = Warning.Status.OPEN, rule: str = "") -> QuerySet:
    qs = scope_queryset(Warning.objects.select_related("org_unit"), user=user)
    if status:
        qs = qs.filter(status=status)
    if rule:
        qs = qs.filter(rule=rule)
    return qs.order_by("-level", "-opened_at", "pk")


YEARBOOK_TYPE = "supervision.yearbook"  # rule 12's warnings are on a year, not a record


def subject_url(warning: Warning) -> str:
    from django.urls import reverse

    if warning.subject_type == CASE_TYPE:
        return reverse("enforcement:case_detail", args=[int(warning.subject_id)])
    if warning.subject_type == YEARBOOK_TYPE:
        return reverse("supervision:yearbook") + f"?year={warning.subject_id}"
    return ""


DECISIONS_LABEL = "处罚决定（件）"
AMOUNT_LABEL = "罚没金额（万元）"


def yearbook_figures(year: int) -> dict:
    """The figures of the 统计年报 rule 12 compares (the 处罚 table's total and amount)."""
    table = yearbook(year)["penalty"]
    return {DECISIONS_LABEL: table.total, AMOUNT_LABEL: table.amount_wan}


def platform_figures(year: int) -> dict:
    """The same figures from what the city platform accepted: the last accepted version of each
    case whose decision is dated in ``year`` (the first row per case in this order; DISTINCT ON
    would do it on PostgreSQL only)."""
    from fazhi.supervision.domain import statistics as st
    from fazhi.supervision.models import PushItem

    rows = (
        PushItem.objects.filter(
            subject_type=CASE_TYPE,
            status=PushItem.Status.ACCEPTED,
            payload__decided_on__startswith=f"{year}-",
        )
        .order_by("subject_id", "-accepted_at", "-pk")
        .values_list("subject_id", "payload")
    )
    latest: dict = {}
    for subject_id, payload in rows.iterator(chunk_size=2000):
        latest.setdefault(subject_id, payload)
    count, amount = 0, Decimal(0)
    for payload in latest.values():
        if payload.get("outcome") == "no_penalty":
            continue
        count += 1
        amount += _decimal(payload.get("fine_yuan")) or Decimal(0)
    return {DECISIONS_LABEL: count, AMOUNT_LABEL: st.wan(amount)}


def bureau_unit():
    """The unit year-level warnings belong to: the root of the unit tree."""
    from fazhi.accounts.models import OrgUnit

    return OrgUnit.objects.filter(parent__isnull=True).order_by("pk").first()


def case_file_gaps(case: Case) -> list[casefile.Gap]:
    """What the case's file lacks for the path it took (the check before closing)."""
    return casefile.gaps(case_file_facts(case))


def case_file_facts(case: Case) -> casefile.FileFacts:
    acts = list(case.acts.all())
    kinds = {a.kind for a in acts}
    interviews = [a for a in acts if a.kind == act_rules.ActKind.INTERVIEW]
    reviews = list(case.reviews.all())
    return casefile.FileFacts(
        filed=case.filed_on is not None,
        filing_approved=case.filing_approver_id is not None,
        interviews=len(interviews),
        unsigned_interviews=sum(1 for a in interviews if not _signed(a)),
        notified=case.notified_on is not None,
        decided=case.decided_on is not None,
        served=case.served_on is not None and bool(case.service_recipient),
        review_required=bool(reviews)
        or any(
            (case.is_public_interest, case.is_social_impact, case.is_major_rights, case.is_complex)
        ),
        review_agreed=any(r.opinion == "agree" and r.reviewed_on for r in reviews),
        serious=case.is_serious,
        discussed=act_rules.ActKind.DISCUSSION in kinds,
        fine=bool(case.fine),
        paid=case.paid_on is not None,
        court_applied=case.court_applied_on is not None,
        outcome=case.outcome or "",
    )


def _signed(act) -> bool:
    """A 询问笔录 is signed when the file holds the signed page or the refusal is noted."""
    data = act.data or {}
    return bool(data.get("signed") or data.get("signature_refused") or act.evidence.exists())


def open_counts_by_rule(user) -> dict[str, int]:
    from django.db.models import Count

    rows = (
        warnings_for(user)
        .order_by()
        .values("rule")
        .annotate(n=Count("pk"))
        .values_list("rule", "n")
    )
    return dict(rows)


# --- 案卷评查 ------------------------------------------------------------------------------------


def campaign_results(campaign) -> dict:
    """Scores and grades per unit, the grade counts, and the problems found (by item)."""
    from collections import Counter, defaultdict

    from fazhi.supervision.domain import scoring
    from fazhi.supervision.models import Deduction, ReviewFile

    sheet = scoring.parse_sheet(campaign.sheet)
    files = list(
        ReviewFile.objects.filter(campaign=campaign)
        .select_related("case", "org_unit")
        .prefetch_related("reviewers")
        .order_by("org_unit__path", "case__reference")
    )
    units: dict = defaultdict(list)
    for f in files:
        units[f.org_unit].append(f)
    per_unit = []
    for unit, rows in units.items():
        scored = [f.score for f in rows if f.score is not None]
        per_unit.append(
            {
                "unit": unit,
                "files": len(rows),
                "average": (sum(scored) / len(scored)).quantize(Decimal("0.1")) if scored else None,
                "grades": sorted(
                    Counter(scoring.GRADE_LABELS.get(f.grade, "未评") for f in rows).items()
                ),
            }
        )
    problems: dict = defaultdict(list)
    for d in Deduction.objects.filter(file__campaign=campaign).select_related("file__case"):
        problems[d.item_code].append(d)
    items = {i.code: i for i in sheet.items}
    return {
        "files": files,
        "per_unit": per_unit,
        "grades": sorted(Counter(scoring.GRADE_LABELS.get(f.grade, "未评") for f in files).items()),
        "problems": [(items[c], ds) for c, ds in sorted(problems.items()) if c in items],
        "sheet": sheet,
    }


# --- 行政执法统计年报 ----------------------------------------------------------------------------


def yearbook(year: int, *, org_unit=None) -> dict:
    """The year's tables from the records: 处罚 (each decision once, under its heaviest type),
    检查 (现场检查笔录 dated in the year) and 持证 (officers' register)."""
    from fazhi.enforcement.models import CaseAct
    from fazhi.officers.selectors import certification_stats
    from fazhi.supervision.domain import statistics as st

    cases = Case.objects.filter(decided_on__year=year)
    acts = CaseAct.objects.filter(kind=act_rules.ActKind.INSPECTION, on__year=year)
    if org_unit is not None:
        cases = cases.filter(org_unit__path__startswith=org_unit.path)
        acts = acts.filter(case__org_unit__path__startswith=org_unit.path)
    decisions = [
        st.Decision(
            key=ref,
            decided_on=decided_on,
            fine=fine or Decimal(0),
            measures=tuple(measures or ()),
            penalised=outcome != "no_penalty",
        )
        for ref, decided_on, fine, measures, outcome in cases.values_list(
            "reference", "decided_on", "fine", "measures", "outcome"
        ).order_by("reference")
    ]
    table = st.penalty_table(year, decisions)
    certs = certification_stats(year=year)
    return {
        "year": year,
        "due": st.due_date(year),
        "penalty": table,
        "types": st.TYPES,
        "inspections": acts.count(),
        "inspection_records": list(
            acts.order_by("case__reference", "seq").values_list("case__reference", flat=True)
        ),
        "certified": certs.get("certified", 0),
        "officers": certs.get("officers", 0),
    }


def yearbook_snapshot(year: int) -> dict:
    """The year's tables as plain JSON (what the portal publishes): counts and records per type,
    the amount in 万元 as a string, inspections and certification."""
    from fazhi.supervision.domain import statistics as st

    d = yearbook(year)
    table = d["penalty"]
    return {
        "year": year,
        "due": d["due"].isoformat(),
        "penalty": {
            "types": [[code, label] for code, label in st.TYPES],
            "counts": dict(table.counts),
            "records": {k: list(v) for k, v in table.records.items()},
            "total": table.total,
            "amount_wan": str(table.amount_wan),
        },
        "inspections": d["inspections"],
        "inspection_records": sorted(set(d["inspection_records"])),
        "officers": d["officers"],
        "certified": d["certified"],
    }


def published_yearbooks() -> QuerySet:
    """The 统计年报 published on the portal, newest year first (public)."""
    from fazhi.supervision.models import YearbookPublication

    return YearbookPublication.objects.only(
        "year", "published_on", "first_published_on", "version"
    ).order_by("-year")


def published_yearbook(year: int):
    """One published 统计年报, or None (public)."""
    from fazhi.supervision.models import YearbookPublication

    return YearbookPublication.objects.filter(year=year).first()


from fazhi.supervision.selectors.dashboard import (  # noqa: E402, F401 - public names
    dashboard,
    dashboard_cases,
    dashboard_disputes,
    dispute_charts,
)
