"""Part 四(一): 执法队伍 — cards renewed and 持证率 (officers)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure
from fazhi.officers.models import Certificate
from fazhi.officers.selectors import certification_stats, posts_on

CARD = "officers.certificate"


@figure(
    "officers.renewals",
    version=1,
    title="执法证件换证",
    unit=Unit.PEOPLE,
    counts="当年发证、接替此前证件的执法证（换证）",
    part="enforcement",
)
def renewals(d, year):
    rows = (
        Certificate.objects.filter(issued_on__year=year, renewed_from__isnull=False)
        .order_by("issued_on", "pk")
        .values_list("pk", "number", "officer__name")
    )
    records = tuple(Record(f"{name}（{number}）", CARD, pk) for pk, number, name in rows)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "officers.certification_rate",
    version=1,
    title="执法人员持证率",
    unit=Unit.PERCENT,
    counts="12月31日在执法岗位的人员中持有效执法证的比例",
    part="enforcement",
)
def certification_rate(d, year):
    stats = certification_stats(year=year)
    if not stats["officers"]:
        return Value(d, year, None, missing="当年没有在执法岗位的人员记录")
    value = (Decimal(stats["certified"]) * 100 / Decimal(stats["officers"])).quantize(
        Decimal("0.01")
    )
    officers = posts_on(stats["as_of"]).order_by("org_unit__path", "name", "pk")
    records = tuple(
        Record(name, "officers.officer", pk) for pk, name in officers.values_list("pk", "name")
    )
    return Value(
        d,
        year,
        value,
        records,
        parts={"持证": str(stats["certified"]), "在岗": str(stats["officers"])},
    )
