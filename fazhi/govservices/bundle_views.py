"""Staff screens for 场景式主题审批 (issue 19.1): receive one application for a bundle of
licensing items at one window, then follow its parts, each on its own clock."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.accounts.permissions import LICENSING_HANDLE, allowed
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.govservices import selectors
from fazhi.govservices.domain.auto_approval import rule_for
from fazhi.govservices.domain.licensing import BUNDLE_STATUS_LABELS
from fazhi.govservices.forms import ApplicationForm
from fazhi.govservices.services.bundles import bundle_submit
from fazhi.govservices.services.licensing import missing_for


def _material_rows(items) -> list[tuple[str, list[str], bool]]:
    """(material, the items that list it, obtained by data sharing): handed in once."""
    rows: dict[str, tuple[list[str], bool]] = {}
    for item in items:
        for m in item.materials.all():
            rows.setdefault(m.name, ([], m.is_shared))[0].append(item.name)
    return [(name, names, shared) for name, (names, shared) in rows.items()]


@login_required
def bundle_application_create(request):
    """Pick a bundle of the published catalogue, see its items, clocks and materials, receive."""
    if not allowed(request.user, LICENSING_HANDLE):
        raise PermissionDenied("只有业务处室经办人可以办理行政许可")
    bundles = selectors.bundles_current()
    bundle = next((b for b in bundles if b.code == request.GET.get("bundle", "")), None)
    items = list(bundle.items.order_by("position", "code")) if bundle else []
    form = ApplicationForm(
        request.POST or None, items=items, initial={"received_on": timezone.localdate()}
    )
    error = ""
    if bundle is not None and request.method == "POST" and form.is_valid():
        # the window clerk owns the clocks only when every part is in their own unit
        own = all(i.org_unit_id == request.user.org_unit_id for i in items)
        try:
            parent = bundle_submit(
                bundle=bundle,
                actor=request.user,
                handler=request.user if own else None,
                **form.service_arguments(),
            )
        except (Refused, CalendarDataMissing) as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                f"已收件，主题受理编号 {parent.reference}，查询码 {parent.tracking_code}；"
                f"{len(items)} 个事项已分别登记，按各自期限办理。",
            )
            return redirect("services:bundle_application_detail", parent.pk)
    context = {
        "bundles": bundles,
        "bundle": bundle,
        "items": items,
        "auto_rules": [(i, rule_for(i.auto_rule)) for i in items if rule_for(i.auto_rule)],
        "material_rows": _material_rows(items),
        "form": form,
        "error": error,
    }
    # a refusal or a field error returns the form as typed with the reason beside it
    status = 422 if request.method == "POST" and (error or form.errors) else 200
    return render(request, "services/bundle_form.html", context, status=status)


@login_required
def bundle_application_detail(request, pk: int):
    parent, parts = selectors.bundle_application_get_for_user(pk=pk, user=request.user)
    today = timezone.localdate()
    context = {
        "parent": parent,
        "status": BUNDLE_STATUS_LABELS[selectors.bundle_status_of(parent)],
        "rows": [
            (row, missing_for(row.application))
            for row in selectors.nearest_rows(parts, today=today)
        ],
        "hidden": parent.parts.count() - len(parts),
    }
    return render(request, "services/bundle_detail.html", context)
