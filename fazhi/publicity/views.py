"""Staff screens: the publicity queue with due dates and the overdue alarm, a record page with
its pre-flight check and the publish / withdraw actions, and the 双公示 batches with receipts."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import PUBLICITY_EXPORT, PUBLICITY_PUBLISH, allowed
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.deadlines import deadline_rows, deadlines_for_subject
from fazhi.publicity import exports, selectors
from fazhi.publicity.domain.enums import KIND_LABELS, STATUS_LABELS, Change, Kind, Status
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.services import publicity_publish, publicity_withdraw

TABS = {**{s.value: label for s, label in STATUS_LABELS.items()}, "batches": "双公示报送"}


def _day(request, name: str) -> date:
    try:
        return date.fromisoformat(request.POST.get(name, ""))
    except ValueError:
        raise Refused("日期格式不正确，请按 YYYY-MM-DD 填写") from None


@login_required
def queue(request):
    today = timezone.localdate()
    tab = request.GET.get("tab", Status.PENDING)
    tab = tab if tab in TABS else Status.PENDING
    kind = request.GET.get("kind", "")
    kind = kind if kind in Kind.__members__.values() else ""
    query = request.GET.get("q", "").strip()[:50]
    context = {
        "tab": tab,
        "tabs": TABS,
        "kind": kind,
        "kinds": KIND_LABELS,
        "q": query,
        "today": today,
        "counts": selectors.status_counts(),
        "overdue": selectors.overdue_records(today=today)[:50],
        "overdue_total": selectors.overdue_records(today=today).count(),
        "can_export": allowed(request.user, PUBLICITY_EXPORT),
    }
    if tab == "batches":
        context["batches"] = selectors.export_batches()
        context["rejected"] = selectors.rejected_records()[:100]
    else:
        records = selectors.staff_records(status=tab, kind=kind, query=query)
        context["total"] = records.count()
        context["records"] = records[:200]
    return render(request, "publicity/queue.html", context)


@login_required
def register_xlsx(request):
    """导出 Excel of the tab as filtered (issue 19.7); past 5,000 rows a background job."""
    from fazhi.core.views.exports import export_or_job, model_sheet, xlsx_download

    if not allowed(request.user, PUBLICITY_EXPORT):
        raise PermissionDenied("您没有导出执法公示数据的权限")
    params = exports.params_from(request.GET)
    qs = exports.records(params)
    count = qs.count()
    latest = qs.order_by("-content_changed_at").values_list("content_changed_at", flat=True)

    def download():
        header, rows = model_sheet(qs, exports.FIELDS)
        return xlsx_download(header=header, rows=rows, title="执法公示", what=exports.what(params))

    return export_or_job(
        request,
        count=count,
        kind=exports.KIND,
        params=params,
        key_extra=f"{count}:{latest.first()}",
        download=download,
    )


@login_required
def record_detail(request, pk: int):
    record = get_object_or_404(PublicityRecord, pk=pk)
    today = timezone.localdate()
    context = {
        "record": record,
        "today": today,
        "problems": validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on),
        "deadlines": deadline_rows(
            deadlines_for_subject(subject=record).order_by("start", "id"), today=today
        ),
        "changes": [c.value for c in Change],
        "can_publish": allowed(request.user, PUBLICITY_PUBLISH, unit=selectors.record_unit(record)),
        "overdue": record.status == Status.PENDING and record.due_on and record.due_on < today,
    }
    return render(request, "publicity/detail.html", context)


@login_required
@require_POST
def record_action(request, pk: int, action: str):
    record = get_object_or_404(PublicityRecord, pk=pk)
    try:
        if action == "publish":
            publicity_publish(record=record, actor=request.user)
            messages.success(request, "已公示。")
        elif action == "withdraw":
            publicity_withdraw(
                record=record,
                reason=request.POST.get("reason", ""),
                change=request.POST.get("change", ""),
                actor=request.user,
                changed_on=_day(request, "changed_on") if request.POST.get("changed_on") else None,
            )
            messages.success(request, "已撤回公示，撤回原因已公开。")
        else:
            raise PermissionDenied("未知操作")
    except Refused as exc:
        messages.error(request, str(exc))
    return redirect("publicity:detail", record.pk)
