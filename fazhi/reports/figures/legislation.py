"""Part 二(一)(二): 立法 projects and comments on drafts from above (legislation app)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure
from fazhi.legislation.models import DraftFromAbove, Project

PROJECT, DRAFT = "legislation.project", "legislation.draftfromabove"


@figure(
    "legislation.rules_revised",
    version=1,
    title="修订政府规章",
    unit=Unit.ITEMS,
    counts="当年公布的修订政府规章项目",
    part="system",
)
def rules_revised(d, year):
    rows = Project.objects.filter(kind="rule", revises=True, outcome_on__year=year).order_by(
        "outcome_on", "pk"
    )
    records = tuple(Record(f"《{p.title}》（{p.outcome_number}）", PROJECT, p.pk) for p in rows)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "legislation.research_reports",
    version=1,
    title="完成立法调研报告",
    unit=Unit.ITEMS,
    counts="调研报告完成日期在当年的立法项目",
    part="system",
)
def research_reports(d, year):
    rows = Project.objects.filter(research_done_on__year=year).order_by("research_done_on", "pk")
    records = tuple(Record(f"《{p.title}》立法调研报告", PROJECT, p.pk) for p in rows)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "legislation.drafts_commented",
    version=1,
    title="对上级法律法规规章草案提出意见",
    unit=Unit.ITEMS,
    counts="当年报送反馈意见的上级法律法规规章草案",
    part="system",
)
def drafts_commented(d, year):
    rows = DraftFromAbove.objects.filter(sent_on__year=year).order_by("sent_on", "pk")
    records = tuple(Record(f"《{x.title}》", DRAFT, x.pk) for x in rows)
    return Value(d, year, Decimal(len(records)), records)
