"""The portal's 普法 page: the bureau's 普法责任清单, its 法治宣传教育基地 (谁执法谁普法) and
the 普法 activities staff have published, with the photos chosen for them."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import storages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import render

from fazhi.core.services.evidence import check_file, ingest_hashes
from fazhi.education.models import (
    Activity,
    ActivityMaterial,
    DutyItem,
    EducationBase,
    MaterialKind,
)


def _public_photos():
    return ActivityMaterial.objects.filter(is_public=True, kind=MaterialKind.PHOTO)


def public_index(request):
    year = DutyItem.objects.order_by("-year").values_list("year", flat=True).first()
    items = DutyItem.objects.filter(year=year).select_related("lead_unit") if year else []
    bases = EducationBase.objects.filter(is_public=True)
    activities = (
        Activity.objects.filter(published_at__isnull=False)
        .select_related("org_unit")
        .prefetch_related(Prefetch("materials", queryset=_public_photos(), to_attr="photos"))
        .order_by("-starts_on", "-pk")
    )
    size = settings.FAZHI.get("PORTAL_PAGE_SIZE", 20)
    page = Paginator(activities, size).get_page(request.GET.get("page"))
    context = {"year": year, "items": items, "bases": bases, "page": page}
    return render(request, "education/public_index.html", context)


def public_photo(request, pk: int):
    """A photo published with its activity, served only while its file matches its ingestion
    records (a changed file is not shown to the public)."""
    material = (
        _public_photos()
        .filter(pk=pk, activity__published_at__isnull=False)
        .select_related("evidence")
        .first()
    )
    if material is None:
        raise Http404("照片不存在或未公开")
    evidence = material.evidence
    if check_file(evidence, ingest_hashes([evidence.pk]).get(evidence.pk)) is not None:
        raise Http404("照片暂不可用")
    return FileResponse(
        storages["evidence"].open(evidence.storage_name, "rb"), content_type=evidence.mime_type
    )
