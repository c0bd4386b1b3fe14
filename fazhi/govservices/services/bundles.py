"""场景式主题审批: one application covering several licensing items.

A themed application creates one sub-application per item of the bundle. Materials are handed
in once: a material named in several items' checklists is received once and ticked on every
sub-application that lists it (``via_bundle``). The bundle's status is derived from its parts
(``domain.licensing.bundle_status``) and never stored. Audits ``services.bundle.submit``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from fazhi.accounts.permissions import LICENSING_HANDLE, require
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.govservices.models import Bundle, BundleApplication, CatalogueVersion
from fazhi.govservices.services.licensing import (
    application_submit,
    check_applicant,
    new_tracking_code,
    take_number,
)


@transaction.atomic
def bundle_submit(
    *,
    bundle: Bundle,
    applicant_name: str,
    applicant_category: str,
    received_on: date,
    actor,
    applicant_uscc: str = "",
    applicant_id_type: str = "",
    applicant_id_number: str = "",
    applicant_id_type_note: str = "",
    legal_representative: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    contact_address: str = "",
    materials: Iterable[str] = (),
    facts: dict[str, Any] | None = None,
    is_online: bool = False,
    handler=None,
    tracking_code: str = "",
) -> BundleApplication:
    """Receive a themed application; each item becomes a sub-application on its own clock."""
    # 一窗受理: the window receives every part, whichever unit then handles it
    require(actor, LICENSING_HANDLE)
    published = CatalogueVersion.Status.PUBLISHED
    if not CatalogueVersion.objects.filter(pk=bundle.catalogue_id, status=published).exists():
        raise Refused("该主题所在目录未公布或已被替代")
    identifiers = check_applicant(
        name=applicant_name,
        category=applicant_category,
        uscc=applicant_uscc,
        id_type=applicant_id_type,
        id_number=applicant_id_number,
        id_type_note=applicant_id_type_note,
    )
    items = list(bundle.items.prefetch_related("materials").order_by("position"))
    handed_in = list(dict.fromkeys(m.strip() for m in materials if m.strip()))
    known = {m.name for item in items for m in item.materials.all()}
    unknown = [m for m in handed_in if m not in known]
    if unknown:
        raise Refused(f"不属于该主题申请材料目录的材料：{'、'.join(unknown)}")
    applicant = {
        "applicant_name": applicant_name.strip(),
        "applicant_category": applicant_category,
        **identifiers,
        "legal_representative": legal_representative,
        "contact_name": contact_name,
        "contact_phone": contact_phone,
        "contact_address": contact_address,
    }
    serial = take_number("主题受", received_on.year)
    parent = BundleApplication.objects.create(
        bundle=bundle,
        reference=f"主题受〔{received_on.year}〕{serial}号",
        tracking_code=tracking_code or new_tracking_code(),
        received_on=received_on,
        is_online=is_online,
        facts=dict(facts or {}),
        submitted_materials=handed_in,
        **applicant,
    )
    for item in items:
        own = {m.name for m in item.materials.all()}
        application_submit(
            item=item,
            received_on=received_on,
            actor=actor,
            handler=handler,
            materials=[m for m in handed_in if m in own],
            facts=facts,
            is_online=is_online,
            bundle_application=parent,
            **applicant,
        )
    audit.record(
        actor=actor,
        action="services.bundle.submit",
        target=parent,
        data={"bundle": bundle.code, "items": [i.code for i in items], "materials": handed_in},
    )
    return parent
