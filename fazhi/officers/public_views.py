"""Public pages: who may enforce (执法公示 事前, 国办发〔2018〕118号（四）) and a certificate
check by number (事中: officers show their card, 118号（五）). Name, unit, area, number and
status only — nothing else personal."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.core.services.request_context import current_request
from fazhi.officers import selectors
from fazhi.officers.services.lookups import Throttled, lookup_register


def client_ip(request) -> str | None:
    # The middleware resolved the address (trusted proxies included) for the audit log.
    return current_request().ip or request.META.get("REMOTE_ADDR")


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def register(request):
    today = timezone.localdate()
    unit_id, query = _int(request.GET.get("unit", "")), request.GET.get("q", "")[:50]
    qs = selectors.public_register(today=today, org_unit_id=unit_id, query=query)
    size = settings.FAZHI.get("PORTAL_PAGE_SIZE", 20)
    page = Paginator(qs, size).get_page(request.GET.get("page"))
    units = OrgUnit.objects.filter(officers__is_active=True).distinct().order_by("path")
    context = {
        "page": page,
        "units": units,
        "filters": request.GET,
        "today": today,
        "total": page.paginator.count,
    }
    return render(request, "officers/public/register.html", context)


def check(request):
    number = request.GET.get("number", "").strip()[:40]
    found, error, status = None, "", 200
    if number:
        try:
            lookup_register(ip=client_ip(request), now=timezone.now())
        except Throttled as exc:
            error, status = exc.message, 429
        else:
            found = selectors.certificate_public(number=number, today=timezone.localdate())
    context = {"number": number, "found": found, "error": error, "today": timezone.localdate()}
    return render(request, "officers/public/check.html", context, status=status)
