"""Reads for services: catalogues and their comparison, the register, public guide and tracking.
Granted licences reach 双公示 through `fazhi/govservices/publicity.py`, not through a read here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from fazhi.accounts.selectors import scope_queryset
from fazhi.core.domain.masking import mask_address, mask_mobile, mask_name
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors import subject_rows
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.selectors.subject_rows import SubjectRow
from fazhi.govservices.domain import licensing as lic
from fazhi.govservices.domain.catalogue import (
    Comparison,
    ItemFacts,
    MaterialFacts,
    compare_catalogues,
)
from fazhi.govservices.models import (
    Bundle,
    BundleApplication,
    CatalogueVersion,
    LicenseApplication,
    RequiredMaterial,
    ServiceItem,
)

RULE_LABELS = {
    "licensing.correction_notice": "受理审查（一次告知）",
    "licensing.decision": "许可决定",
    "licensing.publicity": "许可决定公示",
}
VISIBLE = (CatalogueVersion.Status.PUBLISHED, CatalogueVersion.Status.SUPERSEDED)


# --- catalogue ------------------------------------------------------------------------------


def catalogue_list(*, public: bool = False) -> QuerySet[CatalogueVersion]:
    qs = CatalogueVersion.objects.all()
    return qs.filter(status__in=VISIBLE) if public else qs


def catalogue_get(*, year: int, public: bool = False) -> CatalogueVersion:
    found = catalogue_list(public=public).filter(year=year).first()
    if found is None:
        raise Http404(f"没有{year}年度的事项目录")
    return found


def catalogue_current() -> CatalogueVersion | None:
    return CatalogueVersion.objects.filter(status=CatalogueVersion.Status.PUBLISHED).first()


def catalogue_items(*, catalogue: CatalogueVersion) -> QuerySet[ServiceItem]:
    return (
        catalogue.items.select_related("power_item", "org_unit")
        .prefetch_related(
            Prefetch("materials", queryset=RequiredMaterial.objects.order_by("position"))
        )
        .order_by("position", "code")
    )


def licensing_items_current() -> list[ServiceItem]:
    """Licensing items of the published catalogue (what a new application may be for)."""
    current = catalogue_current()
    if current is None:
        return []
    return list(catalogue_items(catalogue=current).filter(kind="licensing"))


def item_get(*, pk: int) -> ServiceItem:
    item = (
        ServiceItem.objects.select_related("catalogue", "power_item", "org_unit")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404("未找到该事项")
    return item


def item_public_get(*, code: str, year: int | None = None) -> ServiceItem:
    """An item of the current published catalogue (or of a given published/superseded year)."""
    qs = ServiceItem.objects.select_related("catalogue", "org_unit").filter(code=code)
    if year is None:
        qs = qs.filter(catalogue__status=CatalogueVersion.Status.PUBLISHED)
    else:
        qs = qs.filter(catalogue__year=year, catalogue__status__in=VISIBLE)
    item = qs.first()
    if item is None:
        raise Http404("未找到该事项")
    return item


def _facts(catalogue: CatalogueVersion) -> list[ItemFacts]:
    return [
        ItemFacts(
            code=i.code,
            name=i.name,
            kind=i.kind,
            promised_days=i.promised_days,
            materials=tuple(
                MaterialFacts(m.name, m.is_required, m.is_shared) for m in i.materials.all()
            ),
            merged_into=i.merged_into,
        )
        for i in catalogue_items(catalogue=catalogue)
    ]


def catalogue_comparison(*, from_year: int, to_year: int, public: bool = False) -> Comparison:
    """The reductions between two catalogue versions, computed from their items."""
    old = catalogue_get(year=from_year, public=public)
    new = catalogue_get(year=to_year, public=public)
    return compare_catalogues(_facts(old), _facts(new))


# --- register -------------------------------------------------------------------------------


def application_list(
    *, user, status: str = "", year: int | None = None, query: str = "", item_code: str = ""
) -> QuerySet[LicenseApplication]:
    qs = scope_queryset(
        LicenseApplication.objects.select_related("item", "org_unit", "bundle_application"),
        user=user,
    )
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(received_on__year=year)
    if item_code:
        qs = qs.filter(item__code=item_code)
    if query:
        qs = qs.filter(
            Q(reference__icontains=query)
            | Q(applicant_name__icontains=query)
            | Q(licence_number__icontains=query)
        )
    return qs


def application_by_reference_or_number(ref: str) -> LicenseApplication | None:
    """The licensing decision a dispute names: by its 受理编号, else by its 许可文号."""
    ref = (ref or "").strip()
    if not ref:
        return None
    return LicenseApplication.objects.filter(Q(reference=ref) | Q(licence_number=ref)).first()


def application_get_for_user(*, pk: int, user) -> LicenseApplication:
    found = application_list(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("未找到该申请")
    return found


class Row(SubjectRow):
    rule_labels: ClassVar[Mapping[str, str]] = RULE_LABELS

    @property
    def application(self) -> LicenseApplication:
        return self.subject


def nearest_rows(applications, *, today: date) -> list[Row]:
    """Applications (in the order given) with their nearest open deadline and how close it is."""
    return subject_rows.nearest_rows(Row, applications, today=today)


def deadline_rows(application: LicenseApplication, *, today: date) -> list[Row]:
    """Every deadline of the application, with how close the open ones are."""
    return subject_rows.all_rows(Row, application, today=today)


@dataclass(frozen=True)
class ChecklistLine:
    material: RequiredMaterial
    submitted_on: date | None
    via_bundle: bool

    @property
    def is_missing(self) -> bool:
        return self.material.applicant_submits and self.submitted_on is None


def checklist(application: LicenseApplication) -> list[ChecklistLine]:
    got = {s.material_id: s for s in application.submitted.all()}
    return [
        ChecklistLine(
            m,
            got[m.pk].received_on if m.pk in got else None,
            got[m.pk].via_bundle if m.pk in got else False,
        )
        for m in application.item.materials.order_by("position")
    ]


def next_actions(application: LicenseApplication) -> list[str]:
    return lic.next_actions(
        lic.Status(application.status),
        has_notice=application.correction_notice is not None,
        is_extended=application.is_extended,
    )


def masked_contact(application) -> dict[str, str]:
    """The contact as any public output may show it (masked by the shared functions)."""
    return {
        "contact_name": mask_name(application.contact_name) if application.contact_name else "",
        "contact_phone": mask_mobile(application.contact_phone)
        if application.contact_phone
        else "",
        "contact_address": mask_address(application.contact_address)
        if application.contact_address
        else "",
    }


def bundle_status_of(parent: BundleApplication) -> lic.BundleStatus:
    return lic.bundle_status(p.status for p in parent.parts.all())


def bundles_current() -> list[Bundle]:
    """The 主题审批 bundles of the published catalogue (what a themed application may be for)."""
    current = catalogue_current()
    if current is None:
        return []
    return list(current.bundles.prefetch_related("items__materials", "items__org_unit"))


def bundle_application_get_for_user(*, pk: int, user) -> tuple[BundleApplication, list]:
    """A themed application and the parts ``user`` may see; 404 when they see none of them."""
    parts = list(application_list(user=user).filter(bundle_application_id=pk).order_by("pk"))
    if not parts:
        raise Http404("未找到该主题审批申请")
    return parts[0].bundle_application, parts


def bundle_application_list(*, user) -> list[tuple[BundleApplication, str]]:
    parts = application_list(user=user).exclude(bundle_application=None)
    parents = (
        BundleApplication.objects.filter(pk__in=parts.values("bundle_application"))
        .select_related("bundle")
        .prefetch_related("parts__item")
    )
    return [(p, lic.BUNDLE_STATUS_LABELS[bundle_status_of(p)]) for p in parents]


# --- public tracking (no personal data) -----------------------------------------------------


def tracking_status(*, code: str) -> dict[str, Any] | None:
    """Procedure only: item, status, dates, the next statutory date. No applicant data."""
    code = code.strip().upper()[:16]
    if not code:
        return None
    app = LicenseApplication.objects.select_related("item").filter(tracking_code=code).first()
    if app is not None:
        return {"kind": "application", "parts": [_public_part(app)]}
    parent = BundleApplication.objects.select_related("bundle").filter(tracking_code=code).first()
    if parent is None:
        return None
    parts = [_public_part(p) for p in parent.parts.select_related("item").order_by("pk")]
    status = bundle_status_of(parent)
    return {
        "kind": "bundle",
        "bundle": parent.bundle.name,
        "received_on": parent.received_on,
        "status": status.value,
        "status_label": lic.BUNDLE_STATUS_LABELS[status],
        "parts": parts,
    }


def _public_part(app: LicenseApplication) -> dict[str, Any]:
    pending = (
        deadlines_for_subject(subject=app)
        .filter(status=DeadlineStatus.OPEN)
        .order_by("due")
        .first()
    )
    return {
        "item": app.item.name,
        "status": app.status,
        "status_label": app.status_label,
        "received_on": app.received_on,
        "accepted_on": app.accepted_on,
        "decided_on": app.decided_on,
        "correction_materials": list(app.correction_notice or []),
        "next_step": RULE_LABELS.get(pending.rule_code, "") if pending else "",
        "next_due": pending.due if pending else None,
        "is_automatic": app.is_automatic,
    }


# --- 双公示 feed ----------------------------------------------------------------------------


def step_entry_rows(application) -> list[dict]:
    """The typed step dates with who entered them and when (newest last), for the record page."""
    from datetime import datetime

    from django.utils import timezone

    from fazhi.govservices.domain.licensing import STEP_LABELS

    rows = []
    for entry in application.step_entries or []:
        entered = timezone.localtime(datetime.fromisoformat(entry["entered_at"]))
        rows.append(
            {
                "label": STEP_LABELS.get(entry["step"], entry["step"]),
                "on": entry["on"],
                "entered_at": f"{entered:%Y-%m-%d %H:%M}",
                "entered_by_name": entry.get("entered_by_name", ""),
                "late": entry.get("late", False),
            }
        )
    return rows


def licensing_decisions_made(*, year: int | None = None, by: str = "unit") -> dict[str, int]:
    """Licensing decisions made (准予或不予许可, 决定日期 in ``year``), keyed by the unit's name
    or the item's power item code: acts a party can take to 复议 (the 被复议率 denominator)."""
    from django.db.models import Count

    from fazhi.govservices.models import LicenseApplication

    key = "org_unit__name" if by == "unit" else "item__power_item__code"
    decided = LicenseApplication.objects.exclude(decided_on=None)
    if year is not None:
        decided = decided.filter(decided_on__year=year)
    return {
        name: n for name, n in decided.values_list(key).annotate(n=Count("id")).order_by() if name
    }


def applications_by_power_item(*, year: int) -> dict[int, int]:
    """Licence applications received in ``year`` per power item id of their catalogue item
    (each one exercises the licensing power, whatever its outcome)."""
    from django.db.models import Count

    from fazhi.govservices.models import LicenseApplication

    rows = (
        LicenseApplication.objects.filter(received_on__year=year)
        .exclude(item__power_item=None)
        .values_list("item__power_item_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)
