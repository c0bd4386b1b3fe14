"""The item list (随机抽查事项清单) and plans (抽查工作计划)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import INSPECTIONS_MANAGE, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.inspections.domain.draw import share_fraction, share_text
from fazhi.inspections.models import InspectionItem, InspectionPlan
from fazhi.inspections.services._common import record

BASIS_LIST = "国办发〔2015〕58号（随机抽查事项清单）"
BASIS_PLAN = "国发〔2019〕5号（抽查工作计划）"
INSPECTION_KIND = "inspection"  # powers.domain.kinds.PowerKind.INSPECTION (行政检查)


def canonical_shares(shares: dict) -> dict[str, str]:
    """Shares per stratum as canonical text ("0.05"); refuses a value outside [0, 1]."""
    out = {}
    for stratum, value in shares.items():
        stratum = str(stratum).strip()
        if not stratum:
            raise Refused("分层名称不能为空", BASIS_PLAN)
        out[stratum] = share_text(share_fraction(str(value)))
    return dict(sorted(out.items()))


@transaction.atomic
def inspection_item_create(
    *,
    power_item,
    code: str,
    name: str,
    basis: str,
    method: str,
    actor,
    item_class: str = InspectionItem.ItemClass.GENERAL,
    shares: dict | None = None,
    subject: str = "",
    content: str = "",
) -> InspectionItem:
    """Add an item to the list. Only a 行政检查 power item can be inspected: 58号 "没有法律法规
    依据的不得检查" — the item's basis is its power item's. Audits ``inspections.item.create``."""
    require(actor, INSPECTIONS_MANAGE, unit=power_item.org_unit)
    if power_item.kind != INSPECTION_KIND or not power_item.is_active:
        raise Refused(
            f"权责事项 {power_item.code} 不是有效的行政检查事项，不能列入抽查清单", BASIS_LIST
        )
    if not (code.strip() and name.strip() and basis.strip() and method.strip()):
        raise Refused("请填写事项编码、名称、抽查依据和抽查方式", BASIS_LIST)
    if item_class not in InspectionItem.ItemClass.values:
        raise Refused("事项类别只能是重点检查事项或一般检查事项", BASIS_LIST)
    if InspectionItem.objects.filter(code=code.strip()).exists():
        raise Refused(f"抽查事项编码 {code} 已存在", BASIS_LIST)
    item = InspectionItem.objects.create(
        power_item=power_item,
        code=code.strip(),
        name=name.strip(),
        basis=basis.strip(),
        method=method.strip(),
        item_class=item_class,
        shares=canonical_shares(shares or {}),
        subject=subject.strip(),
        content=content.strip(),
    )
    record("item.create", actor, item, code=item.code, power_item=power_item.code)
    bump("inspections")  # public pages show it: a new version on commit
    return item


@transaction.atomic
def inspection_item_publish(*, item: InspectionItem, on: date, actor) -> InspectionItem:
    """事前公示: publish the item on the portal. Audits ``inspections.item.publish``."""
    require(actor, INSPECTIONS_MANAGE, unit=item.power_item.org_unit)
    item = InspectionItem.objects.select_for_update().get(pk=item.pk)
    if item.is_published:
        raise Refused("该抽查事项已公示", BASIS_LIST)
    item.is_published, item.published_on = True, on
    item.save(update_fields=["is_published", "published_on", "updated_at"])
    record("item.publish", actor, item, on=on)
    bump("inspections")  # public pages show it: a new version on commit
    return item


@transaction.atomic
def plan_create(
    *,
    year: int,
    title: str,
    items: list[InspectionItem],
    shares: dict,
    org_unit,
    actor,
    is_ad_hoc: bool = False,
    joint_departments: str = "",
) -> InspectionPlan:
    """A yearly or ad hoc plan over published items. Audits ``inspections.plan.create``.

    Refuses a plan without items, with an item not yet published (事前公示 comes first), or
    without a positive share for at least one stratum.
    """
    require(actor, INSPECTIONS_MANAGE, unit=org_unit)
    if not items:
        raise Refused("抽查计划至少包含一个抽查事项", BASIS_PLAN)
    unpublished = [i.code for i in items if not i.is_published]
    if unpublished:
        raise Refused(f"抽查事项 {'、'.join(unpublished)} 尚未公示，不能列入计划", BASIS_LIST)
    clean = canonical_shares(shares)
    if not any(share_fraction(v) > 0 for v in clean.values()):
        raise Refused("请至少为一个分层设定大于零的抽查比例", BASIS_PLAN)
    if not title.strip() or not 2000 <= year <= 2100:
        raise Refused("请填写计划名称和年度", BASIS_PLAN)
    plan = InspectionPlan.objects.create(
        year=year,
        title=title.strip(),
        is_ad_hoc=is_ad_hoc,
        shares=clean,
        joint_departments=joint_departments.strip(),
        org_unit=org_unit,
        created_by=actor if actor else None,
    )
    plan.items.set(items)
    record(
        "plan.create",
        actor,
        plan,
        year=year,
        items=[i.code for i in items],
        shares=clean,
        joint=plan.joint_departments,
    )
    bump("inspections")  # public pages show it: a new version on commit
    return plan
