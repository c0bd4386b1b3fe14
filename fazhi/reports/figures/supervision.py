"""Part 五: 行政执法监督 — case files reviewed in the year's 案卷评查 (supervision)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure
from fazhi.supervision.models import Campaign, ReviewFile

FILE = "supervision.reviewfile"


@figure(
    "supervision.case_files_reviewed",
    version=1,
    title="评查执法案卷",
    unit=Unit.COUNT,
    counts="当年案卷评查活动中已提交评查结果的案卷",
    part="supervision",
)
def case_files_reviewed(d, year):
    # No 案卷评查 campaign in the year: the records cannot give a count, so the draft asks for
    # them (as every other figure does) instead of reporting 0.
    if not Campaign.objects.filter(year=year).exists():
        return Value(d, year, None, missing="当年的案卷评查活动记录（执法监督）")
    rows = (
        ReviewFile.objects.filter(campaign__year=year, submitted_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "case__reference", "grade")
    )
    records = tuple(Record(f"{ref}", FILE, pk) for pk, ref, _grade in rows)
    return Value(d, year, Decimal(len(records)), records)
