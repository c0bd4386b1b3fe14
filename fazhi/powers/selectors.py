"""Reads of the power list. The portal and the public API use the ``*_public_*`` selectors and
``power_item_usage``; the power list is public information, so staff lists read every unit's
items too (who may *change* an item is in ``permissions``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from fazhi.accounts.models import OrgUnit
from fazhi.laws.domain.validity import Status
from fazhi.laws.models import Article, LegalDocument
from fazhi.powers import usage
from fazhi.powers.domain.citations import Citation, title_variants
from fazhi.powers.domain.kinds import POWER_KIND_LABELS, PowerKind
from fazhi.powers.domain.review import BasisFacts
from fazhi.powers.domain.versions import Content, FieldChange, field_changes
from fazhi.powers.models import PowerItem, PowerItemBasis, PowerItemVersion

KIND_LABELS = {k.value: v for k, v in POWER_KIND_LABELS.items()}
STATUSES = {"active": "有效事项", "cancelled": "已取消事项", "all": "全部"}


@dataclass(frozen=True)
class ItemFilters:
    kind: str = ""
    unit_id: int | None = None
    query: str = ""
    status: str = "active"  # active | cancelled | all
    needs_review: bool | None = None


def _filtered(filters: ItemFilters, *, with_kind: bool = True) -> QuerySet[PowerItem]:
    qs = PowerItem.objects.select_related("org_unit")
    if filters.status == "active":
        qs = qs.filter(is_active=True)
    elif filters.status == "cancelled":
        qs = qs.filter(is_active=False)
    if with_kind and filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.unit_id:
        qs = qs.filter(org_unit_id=filters.unit_id)
    if filters.needs_review is not None:
        qs = qs.filter(needs_review=filters.needs_review)
    query = filters.query.strip()[:100]
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(code__icontains=query))
    return qs


def power_item_public_list(*, filters: ItemFilters) -> QuerySet[PowerItem]:
    """Items of the published list (every item is public; cancelled ones only when asked)."""
    return _filtered(filters).order_by("kind", "code")


def power_item_kind_counts(*, filters: ItemFilters) -> list[tuple[str, str, int]]:
    """(kind, label, count) for every kind under the other filters, in the list's kind order."""
    rows = dict(
        _filtered(filters, with_kind=False)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return [(k.value, KIND_LABELS[k.value], rows.get(k.value, 0)) for k in PowerKind]


def power_item_staff_list(*, filters: ItemFilters) -> QuerySet[PowerItem]:
    return _filtered(filters).order_by("-needs_review", "code")


def power_item_units() -> QuerySet[OrgUnit]:
    """Units that carry at least one item (for the unit filter)."""
    return OrgUnit.objects.filter(power_items__isnull=False).distinct().order_by("path")


def power_item_public_get(*, code: str) -> PowerItem:
    item = PowerItem.objects.select_related("org_unit").filter(code=code).first()
    if item is None:
        raise Http404("权责事项不存在")
    return item


def power_item_get(*, pk: int) -> PowerItem:
    item = PowerItem.objects.select_related("org_unit").filter(pk=pk).first()
    if item is None:
        raise Http404("权责事项不存在")
    return item


def power_item_versions(*, item: PowerItem) -> list[PowerItemVersion]:
    """Every version, newest first, with its bases and their corpus links."""
    return list(
        item.versions.select_related("org_unit")
        .prefetch_related("bases__document", "bases__article")
        .order_by("-number")
    )


def power_item_current_version(*, item: PowerItem) -> PowerItemVersion | None:
    return (
        item.versions.select_related("org_unit")
        .prefetch_related("bases__document", "bases__article")
        .order_by("-number")
        .first()
    )


def power_item_version_get(*, item: PowerItem, number: int) -> PowerItemVersion:
    version = item.versions.select_related("org_unit").filter(number=number).first()
    if version is None:
        raise Http404("该版本不存在")
    return version


def version_content(version: PowerItemVersion) -> Content:
    return Content(
        name=version.name,
        kind=version.kind,
        org_unit=version.org_unit_name,
        legal_basis=version.legal_basis_text,
        process=version.process,
        time_limit=version.time_limit_text,
        remedy=version.remedy,
        accountability=version.accountability,
        is_active=version.is_active,
    )


def power_item_version_diff(*, old: PowerItemVersion, new: PowerItemVersion) -> list[FieldChange]:
    return field_changes(version_content(old), version_content(new), kind_labels=KIND_LABELS)


def power_item_usage(*, year: int, item_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Acts under each item in ``year`` ({item_id: count}): enforcement cases filed, arrears
    steps taken (查询、划拨、罚款 — under the item code each step names), licence applications
    received and reconsiderations received as 复议机关 (under the 复议 item), each counted by its
    module's selector registered in ``usage``. Items with no act are absent (count 0, which the
    pages show as 零执法 for an item in force)."""
    counts: Counter[int] = Counter()
    for by_id in usage.counters_by_id():
        counts.update(by_id(year))
    by_code: Counter[str] = Counter()
    for count_by_code in usage.counters_by_code():
        by_code.update(count_by_code(year))
    if by_code:
        ids = dict(PowerItem.objects.filter(code__in=by_code).values_list("code", "id"))
        counts.update({ids[code]: n for code, n in by_code.items() if code in ids})
    wanted = set(item_ids) if item_ids is not None else None
    return {
        pk: n for pk, n in counts.items() if pk is not None and (wanted is None or pk in wanted)
    }


# --- the legal corpus behind a citation ---------------------------------------------------


def basis_resolve(*, citation: Citation, on: date) -> tuple[LegalDocument | None, Article | None]:
    """The corpus version of the cited law that applied on ``on`` and its cited article.

    Picks the version in force on that day; failing that the latest that took effect before it,
    then the earliest later one (an item may cite a law adopted but not yet in force).
    """
    versions = list(
        LegalDocument.objects.published()
        .filter(title__in=title_variants(citation.title))
        .order_by("effective_date", "source_path")
    )
    if not versions:
        return None, None
    in_force = [v for v in versions if v.status_on(on) is Status.IN_FORCE]
    earlier = [v for v in versions if v.effective_date is None or v.effective_date <= on]
    if in_force:
        document = in_force[-1]
    elif earlier:
        document = earlier[-1]
    else:
        document = versions[0]
    if citation.number is None:
        return document, None
    article = (
        Article.objects.filter(document=document, number=citation.number, suffix=citation.suffix)
        .order_by("position")
        .first()
    )
    return document, article


def _newest_version(document: LegalDocument) -> LegalDocument | None:
    """The newest published version of the document's work if it is later than ``document``."""
    later = (
        LegalDocument.objects.published().filter(work_id=document.work_id).exclude(pk=document.pk)
    )
    if document.effective_date is not None:
        later = later.filter(effective_date__gt=document.effective_date)
    newest = later.order_by("-effective_date", "-source_path").first()
    return newest


def basis_facts(*, bases: Iterable[PowerItemBasis], on: date) -> list[BasisFacts]:
    """What happened to each linked text since the item cited it (for ``domain.review``)."""
    facts = []
    for basis in bases:
        document = basis.document
        if document is None:
            continue
        newest = _newest_version(document)
        article_text = newer_text = None
        if basis.article_number is not None:
            article = basis.article or (
                Article.objects.filter(
                    document=document, number=basis.article_number, suffix=basis.article_suffix
                )
                .order_by("position")
                .first()
            )
            article_text = article.text if article else ""
            if newest is not None:
                match = (
                    Article.objects.filter(
                        document=newest, number=basis.article_number, suffix=basis.article_suffix
                    )
                    .order_by("position")
                    .first()
                )
                newer_text = match.text if match else None
        newer_label = ""
        if newest is not None:
            when = newest.effective_date.isoformat() if newest.effective_date else "日期不详"
            newer_label = f"《{newest.title}》（{when}施行）"
        facts.append(
            BasisFacts(
                citation=basis.citation,
                status=document.status_on(on).value,
                newer_label=newer_label,
                article_text=article_text,
                newer_article_text=newer_text,
            )
        )
    return facts


def items_citing(*, documents: Iterable[LegalDocument] | None) -> QuerySet[PowerItem]:
    """Active items; with ``documents``, only those whose current version cites a version of one
    of those documents' works."""
    qs = PowerItem.objects.filter(is_active=True)
    if documents is None:
        return qs.order_by("code")
    work_ids = {d.work_id for d in documents}
    citing = PowerItemBasis.objects.filter(document__work_id__in=work_ids).values_list(
        "version__item_id", "version__number"
    )
    ids = set()
    current = dict(qs.values_list("id", "version_count"))
    for item_id, number in citing:
        if current.get(item_id) == number:
            ids.add(item_id)
    return qs.filter(id__in=ids).order_by("code")
