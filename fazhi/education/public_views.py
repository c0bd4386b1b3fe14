"""The portal's 普法 page: the bureau's 普法责任清单 and its 法治宣传教育基地 (谁执法谁普法)."""

from __future__ import annotations

from django.shortcuts import render

from fazhi.education.models import DutyItem, EducationBase


def public_index(request):
    year = DutyItem.objects.order_by("-year").values_list("year", flat=True).first()
    items = DutyItem.objects.filter(year=year).select_related("lead_unit") if year else []
    bases = EducationBase.objects.filter(is_public=True)
    return render(
        request, "education/public_index.html", {"year": year, "items": items, "bases": bases}
    )
