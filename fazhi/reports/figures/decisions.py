"""Part 三: 重大行政决策, counsel review, 公平竞争审查 (decisions app)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure
from fazhi.decisions.models import CompetitionReview, Decision

DECISION = "decisions.decision"


def _decided(year):
    return Decision.objects.filter(decided_on__year=year, adopted=True).order_by("decided_on", "pk")


@figure(
    "decisions.major_decisions",
    version=1,
    title="重大行政决策",
    unit=Unit.ITEMS,
    counts="当年经集体讨论决定通过的重大行政决策",
    part="decisions",
)
def major_decisions(d, year):
    records = tuple(Record(f"《{x.title}》", DECISION, x.pk) for x in _decided(year))
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "decisions.counsel_review_rate",
    version=1,
    title="重大行政决策经首席法律顾问审核率",
    unit=Unit.PERCENT,
    counts="当年决定的重大行政决策中，合法性审查附有首席法律顾问签发的法律意见的比例",
    part="decisions",
)
def counsel_review_rate(d, year):
    decisions = list(_decided(year).prefetch_related("reviews__counsel_opinion__signed_by"))
    if not decisions:
        return Value(d, year, None, missing="当年没有经集体讨论决定的重大行政决策")
    reviewed = [
        x
        for x in decisions
        if any(
            r.counsel_opinion
            and r.counsel_opinion.signed_by
            and r.counsel_opinion.signed_by.is_chief
            for r in x.reviews.all()
        )
    ]
    records = tuple(Record(f"《{x.title}》", DECISION, x.pk) for x in reviewed)
    rate = (Decimal(len(reviewed)) * 100 / Decimal(len(decisions))).quantize(Decimal("0.01"))
    return Value(d, year, rate, records)


@figure(
    "decisions.fair_competition_reviews",
    version=1,
    title="公平竞争审查",
    unit=Unit.ITEMS,
    counts="审查日期在当年、已作出书面结论的公平竞争审查",
    part="decisions",
)
def fair_competition_reviews(d, year):
    rows = (
        CompetitionReview.objects.filter(reviewed_on__year=year)
        .exclude(conclusion="")
        .order_by("reviewed_on", "pk")
    )
    records = tuple(Record(f"《{r.title}》", "decisions.competitionreview", r.pk) for r in rows)
    return Value(d, year, Decimal(len(records)), records)
