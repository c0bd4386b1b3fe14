"""Writes on the 政务服务事项 catalogue: versions, items with their materials, themed bundles.

An item can be added only while its catalogue is being drafted; publishing a version
supersedes the one published before it. Audits ``services.catalogue.<verb>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import CATALOGUE_MANAGE, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.govservices.domain.auto_approval import rule_for
from fazhi.govservices.domain.catalogue import ItemKind
from fazhi.govservices.domain.licensing import LicenceCategory
from fazhi.govservices.models import Bundle, CatalogueVersion, RequiredMaterial, ServiceItem

LICENSING_LAW = "《中华人民共和国行政许可法》"


@dataclass(frozen=True)
class MaterialIn:
    name: str
    source: str = RequiredMaterial.Source.APPLICANT
    is_required: bool = True
    is_shared: bool = False
    copies: str = "原件1份"


@transaction.atomic
def catalogue_create(*, year: int, label: str, actor, note: str = "") -> CatalogueVersion:
    """Start the draft catalogue of ``year``. Refuses a second version of the same year."""
    require(actor, CATALOGUE_MANAGE)
    if CatalogueVersion.objects.filter(year=year).exists():
        raise Refused(f"{year}年度的事项目录已存在")
    if not label.strip():
        raise Refused("请填写目录名称")
    catalogue = CatalogueVersion.objects.create(year=year, label=label.strip(), note=note)
    audit.record(
        actor=actor, action="services.catalogue.create", target=catalogue, data={"year": year}
    )
    bump("govservices")  # public pages show it: a new version on commit
    return catalogue


def _locked(catalogue: CatalogueVersion) -> CatalogueVersion:
    return CatalogueVersion.objects.select_for_update().get(pk=catalogue.pk)


@transaction.atomic
def service_item_add(
    *,
    catalogue: CatalogueVersion,
    code: str,
    name: str,
    kind: str,
    org_unit,
    accepting_body: str,
    deciding_body: str,
    promised_days: int,
    actor,
    materials: Sequence[MaterialIn] = (),
    steps: Sequence[str] = (),
    power_item=None,
    statutory_days: int | None = None,
    statutory_text: str = "",
    legal_basis: str = "",
    conditions: str = "",
    is_instant: bool = False,
    is_online: bool = False,
    auto_rule: str = "",
    licence_category: str = "",
    licence_name: str = "",
    number_issuer: str = "",
    validity_years: int | None = None,
    merged_into: str = "",
    change_note: str = "",
) -> ServiceItem:
    """Add an item with its materials to a draft catalogue.

    Refuses: a published catalogue; a duplicate code; a promised time longer than the statutory
    one (承诺时限 may only shorten 法定时限); a 即办 item with a promised time; an unknown 无人审批
    rule; a licensing item without its licence category and 文号 issuer (needed for 双公示).
    """
    require(actor, CATALOGUE_MANAGE, unit=org_unit)
    catalogue = _locked(catalogue)
    if catalogue.status != CatalogueVersion.Status.DRAFT:
        raise Refused("目录已公布，不能再增加事项；请编制新年度目录")
    if kind not in set(ItemKind):
        raise Refused("请选择事项类型")
    if not code.strip() or not name.strip():
        raise Refused("请填写事项编码和名称")
    if catalogue.items.filter(code=code).exists():
        raise Refused(f"事项编码{code}在本目录中已存在")
    if statutory_days is not None and promised_days > statutory_days:
        raise Refused("承诺时限不得超过法定时限", f"{LICENSING_LAW}第四十二条")
    if is_instant and promised_days:
        raise Refused("即办件的承诺时限应为0个工作日")
    if auto_rule and rule_for(auto_rule) is None:
        raise Refused(f"未定义的无人审批规则：{auto_rule}")
    if kind == ItemKind.LICENSING and (
        licence_category not in set(LicenceCategory) or not number_issuer.strip()
    ):
        raise Refused("行政许可事项须填写许可类别和许可文号机关代字（双公示数据项XK_XKLB、XK_WSH）")
    item = ServiceItem.objects.create(
        catalogue=catalogue,
        code=code.strip(),
        name=name.strip(),
        kind=kind,
        org_unit=org_unit,
        accepting_body=accepting_body,
        deciding_body=deciding_body,
        promised_days=promised_days,
        steps=[s for s in steps if s.strip()],
        power_item=power_item,
        statutory_days=statutory_days,
        statutory_text=statutory_text,
        legal_basis=legal_basis,
        conditions=conditions,
        is_instant=is_instant,
        is_online=is_online,
        auto_rule=auto_rule,
        licence_category=licence_category,
        licence_name=licence_name,
        number_issuer=number_issuer.strip(),
        validity_years=validity_years,
        merged_into=merged_into,
        change_note=change_note,
        position=catalogue.items.count() + 1,
    )
    RequiredMaterial.objects.bulk_create(
        RequiredMaterial(
            item=item,
            name=m.name,
            source=m.source,
            is_required=m.is_required,
            is_shared=m.is_shared,
            copies=m.copies,
            position=n,
        )
        for n, m in enumerate(materials, start=1)
    )
    audit.record(
        actor=actor,
        action="services.catalogue.item_add",
        target=item,
        data={
            "catalogue": catalogue.year,
            "code": item.code,
            "kind": kind,
            "materials": len(materials),
            "promised_days": promised_days,
        },
    )
    bump("govservices")  # public pages show it: a new version on commit
    return item


@transaction.atomic
def catalogue_publish(*, catalogue: CatalogueVersion, on: date, actor) -> CatalogueVersion:
    """Publish a draft (事前公开, 国办发〔2018〕118号（四）); the earlier published one is superseded."""
    require(actor, CATALOGUE_MANAGE)
    catalogue = _locked(catalogue)
    if catalogue.status != CatalogueVersion.Status.DRAFT:
        raise Refused("只有编制中的目录可以公布")
    if not catalogue.items.exists():
        raise Refused("目录中没有事项，不能公布")
    superseded = list(
        CatalogueVersion.objects.select_for_update()
        .filter(status=CatalogueVersion.Status.PUBLISHED, year__lt=catalogue.year)
        .values_list("year", flat=True)
    )
    CatalogueVersion.objects.filter(year__in=superseded).update(
        status=CatalogueVersion.Status.SUPERSEDED
    )
    catalogue.status, catalogue.published_on = CatalogueVersion.Status.PUBLISHED, on
    catalogue.save(update_fields=["status", "published_on"])
    audit.record(
        actor=actor,
        action="services.catalogue.publish",
        target=catalogue,
        data={"on": on, "superseded": superseded},
    )
    bump("govservices")  # public pages show it: a new version on commit
    return catalogue


@transaction.atomic
def bundle_create(
    *,
    catalogue: CatalogueVersion,
    code: str,
    name: str,
    items: Sequence[ServiceItem],
    actor,
    description: str = "",
) -> Bundle:
    """A themed bundle of at least two licensing items of the same catalogue."""
    require(actor, CATALOGUE_MANAGE)
    if len(items) < 2:
        raise Refused("主题审批至少包含两个事项")
    if any(i.catalogue_id != catalogue.pk or i.kind != ItemKind.LICENSING for i in items):
        raise Refused("主题审批只能包含本目录中的行政许可事项")
    if Bundle.objects.filter(catalogue=catalogue, code=code).exists():
        raise Refused(f"主题编码{code}已存在")
    bundle = Bundle.objects.create(
        catalogue=catalogue, code=code, name=name, description=description
    )
    bundle.items.set(items)
    audit.record(
        actor=actor,
        action="services.catalogue.bundle_create",
        target=bundle,
        data={"items": [i.code for i in items]},
    )
    bump("govservices")  # public pages show it: a new version on commit
    return bundle
