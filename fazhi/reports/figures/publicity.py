"""Part 一(三): 行政许可、行政处罚 published within 7 working days (publicity)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure, missing
from fazhi.publicity.models import PublicityRecord

RECORD = "publicity.publicityrecord"


@figure(
    "publicity.on_time_rate",
    version=1,
    title="行政许可、行政处罚决定按期公示率",
    unit=Unit.PERCENT,
    counts="决定日期在当年的行政许可、行政处罚公示记录中，在应公示日期（决定后7个工作日）"
    "之前公示的比例",
    part="duties",
)
def on_time_rate(d, year):
    rows = list(
        PublicityRecord.objects.filter(
            kind__in=["license", "penalty"], decided_on__year=year, due_on__isnull=False
        )
        .order_by("decided_on", "pk")
        .values_list("pk", "document_number", "party_name", "due_on", "published_on")
    )
    if not rows:
        return missing(d, year, "当年的行政许可、行政处罚公示记录")
    on_time = sum(1 for *_, due, published in rows if published and published <= due)
    records = tuple(Record(f"{number} {party}", RECORD, pk) for pk, number, party, *_ in rows)
    value = (Decimal(on_time) * 100 / Decimal(len(rows))).quantize(Decimal("0.01"))
    return Value(d, year, value, records, parts={"按期": str(on_time), "应公示": str(len(rows))})
