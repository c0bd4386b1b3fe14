"""Public pages: the online application and status tracking by code (no personal data)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.services.evidence import EvidenceRejected
from fazhi.disputes import selectors
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.domain.reconsideration import Role
from fazhi.disputes.forms import ApplicationForm
from fazhi.disputes.services.reconsideration import reconsideration_apply


def _body_unit() -> OrgUnit | None:
    """The bureau's legal division receives online applications."""
    return OrgUnit.objects.filter(kind="bureau").order_by("path").first()


def apply(request):
    form = ApplicationForm(request.POST or None, request.FILES or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        files = tuple((f, f.name) for f in data.pop("attachments"))
        unit = _body_unit()
        try:
            if unit is None:
                raise Refused("系统尚未配置受理机关，请稍后再试")
            case = reconsideration_apply(
                org_unit=unit,
                role=Role.BODY,
                received_on=timezone.localdate(),
                is_online=True,
                actor=None,
                attachments=files,
                **data,
            )
        except (Refused, EvidenceRejected, CalendarDataMissing) as exc:
            error = str(exc)
        else:
            return render(request, "disputes/public/applied.html", {"code": case.tracking_code})
    return render(request, "disputes/public/apply.html", {"form": form, "error": error})


def track(request):
    code = request.GET.get("code", "")[:16]
    found = selectors.tracking_status(code=code) if code else None
    return render(request, "disputes/public/track.html", {"code": code, "found": found})
