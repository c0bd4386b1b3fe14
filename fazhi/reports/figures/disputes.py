"""Part 六: 行政复议 and 行政应诉 (disputes)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value, percent
from fazhi.core.selectors.figures import figure
from fazhi.disputes.domain import reconsideration as rc
from fazhi.disputes.models import LitigationCase, ReconsiderationCase

RECON = "disputes.reconsiderationcase"
SUIT = "disputes.litigationcase"


@figure(
    "disputes.reconsideration_accepted",
    version=1,
    title="受理行政复议案件",
    unit=Unit.COUNT,
    counts="本局作为复议机关、受理日期在当年的复议案件（不含不予受理）",
    part="disputes",
)
def reconsideration_accepted(d, year):
    cases = ReconsiderationCase.objects.filter(role=rc.Role.BODY, accepted_on__year=year)
    rows = cases.order_by("accepted_on", "pk").values_list("pk", "reference")
    records = tuple(Record(ref, RECON, pk) for pk, ref in rows)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "disputes.litigation_handled",
    version=1,
    title="处理行政诉讼案件",
    unit=Unit.COUNT,
    counts="收到起诉状副本日期在当年的行政诉讼案件（各审级分别计）",
    part="disputes",
)
def litigation_handled(d, year):
    rows = (
        LitigationCase.objects.filter(received_on__year=year)
        .order_by("received_on", "pk")
        .values_list("pk", "case_number")
    )
    records = tuple(Record(number, SUIT, pk) for pk, number in rows)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "disputes.head_appearance_rate",
    version=1,
    title="行政机关负责人出庭应诉率",
    unit=Unit.PERCENT,
    counts="当年开庭审理的诉讼案件中，负责人出庭的比例（行政诉讼法第三条第三款）",
    part="disputes",
)
def head_appearance_rate(d, year):
    heard = LitigationCase.objects.filter(hearing_on__year=year, head_appeared__isnull=False)
    rows = list(
        heard.order_by("hearing_on", "pk").values_list("pk", "case_number", "head_appeared")
    )
    appeared = sum(1 for _, _, a in rows if a)
    value = percent(appeared, len(rows))
    if value is None:
        return Value(d, year, None, missing="当年没有已开庭并登记负责人出庭情况的诉讼案件")
    records = tuple(Record(number, SUIT, pk) for pk, number, _ in rows)
    return Value(d, year, value, records, parts={"出庭": str(appeared), "开庭": str(len(rows))})
