"""Part 一(一)(二)(三): 简政放权 reductions (catalogue versions), the power list, 双随机 coverage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.http import Http404

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure, missing
from fazhi.govservices.models import ServiceItem
from fazhi.govservices.selectors import catalogue_comparison
from fazhi.inspections.selectors import coverage
from fazhi.powers.models import PowerItemVersion

ITEM = "services.serviceitem"
POWER = "powers.poweritem"
INSPECTION_ITEM = "inspections.inspectionitem"


def _reduction(d, year, measure: str) -> Value:
    """The reduction from the previous year's published catalogue to this year's, as computed
    from their items (govservices.domain.catalogue.compare_catalogues)."""
    try:
        comparison = catalogue_comparison(from_year=year - 1, to_year=year)
    except Http404:
        return missing(d, year, f"{year - 1}年或{year}年的政务服务事项目录版本")
    reduction = comparison.reduction(measure)
    if reduction.exact is None:
        return missing(d, year, f"{year - 1}年目录中没有可比较的{reduction.label}")
    items = ServiceItem.objects.filter(catalogue__year__in=[year - 1, year])
    if measure == "licensing_items":
        items = items.filter(kind="licensing")
    rows = items.order_by("catalogue__year", "position", "pk").values_list(
        "pk", "catalogue__year", "code", "name"
    )
    records = tuple(Record(f"{y}年 {code} {name}", ITEM, pk) for pk, y, code, name in rows)
    return Value(
        d,
        year,
        reduction.exact,
        records,
        parts={f"{year - 1}年": str(reduction.old), f"{year}年": str(reduction.new)},
    )


@figure(
    "services.licensing_items_reduction",
    version=1,
    title="行政许可事项减少",
    unit=Unit.PERCENT,
    counts="当年目录与上年目录相比行政许可事项数的减少比例",
    part="duties",
)
def licensing_items_reduction(d, year):
    return _reduction(d, year, "licensing_items")


@figure(
    "services.materials_reduction",
    version=1,
    title="办事要件减少",
    unit=Unit.PERCENT,
    counts="当年目录与上年目录相比须申请人提交的材料数的减少比例（可共享免提交的不计）",
    part="duties",
)
def materials_reduction(d, year):
    return _reduction(d, year, "materials")


@figure(
    "services.promised_days_reduction",
    version=1,
    title="平均办理时限压缩",
    unit=Unit.PERCENT,
    counts="当年目录与上年目录相比事项平均承诺办理时限的压缩比例",
    part="duties",
)
def promised_days_reduction(d, year):
    return _reduction(d, year, "average_promised_days")


@figure(
    "powers.items_listed",
    version=1,
    title="权责清单事项",
    unit=Unit.ITEMS,
    counts="12月31日权责清单中有效的事项（各事项当日适用的版本）",
    part="duties",
)
def items_listed(d, year):
    end = date(year, 12, 31)
    latest = (
        PowerItemVersion.objects.filter(item=OuterRef("item"), effective_from__lte=end)
        .order_by("-effective_from", "-number")
        .values("pk")[:1]
    )
    rows = (
        PowerItemVersion.objects.filter(pk=Subquery(latest), is_active=True)
        .order_by("item__code")
        .values_list("item_id", "item__code", "name")
    )
    records = tuple(Record(f"{code} {name}", POWER, pk) for pk, code, name in rows)
    if not records:
        return missing(d, year, f"{year}年12月31日有效的权责清单事项")
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "inspections.coverage",
    version=1,
    title="“双随机、一公开”抽查事项覆盖率",
    unit=Unit.PERCENT,
    counts="随机抽查事项清单中当年至少有一项检查结果的事项所占比例（国发〔2019〕5号）",
    part="duties",
)
def inspection_coverage(d, year):
    rows, _rate = coverage(year=year)
    if not rows:
        return missing(d, year, "随机抽查事项清单")
    records = tuple(Record(r.item.name, INSPECTION_ITEM, r.item.pk) for r in rows)
    covered = sum(1 for r in rows if r.covered)
    return Value(
        d,
        year,
        (Decimal(covered) * 100 / Decimal(len(rows))).quantize(Decimal("0.01")),
        records,
        parts={"已覆盖": str(covered), "事项": str(len(rows))},
    )
