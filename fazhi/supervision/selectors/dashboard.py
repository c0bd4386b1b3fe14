"""The leaders' dashboard (驾驶舱): each chart as a table with a link per row to its records,
and the lists behind a figure."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from fazhi.enforcement.models import Case
from fazhi.supervision.domain import warnings as rules

# --- 驾驶舱 -------------------------------------------------------------------------------------


def _data_version() -> str:
    """A token that changes with every recorded write: the audit chain's tip, updated in the
    same transaction as each change (every write service records an event), so a key built on it
    is never stale — a new or changed case is counted on the next request. The hash, not the
    sequence number, so a database rolled back to an earlier sequence gets new keys."""
    from fazhi.core.models import AuditChainHead

    return AuditChainHead.objects.filter(pk=1).values_list("hash", flat=True).first() or "-"


#: seconds a count stays cached: entries of older versions are never read again and just expire
CASE_COUNTS_TTL = 3600


def case_counts(*, year: int, unit=None) -> tuple[dict, dict]:
    """Cases filed and decided in ``year`` under ``unit`` (None: all), as {(unit id, month): n}
    each. Two grouped queries, each a range of its date's index (an OR of both dates read the
    whole table), cached per (year, unit scope, data version)."""
    from django.core.cache import caches
    from django.db.models import Count
    from django.db.models.functions import ExtractMonth

    key = f"supervision:case-counts:{year}:{unit.pk if unit else '-'}:{_data_version()}"
    cache = caches["default"]
    hit = cache.get(key)
    if hit is not None:
        return hit
    cases = Case.objects.all()
    if unit is not None:
        cases = cases.filter(org_unit__path__startswith=unit.path)
    result = []
    for field in ("filed_on", "decided_on"):
        rows = (
            cases.filter(**{f"{field}__year": year})
            .annotate(m=ExtractMonth(field))
            .order_by()
            .values_list("org_unit_id", "m")
            .annotate(n=Count("pk"))
        )
        result.append({(unit_id, m): n for unit_id, m, n in rows})
    value = (result[0], result[1])
    cache.set(key, value, CASE_COUNTS_TTL)
    return value


def dashboard(*, user, year: int, unit=None, today: date) -> list[dict]:
    """The leaders' dashboard: each chart as a table (columns, rows, a link per row to its
    records). Aggregates in the database (grouped queries); the case counts, the heavy part at
    city scale, come cached from :func:`case_counts`."""
    from django.db.models import Avg, Count
    from django.urls import reverse

    from fazhi.accounts.models import OrgUnit
    from fazhi.enforcement.selectors import overdue_deadlines
    from fazhi.officers.selectors import certification_stats
    from fazhi.publicity.models import PublicityRecord
    from fazhi.supervision.models import ReviewFile

    case_list = reverse("supervision:dashboard_cases")
    charts: list[dict] = []

    filed, decided = case_counts(year=year, unit=unit)

    def by_month(counts) -> dict[int, int]:
        out: dict[int, int] = {}
        for (_, m), n in counts.items():
            out[m] = out.get(m, 0) + n
        return out

    filed_m, decided_m = by_month(filed), by_month(decided)
    charts.append(
        {
            "id": "by-month",
            "title": f"{year}年各月立案与作出决定",
            "kind": "line",
            "columns": ["月份", "立案", "作出决定"],
            "rows": [[f"{m}月", filed_m.get(m, 0), decided_m.get(m, 0)] for m in range(1, 13)],
            "links": [f"{case_list}?year={year}&month={m}" + _unit_q(unit) for m in range(1, 13)],
        }
    )
    per_unit: dict[int, list[int]] = {}
    for i, counts in enumerate((filed, decided)):
        for (unit_id, _), n in counts.items():
            per_unit.setdefault(unit_id, [0, 0])[i] += n
    names = dict(OrgUnit.objects.filter(pk__in=per_unit).values_list("pk", "name"))
    by_unit = sorted(
        (
            {"org_unit__name": names.get(pk, ""), "org_unit__pk": pk, "filed": f, "decided": d}
            for pk, (f, d) in per_unit.items()
        ),
        key=lambda r: (r["org_unit__name"], r["org_unit__pk"]),
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
    from fazhi.supervision.selectors import warnings_for

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
