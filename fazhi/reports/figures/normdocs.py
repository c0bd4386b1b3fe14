"""Part 二(三): 行政规范性文件 — issued, filed, ended by cleanup (normdocs)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure
from fazhi.normdocs.domain.cleanup import ENDING_OUTCOMES
from fazhi.normdocs.models import CleanupAssessment, NormativeDocument

DOC = "normdocs.normativedocument"


def _label(number, title) -> str:
    return f"《{title}》（{number}）" if number else f"《{title}》"


@figure(
    "normdocs.ended_by_cleanup",
    version=1,
    title="宣布失效、废止行政规范性文件",
    unit=Unit.COUNT,
    counts="清理结果在当年公布、结论为废止或宣布失效的规范性文件",
    part="normdocs",
)
def ended_by_cleanup(d, year):
    rows = (
        CleanupAssessment.objects.filter(
            campaign__announced_on__year=year, outcome__in=[o.value for o in ENDING_OUTCOMES]
        )
        .order_by("document__doc_number", "document_id")
        .values_list("document_id", "document__doc_number", "document__title")
    )
    records = tuple(Record(_label(n, t), DOC, pk) for pk, n, t in rows)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "normdocs.published",
    version=1,
    title="公布行政规范性文件",
    unit=Unit.COUNT,
    counts="公布日期在当年的行政规范性文件",
    part="normdocs",
)
def published(d, year):
    rows = (
        NormativeDocument.objects.filter(published_on__year=year)
        .order_by("published_on", "pk")
        .values_list("pk", "doc_number", "title")
    )
    records = tuple(Record(_label(n, t), DOC, pk) for pk, n, t in rows)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "normdocs.filed_rate",
    version=1,
    title="行政规范性文件报送备案率",
    unit=Unit.PERCENT,
    counts="当年公布的行政规范性文件中已报送备案的比例",
    part="normdocs",
)
def filed_rate(d, year):
    docs = NormativeDocument.objects.filter(published_on__year=year)
    rows = list(
        docs.order_by("published_on", "pk").values_list("pk", "doc_number", "title", "filed_on")
    )
    if not rows:
        return Value(d, year, None, missing="当年没有公布的行政规范性文件")
    filed = sum(1 for *_, f in rows if f)
    value = (Decimal(filed) * 100 / Decimal(len(rows))).quantize(Decimal("0.01"))
    records = tuple(Record(_label(n, t), DOC, pk) for pk, n, t, _ in rows)
    return Value(d, year, value, records, parts={"已备案": str(filed), "公布": str(len(rows))})
