"""Reads for supervision: the facts of a case the warning rules read, the warnings a user may
see (units see theirs; bureau-wide roles — 法规处, 局领导 — see all)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db.models import QuerySet

from fazhi.accounts.selectors import scope_queryset
from fazhi.core.selectors.calendar import work_calendar
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.models import Case
from fazhi.officers.selectors import valid_certificate
from fazhi.publicity.selectors import record_of
from fazhi.supervision.domain import casefile
from fazhi.supervision.domain import warnings as rules
from fazhi.supervision.models import Warning

CASE_TYPE = Case._meta.label_lower
FINISHED = {flow.Status.REJECTED, flow.Status.WITHDRAWN}


def thresholds() -> dict:
    """The thresholds in force (configuration over the defaults); refuses a bad value."""
    return rules.parse_thresholds(settings.FAZHI.get("SUPERVISION_RULES") or {})


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _certified(officers, on: date) -> int:
    return sum(1 for o in officers if valid_certificate(officer=o, on=on) is not None)


def case_facts(case: Case) -> rules.CaseFacts:
    acts = list(case.acts.prefetch_related("officers").order_by("seq"))
    kinds = {a.kind for a in acts}
    reviews = list(case.reviews.all())
    publicity = record_of(case) if case.decided_on else None
    proposal = case.proposal or {}
    return rules.CaseFacts(
        procedure=case.procedure,
        filed_on=case.filed_on,
        decided_on=case.decided_on,
        finished=case.status in FINISHED,
        extended=act_rules.ActKind.EXTENSION in kinds,
        fine=case.fine,
        proposal_min=_decimal(proposal.get("min_amount")),
        proposal_max=_decimal(proposal.get("max_amount")),
        departure_reason=case.departure_reason,
        review_required=bool(reviews)
        or any(
            (case.is_public_interest, case.is_social_impact, case.is_major_rights, case.is_complex)
        ),
        review_agreed=any(r.opinion == "agree" and r.reviewed_on for r in reviews),
        decision_officers=(
            _certified(list(case.officers.all()), case.decided_on) if case.decided_on else 0
        ),
        acts=tuple(
            rules.ActFacts(a.get_kind_display(), a.on, _certified(list(a.officers.all()), a.on))
            for a in acts
            if a.kind in act_rules.TWO_OFFICER_KINDS
        ),
        hearing_told=bool(case.hearing_reasons),
        review_by_catalogue=_review_by_catalogue(case),
        hearing_right=_hearing_right(case),
        serious=case.is_serious,
        discussed=act_rules.ActKind.DISCUSSION in kinds,
        served_on=case.served_on,
        payment_due=case.payment_due,
        paid_on=case.paid_on,
        reminded_on=case.reminded_on,
        court_applied_on=case.court_applied_on,
        publicity_due=getattr(publicity, "due_on", None),
        published_on=getattr(publicity, "published_on", None),
        changed_on=getattr(publicity, "changed_on", None),
        withdrawn_on=getattr(publicity, "withdrawn_on", None),
        preservations=preservations_of(case),
        pushes=pushes_of(case),
    )


def preservations_of(case: Case) -> tuple[tuple[date, date | None], ...]:
    """The case's 先行登记保存 as (saved on, handled on) — rule 6."""
    from fazhi.supervision.models import Preservation

    return tuple(
        Preservation.objects.filter(case=case)
        .order_by("saved_on", "pk")
        .values_list("saved_on", "handled_on")
    )


PUSH_EVENTS = (("filed_on", "立案信息"), ("decided_on", "处罚决定信息"), ("closed_on", "结案信息"))


def pushes_of(case: Case) -> tuple[tuple[str, date, date | None], ...]:
    """Each event of the case the platform must receive — (what, when, the day the platform
    first accepted a version of the case carrying it, or None) — rule 10."""
    from django.utils import timezone

    from fazhi.supervision.models import PushItem

    accepted = list(
        PushItem.objects.filter(
            subject_type=CASE_TYPE,
            subject_id=str(case.pk),
            status=PushItem.Status.ACCEPTED,
            accepted_at__isnull=False,
        ).values_list("payload", "accepted_at")
    )
    out = []
    for key, label in PUSH_EVENTS:
        happened = getattr(case, key)
        if happened is None:
            continue
        days = [
            timezone.localdate(at)
            for payload, at in accepted
            if payload.get(key) == happened.isoformat()
        ]
        out.append((label, happened, min(days) if days else None))
    return tuple(out)


def _review_by_catalogue(case: Case) -> bool | None:
    """Whether enforcement's 法制审核 catalogue lists the case (None when it cannot say)."""
    from fazhi.enforcement.services.cases_common import review_triggers

    try:
        if case.decided_on is None:
            return bool(review_triggers(case))
        return bool(
            review_triggers(
                case,
                fine=case.fine or Decimal(0),
                measures=case.measures or [],
                outcome=case.outcome,
            )
        )
    except Exception:
        return None


def _hearing_right(case: Case) -> bool | None:
    """Whether the decided penalty carried a hearing right, by enforcement's thresholds."""
    if case.decided_on is None:
        return None
    from fazhi.enforcement.domain import hearing as hearing_rules
    from fazhi.enforcement.services.cases_common import hearing_thresholds

    try:
        return bool(
            hearing_rules.hearing_triggers(
                fine=case.fine or Decimal(0),
                party_kind=case.party_kind,
                measures=frozenset(case.measures or ()),
                thresholds=hearing_thresholds(),
            )
        )
    except Exception:
        return None


def case_findings(case: Case, *, today: date) -> list[rules.Finding]:
    return rules.evaluate(
        case_facts(case), today=today, thresholds=thresholds(), cal=work_calendar()
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


# --- 驾驶舱 -------------------------------------------------------------------------------------


def dashboard(*, user, year: int, unit=None, today: date) -> list[dict]:
    """The leaders' dashboard: each chart as a table (columns, rows, a link per row to its
    records). Aggregates in the database (one grouped query per chart)."""
    from django.db.models import Avg, Count, Q
    from django.db.models.functions import ExtractMonth
    from django.urls import reverse

    from fazhi.enforcement.selectors import overdue_deadlines
    from fazhi.officers.selectors import certification_stats
    from fazhi.publicity.models import PublicityRecord
    from fazhi.supervision.models import ReviewFile

    cases = Case.objects.all()
    if unit is not None:
        cases = cases.filter(org_unit__path__startswith=unit.path)
    case_list = reverse("supervision:dashboard_cases")
    charts: list[dict] = []

    filed = dict(
        cases.filter(filed_on__year=year)
        .annotate(m=ExtractMonth("filed_on"))
        .order_by()
        .values_list("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    decided = dict(
        cases.filter(decided_on__year=year)
        .annotate(m=ExtractMonth("decided_on"))
        .order_by()
        .values_list("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    charts.append(
        {
            "id": "by-month",
            "title": f"{year}年各月立案与作出决定",
            "kind": "line",
            "columns": ["月份", "立案", "作出决定"],
            "rows": [[f"{m}月", filed.get(m, 0), decided.get(m, 0)] for m in range(1, 13)],
            "links": [f"{case_list}?year={year}&month={m}" + _unit_q(unit) for m in range(1, 13)],
        }
    )
    by_unit = list(
        cases.filter(Q(filed_on__year=year) | Q(decided_on__year=year))
        .order_by()
        .values("org_unit__name", "org_unit__pk")
        .annotate(
            filed=Count("pk", filter=Q(filed_on__year=year)),
            decided=Count("pk", filter=Q(decided_on__year=year)),
        )
        .order_by("org_unit__name")
    )
    charts.append(
        {
            "id": "by-unit",
            "title": f"{year}年各单位立案与作出决定",
            "kind": "bar",
            "columns": ["单位", "立案", "作出决定"],
            "rows": [[r["org_unit__name"], r["filed"], r["decided"]] for r in by_unit],
            "links": [f"{case_list}?year={year}&unit={r['org_unit__pk']}" for r in by_unit],
        }
    )
    open_w = warnings_for(user)
    if unit is not None:
        open_w = open_w.filter(org_unit__path__startswith=unit.path)
    counts = dict(
        open_w.order_by().values_list("rule").annotate(n=Count("pk")).values_list("rule", "n")
    )
    warn_url = reverse("supervision:warnings")
    charts.append(
        {
            "id": "warnings",
            "title": "未消除的执法预警（按规则）",
            "kind": "bar",
            "columns": ["规则", "预警数"],
            "rows": [[r.title, counts.get(code, 0)] for code, r in rules.RULES.items()],
            "links": [f"{warn_url}?rule={code}" for code in rules.RULES],
        }
    )
    overdue = overdue_deadlines(user=user, today=today).count()
    certs = certification_stats(year=year)
    rate = round(certs["certified"] * 100 / certs["officers"], 2) if certs.get("officers") else None
    pubs = PublicityRecord.objects.filter(decided_on__year=year, due_on__isnull=False)
    pub_total = pubs.count()
    pub_on_time = pubs.filter(
        published_on__isnull=False, published_on__lte=models_F("due_on")
    ).count()
    charts.append(
        {
            "id": "rates",
            "title": "期限、持证与公示",
            "kind": "bar",
            "columns": ["指标", "数值"],
            "rows": [
                ["逾期未办的期限（件）", overdue],
                ["执法人员持证率（%）", rate if rate is not None else "—"],
                [
                    "执法决定按时公示率（%）",
                    round(pub_on_time * 100 / pub_total, 2) if pub_total else "—",
                ],
            ],
            "links": [
                reverse("enforcement:case_list") + "?overdue=1",
                reverse("officers:register"),
                reverse("publicity:queue"),
            ],
        }
    )
    scores = list(
        ReviewFile.objects.filter(campaign__year=year, score__isnull=False)
        .order_by()
        .values("org_unit__name", "campaign_id")
        .annotate(avg=Avg("score"), n=Count("pk"))
        .order_by("org_unit__name")
    )
    charts.append(
        {
            "id": "review-scores",
            "title": f"{year}年案卷评查平均分（按单位）",
            "kind": "bar",
            "columns": ["单位", "平均分", "案卷数"],
            "rows": [[r["org_unit__name"], round(float(r["avg"]), 1), r["n"]] for r in scores],
            "links": [reverse("supervision:campaign", args=[r["campaign_id"]]) for r in scores],
        }
    )
    charts.extend(dispute_charts(user=user, year=year, unit=unit))
    return charts


def _pct(rate) -> float | str:
    value = rate.value
    return "—" if value is None else round(value * 100, 1)


def dispute_charts(*, user, year: int, unit=None) -> list[dict]:
    """复议纠错率 and 败诉率 per unit for cases received in ``year``, read through the disputes
    selectors (the same figures as its 纠错败诉分析 page): 纠错率 = decisions that corrected the
    act ÷ decisions on the merits; 败诉率 = suits lost ÷ suits judged. Only the rate is drawn;
    the counts behind it are in the table. Rows are the units in the user's scope (and under
    ``unit``), then 合计."""
    from django.urls import reverse

    from fazhi.accounts.models import OrgUnit
    from fazhi.disputes.domain import rates as dr
    from fazhi.disputes.selectors import feedback_figures

    rows, _ = feedback_figures(user=user, year=year, by="unit", acts={})
    units = OrgUnit.objects.all()
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    ids = dict(units.values_list("name", "pk"))
    rows = [f for f in rows if f.key in ids]
    total = dr.total({f.key: f for f in rows})
    drill = reverse("supervision:dashboard_disputes")

    def link(kind: str, key: str) -> str:
        unit_id = ids.get(key) or (unit.pk if unit is not None else "")
        return f"{drill}?kind={kind}&year={year}&unit={unit_id}"

    recon = [f for f in rows if f.reconsiderations]
    suits = [f for f in rows if f.suits]
    return [
        {
            "id": "correction",
            "title": f"{year}年行政复议纠错率（按单位）",
            "kind": "bar",
            "plot": 1,
            "columns": ["单位", "纠错率（%）", "纠错（件）", "复议决定（件）", "收到申请（件）"],
            "rows": [
                [f.key, _pct(f.correction_rate), f.corrected, f.decided, f.reconsiderations]
                for f in [*recon, total]
            ],
            "links": [link("reconsideration", f.key) for f in [*recon, total]],
        },
        {
            "id": "litigation",
            "title": f"{year}年行政诉讼败诉率（按单位）",
            "kind": "bar",
            "plot": 1,
            "columns": ["单位", "败诉率（%）", "败诉（件）", "审结（件）", "收到起诉（件）"],
            "rows": [
                [f.key, _pct(f.loss_rate), f.lost, f.judged, f.suits] for f in [*suits, total]
            ],
            "links": [link("litigation", f.key) for f in [*suits, total]],
        },
    ]


def dashboard_disputes(*, user, kind: str, year: int, unit) -> QuerySet:
    """The reconsideration or litigation records behind a dispute chart's row."""
    from fazhi.disputes.selectors import litigation_list, reconsideration_list

    if kind == "litigation":
        qs = litigation_list(user=user, year=year).order_by("received_on", "pk")
    else:
        from fazhi.disputes.domain import reconsideration as rc

        qs = (
            reconsideration_list(user=user, year=year)
            .exclude(status=rc.Status.REJECTED)
            .order_by("received_on", "pk")
        )
    if unit is not None:
        qs = qs.filter(org_unit__path__startswith=unit.path)
    return qs


def _unit_q(unit) -> str:
    return f"&unit={unit.pk}" if unit is not None else ""


def dashboard_cases(*, user, year: int, month: int | None, unit) -> QuerySet:
    """The cases behind a dashboard number: filed or decided in the year (and month), in the
    user's scope."""
    from django.db.models import Q

    from fazhi.enforcement.selectors import case_visible_to

    q = Q(filed_on__year=year) | Q(decided_on__year=year)
    if month:
        q = (Q(filed_on__year=year) & Q(filed_on__month=month)) | (
            Q(decided_on__year=year) & Q(decided_on__month=month)
        )
    qs = case_visible_to(user).filter(q)
    if unit is not None:
        qs = qs.filter(org_unit__path__startswith=unit.path)
    return qs.order_by("reference")


def models_F(name: str):
    from django.db.models import F

    return F(name)
