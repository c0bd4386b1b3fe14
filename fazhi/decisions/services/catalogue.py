"""决策事项目录 (第三条): draft, add matters, publish after the 党组 agreed, adjust with reasons."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import (
    DECISIONS_CATALOGUE,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import (
    Catalogue,
    CatalogueItem,
)
from fazhi.decisions.services._common import (
    lock,
    need,
    record,
    today,
)

# --- 决策事项目录 (第三条) -------------------------------------------------------------------------


@transaction.atomic
def catalogue_draft(*, org_unit, year: int, actor) -> Catalogue:
    require(actor, DECISIONS_CATALOGUE, unit=org_unit)
    if Catalogue.objects.filter(org_unit=org_unit, year=year).exists():
        raise Refused(f"{year}年度决策事项目录已存在", code=Code.CATALOGUE_STATE)
    catalogue = Catalogue.objects.create(
        org_unit=org_unit, year=year, recorded_by=audit.person(actor)
    )
    record(actor, "catalogue.draft", catalogue, year=year)
    return catalogue


@transaction.atomic
def catalogue_add_item(
    *,
    catalogue: Catalogue,
    title: str,
    sponsor,
    basis: str = "",
    planned: str = "",
    reason: str = "",
    actor,
    on: date | None = None,
) -> CatalogueItem:
    """Add a matter; once the 目录 is published this is an adjustment and needs its reason."""
    catalogue = lock(catalogue)
    require(actor, DECISIONS_CATALOGUE, unit=catalogue.org_unit)
    need(title, "决策事项名称")
    if catalogue.status == Catalogue.Status.PUBLISHED:
        need(
            reason,
            "目录调整（增加事项）的理由",
            proc.regime_on(date(catalogue.year, 12, 31)).cite("catalogue"),
        )
    item = CatalogueItem.objects.create(
        catalogue=catalogue,
        title=title.strip(),
        sponsor=sponsor,
        basis=basis,
        planned=planned,
        added_reason=reason.strip() if catalogue.status == Catalogue.Status.PUBLISHED else "",
        added_on=today(on),
        recorded_by=audit.person(actor),
    )
    record(
        actor,
        "catalogue.add_item",
        item,
        catalogue=catalogue.pk,
        title=item.title,
        reason=item.added_reason,
    )
    return item


@transaction.atomic
def catalogue_publish(*, catalogue: Catalogue, party_agreed_on: date, actor, on=None) -> Catalogue:
    """Published after the 党组 agreed (第三条), with at least one matter."""
    catalogue = lock(catalogue)
    require(actor, DECISIONS_CATALOGUE, unit=catalogue.org_unit)
    day = today(on)
    basis = proc.regime_on(day).cite("catalogue")
    if catalogue.status != Catalogue.Status.DRAFT:
        raise Refused("目录已经公布", code=Code.CATALOGUE_STATE)
    if not catalogue.items.exists():
        raise Refused("目录中没有决策事项，不能公布", basis, code=Code.CATALOGUE_STATE)
    if party_agreed_on is None or party_agreed_on > day:
        raise Refused("决策事项目录须经党组同意后公布", basis, code=Code.CATALOGUE_STATE)
    catalogue.status = Catalogue.Status.PUBLISHED
    catalogue.party_agreed_on, catalogue.published_on = party_agreed_on, day
    catalogue.save()
    record(actor, "catalogue.publish", catalogue, on=day.isoformat())
    return catalogue


@transaction.atomic
def catalogue_withdraw_item(*, item: CatalogueItem, reason: str, actor, on=None) -> CatalogueItem:
    item = lock(item)
    require(actor, DECISIONS_CATALOGUE, unit=item.catalogue.org_unit)
    day = today(on)
    item.withdrawn_reason = need(reason, "调出目录的理由", proc.regime_on(day).cite("catalogue"))
    if item.withdrawn_on:
        raise Refused("该事项已调出目录", code=Code.CATALOGUE_STATE)
    item.withdrawn_on = day
    item.save()
    record(actor, "catalogue.withdraw_item", item, reason=item.withdrawn_reason)
    return item
