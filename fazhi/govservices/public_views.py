"""Public pages: service guides with their flow (事前公开, 国办发〔2018〕118号（四）) and status
lookup by tracking code (no personal data)."""

from __future__ import annotations

from django.shortcuts import render

from fazhi.govservices import selectors


def guide_list(request):
    catalogue = selectors.catalogue_current()
    items = selectors.catalogue_items(catalogue=catalogue) if catalogue else []
    return render(
        request, "services/public/guide_list.html", {"catalogue": catalogue, "items": items}
    )


def guide_detail(request, code: str):
    item = selectors.item_public_get(code=code)
    return render(request, "services/public/guide_detail.html", {"item": item})


def track(request):
    code = request.GET.get("code", "")[:16]
    found = selectors.tracking_status(code=code) if code else None
    return render(request, "services/public/track.html", {"code": code, "found": found})
