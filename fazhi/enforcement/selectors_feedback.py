"""Reads the disputes feedback needs from enforcement: decisions made, per unit or power item
(the denominator of 被复议率). Its own file so the disputes side reads through a selector."""

from __future__ import annotations

from django.db.models import Count

from fazhi.enforcement.models import Case


def decisions_made(*, year: int | None = None, by: str = "unit") -> dict[str, int]:
    """Enforcement decisions made (决定日期 in ``year``, or ever), keyed by the unit's name
    (``by="unit"``) or the power item's code (``by="power_item"``)."""
    key = "org_unit__name" if by == "unit" else "power_item__code"
    cases = Case.objects.exclude(decided_on=None)
    if year is not None:
        cases = cases.filter(decided_on__year=year)
    return {
        name: n for name, n in cases.values_list(key).annotate(n=Count("id")).order_by() if name
    }


def cases_by_power_item(*, year: int) -> dict[int | None, int]:
    """Enforcement cases filed in ``year`` per power item id (``None``: no item named)."""
    rows = Case.objects.filter(filed_on__year=year).order_by().values("power_item_id")
    return {r["power_item_id"]: r["n"] for r in rows.annotate(n=Count("id"))}


def arrears_acts_by_item_code(*, year: int) -> dict[str, int]:
    """Acts on social-insurance arrears (查询、划拨、罚款 …) taken in ``year``, keyed by the power
    item code each step was taken under: they exercise their items as much as a case does."""
    from fazhi.enforcement.models import ArrearsStep

    rows = (
        ArrearsStep.objects.filter(on__year=year)
        .exclude(power_item_code="")
        .values_list("power_item_code")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)
