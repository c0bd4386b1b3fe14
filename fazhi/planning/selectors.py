from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Q

from fazhi.planning.models import Principal


def principal_on(*, org_unit, day: date) -> Principal | None:
    """The 主要负责人 of ``org_unit`` in office on ``day``."""
    return (
        Principal.objects.filter(org_unit=org_unit, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .select_related("user")
        .order_by("-start")
        .first()
    )


# --- reads for pages, API and the report ---------------------------------------------------


def plans(*, year: int | None = None):
    from fazhi.planning.models import Plan

    qs = Plan.objects.select_related("org_unit").order_by("-year", "org_unit__path")
    return qs.filter(year=year) if year else qs


def plan_tasks(plan):
    return plan.tasks.select_related("lead_unit", "person", "deadline").prefetch_related("progress")


def duty_records(*, year: int, kind: str = ""):
    from fazhi.planning.models import DutyRecord

    qs = DutyRecord.objects.filter(held_on__year=year).select_related(
        "org_unit", "chaired_by", "evidence"
    )
    return qs.filter(kind=kind) if kind else qs


def study_sessions(*, year: int, level: str):
    """The year's 中心组 / 处级 collective study sessions (the report's part 七/八 figures)."""
    from fazhi.planning.models import DutyRecord

    return (
        duty_records(year=year, kind=DutyRecord.Kind.STUDY)
        .filter(level=level)
        .order_by("held_on", "pk")
    )


def statements(*, year: int | None = None):
    from fazhi.planning.models import Statement

    qs = Statement.objects.select_related("person", "org_unit").prefetch_related("items")
    return qs.filter(year=year) if year else qs


def next_year_lines(*, year: int):
    """The bureau's plan tasks of ``year`` as lines for the report's 下一年度安排 section."""
    from fazhi.accounts.models import OrgUnit
    from fazhi.planning.domain.duties import TaskLine
    from fazhi.planning.models import PlanTask

    bureau = OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()
    tasks = PlanTask.objects.filter(plan__year=year).select_related("lead_unit")
    if bureau is not None:
        tasks = tasks.filter(plan__org_unit=bureau)
    return [TaskLine(t.content, t.lead_unit.name) for t in tasks.order_by("seq")]


def assessment(*, scheme, org_unit) -> dict:
    """The scheme's tree scored for ``org_unit``: computed indicators drawn from the records of
    the unit and its sub-units (fazhi.planning.unit_figures; a figure without a per-unit
    definition from the bureau-wide report figure, and the row says so), the others from the reviewer's score; each row says where its
    points come from. Totals roll up the tree."""
    from fazhi.core.selectors.figures import compute
    from fazhi.planning.domain import indicators as rules
    from fazhi.planning.models import Score
    from fazhi.planning.unit_figures import compute_for_unit

    nodes = list(scheme.indicators.order_by("seq"))
    scores = {
        s.indicator_id: s
        for s in Score.objects.filter(indicator__scheme=scheme, org_unit=org_unit).select_related(
            "reviewer", "evidence"
        )
    }
    rows, points = [], {}
    for node in nodes:
        row = {"indicator": node, "points": None, "source": "", "records": [], "pending": ""}
        if node.rule in rules.COMPUTED:
            value, own = compute_for_unit(node.figure_key, scheme.year, org_unit)
            if value is None:
                value = compute(node.figure_key, scheme.year)
            scope = (
                f"（{org_unit.name}及下属单位）"
                if own
                else "（全局口径：该口径不分单位）"
                if org_unit.parent_id
                else ""
            )
            if value.value is None:
                row["pending"] = value.display
                row["source"] = f"取自记录{scope}：{value.definition.title}（{value.missing}）"
            else:
                row["points"] = rules.computed_points(
                    rule=node.rule, weight=node.weight, rate=value.value, target=node.target
                )
                parts = "，".join(f"{k}{v}" for k, v in value.parts.items())
                row["source"] = (
                    f"取自记录{scope}：{value.definition.title} {value.display}"
                    f"{f'（{parts}）' if parts else ''}"
                    f"（{value.definition.counts}，{rules.RULES[node.rule]}）"
                )
                row["records"] = list(value.records[:50])
                row["record_count"] = len(value.records)
        elif node.rule == rules.REVIEWER:
            score = scores.get(node.pk)
            if score is None:
                row["pending"] = "待评分"
                row["source"] = f"评审打分，佐证材料：{node.evidence_type or '—'}"
            else:
                row["points"] = score.points
                who = score.reviewer.full_name if score.reviewer else "系统"
                row["source"] = (
                    f"评审打分：{who} {timezone_local(score.reviewed_at)}，"
                    f"佐证材料《{score.evidence.original_name}》"
                )
                row["score"] = score
        rows.append(row)
        points[node.pk] = row["points"]
    # roll up: a parent's points are its children's sum (None while any child is pending)
    by_parent: dict[int | None, list] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id, []).append(node)
    for node in reversed(nodes):
        kids = by_parent.get(node.pk)
        if kids:
            vals = [points[k.pk] for k in kids]
            points[node.pk] = None if None in vals else sum(vals)
    for row in rows:
        if by_parent.get(row["indicator"].pk):
            row["points"] = points[row["indicator"].pk]
            row["source"] = "下级指标得分合计"
            row["pending"] = "" if row["points"] is not None else "下级尚未全部得分"
    roots = [points[n.pk] for n in by_parent.get(None, [])]
    # what is scored so far: every leaf with points (a parent is the sum of its leaves)
    scored = sum(
        (
            r["points"]
            for r in rows
            if r["points"] is not None and not by_parent.get(r["indicator"].pk)
        ),
        Decimal(0),
    )
    return {
        "rows": rows,
        "total": scored,
        "complete": None not in roots,
        "pending": sum(1 for r in rows if r["pending"] and not by_parent.get(r["indicator"].pk)),
    }


def timezone_local(moment) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%Y-%m-%d")


def latest_year() -> int | None:
    """The latest year with any 法治建设 record (plan, 履职记录, 述法, scheme); None when empty."""
    from fazhi.planning.models import DutyRecord, Plan, Scheme, Statement

    years = [
        m.objects.order_by("-year").values_list("year", flat=True).first()
        for m in (Plan, Statement, Scheme)
    ]
    held = DutyRecord.objects.order_by("-held_on").values_list("held_on", flat=True).first()
    years.append(held.year if held else None)
    return max((y for y in years if y), default=None)


def scheme_rows(scheme) -> list:
    """The scheme's indicators in order, each with ``level_name`` and ``rule_name`` in Chinese."""
    from fazhi.planning.domain.indicators import LEVEL_NAMES, RULES

    rows = list(scheme.indicators.order_by("seq"))
    for row in rows:
        row.level_name = LEVEL_NAMES.get(row.level, f"{row.level}级")
        row.rule_name = RULES.get(row.rule, "") if row.rule else "下级指标得分合计"
    return rows


def figure_choices() -> list[tuple[str, str]]:
    """(key, Chinese title) of the figures a computed indicator may draw on, by title."""
    from fazhi.core.selectors.figures import definitions
    from fazhi.planning import unit_figures

    found = {d.key: d.title for d in definitions()} | {
        d.key: d.title for d in unit_figures.definitions()
    }
    return sorted(found.items(), key=lambda kv: kv[1])
