"""Yearly enforcement statistics (执法统计): a year's cases counted by 职权类别, 案件来源,
处理结果 and 权责事项.

A case counts in the year it was received (``received_on``), not filed: every case has that
date, while complaints and reports not accepted are never filed (``filed_on`` empty) and would
drop out of the year's intake. ``received_on`` is also indexed, so the year is a range scan.

One grouped query on (power item, source, outcome) — the power item fixes the 职权类别 — folded
in Python over at most a few hundred groups; measured against one GROUP BY per dimension in
``bench/bench_enforcement.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db.models import Count

from fazhi.accounts.selectors import user_sees_all_units, visible_unit_ids
from fazhi.enforcement.domain.case_flow import SOURCE_LABELS, Source
from fazhi.enforcement.domain.review import OUTCOME_LABELS, Outcome
from fazhi.enforcement.models import Case
from fazhi.powers.domain.kinds import POWER_KIND_LABELS, PowerKind
from fazhi.powers.models import PowerItem

NO_OUTCOME = "未作出决定"


def statistics_unit_ids(user) -> list[int] | None:
    """The units whose cases ``user`` may count: None for all (bureau-wide roles), else their
    unit and those below it. Statistics are per unit: cases a user handles for another unit
    count there, not here."""
    if user.is_superuser or user_sees_all_units(user):
        return None
    return visible_unit_ids(user)


def _label(labels: dict, enum, key: str, empty: str = "") -> str:
    if not key:
        return empty
    try:
        return labels[enum(key)]
    except ValueError:
        return key


def _ranked(counter: Counter, label) -> list[dict]:
    return [
        {"key": key, "label": label(key), "count": n}
        for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def years_with_cases(unit_ids: Iterable[int] | None = None) -> list[int]:
    """Years (by 收到/发现 date) holding cases in ``unit_ids``, newest first."""
    cases = Case.objects.all()
    if unit_ids is not None:
        cases = cases.filter(org_unit_id__in=list(unit_ids))
    return [d.year for d in cases.dates("received_on", "year", order="DESC")]


def yearly_statistics(*, year: int, unit_ids: Iterable[int] | None = None) -> dict:
    """Counts of the cases received in ``year`` (of the units ``unit_ids``; None: all units)."""
    cases = Case.objects.filter(received_on__range=(date(year, 1, 1), date(year, 12, 31)))
    if unit_ids is not None:
        cases = cases.filter(org_unit_id__in=list(unit_ids))
    groups = list(
        cases.order_by().values_list("power_item_id", "source", "outcome").annotate(n=Count("*"))
    )
    items = {
        i["pk"]: i
        for i in PowerItem.objects.filter(pk__in={g[0] for g in groups}).values(
            "pk", "code", "name", "kind"
        )
    }
    by_kind, by_source, by_outcome, by_item = Counter(), Counter(), Counter(), Counter()
    for item_id, source, outcome, n in groups:
        by_kind[items[item_id]["kind"]] += n
        by_source[source] += n
        by_outcome[outcome] += n
        by_item[item_id] += n
    power_items = [
        {
            "code": items[pk]["code"],
            "name": items[pk]["name"],
            "kind": items[pk]["kind"],
            "count": n,
        }
        for pk, n in sorted(by_item.items(), key=lambda kv: (-kv[1], items[kv[0]]["code"]))
    ]
    return {
        "year": year,
        "total": sum(by_source.values()),
        "by_kind": _ranked(by_kind, lambda k: _label(POWER_KIND_LABELS, PowerKind, k)),
        "by_source": _ranked(by_source, lambda k: _label(SOURCE_LABELS, Source, k)),
        "by_outcome": _ranked(
            by_outcome, lambda k: _label(OUTCOME_LABELS, Outcome, k, empty=NO_OUTCOME)
        ),
        "by_power_item": power_items,
    }
