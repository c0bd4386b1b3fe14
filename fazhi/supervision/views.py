"""Staff pages of 执法监督: the warnings a user may see. Thin: reads through selectors; the
scan is a service (run daily by `fazhi supervision scan`, or from this page by 法规处)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import SUPERVISION_SCAN, allowed
from fazhi.core.domain.errors import Refused
from fazhi.supervision import selectors, services
from fazhi.supervision.domain.warnings import LEVEL_LABELS, NOT_EVALUATED, RULES
from fazhi.supervision.models import ScanRun, Warning


@login_required
def warning_list(request):
    status = request.GET.get("status", Warning.Status.OPEN)
    if status not in (Warning.Status.OPEN, Warning.Status.CLOSED, ""):
        status = Warning.Status.OPEN
    rule = request.GET.get("rule", "")
    if rule and rule not in RULES:
        rule = ""
    rows = list(selectors.warnings_for(request.user, status=status or None, rule=rule)[:500])
    for w in rows:
        w.url = selectors.subject_url(w)
        w.level_label = LEVEL_LABELS[w.level]
    context = {
        "warnings": rows,
        "status": status,
        "rule": rule,
        "rules": [(code, r, NOT_EVALUATED.get(code, "")) for code, r in RULES.items()],
        "counts": selectors.open_counts_by_rule(request.user),
        "can_scan": allowed(request.user, SUPERVISION_SCAN),
        "last_run": ScanRun.objects.filter(finished_at__isnull=False).first(),
    }
    return render(request, "supervision/warnings.html", context)


@login_required
@require_POST
def warning_scan(request):
    try:
        run = services.warnings_scan(today=timezone.localdate(), actor=request.user)
    except Refused as exc:
        messages.error(request, str(exc))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"已核查 {run.checked} 件案件，新发预警 {run.opened} 条，消除 {run.closed} 条。",
        )
    return redirect("supervision:warnings")
