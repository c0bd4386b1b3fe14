"""Background job pages (issue 19.2): start the 双公示 export, watch its progress (the page
refreshes itself with a meta tag while the job runs — no script), download, retry."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fazhi.core.domain.errors import Refused
from fazhi.core.models import Job
from fazhi.core.permissions import allowed
from fazhi.core.services import jobs


def _visible(request, pk: int) -> Job:
    job = get_object_or_404(Job, pk=pk)
    if job.kind in jobs.HANDLERS and not allowed(request.user, jobs._rule(job.kind)):
        raise PermissionDenied("您没有查看该任务的权限。")
    return job


@login_required
def job_list(request):
    kinds = [k for k in jobs.HANDLERS if allowed(request.user, jobs._rule(k))]
    rows = Job.objects.filter(kind__in=kinds).select_related("created_by")[:50]
    context = {
        "jobs": [(job, jobs.kind_label(job.kind)) for job in rows],
        "can_export": allowed(request.user, jobs._rule("publicity.shuanggongshi")),
        "can_import_laws": allowed(request.user, jobs._rule("laws.import")),
        "labels": jobs.kind_label,
    }
    return render(request, "core/jobs/list.html", context)


def _start(request, kind: str):
    """Start a job of ``kind`` from the posted form (its starter in ``jobs.STARTERS``)."""
    try:
        params, key = jobs.start_params(kind, request.POST)
        job = jobs.job_start(kind=kind, params=params, key=key, actor=request.user)
    except Refused as exc:
        messages.error(request, exc.message)
        return redirect("core:job_list")
    return redirect("core:job_detail", pk=job.pk)


@login_required
@require_POST
def shuanggongshi_start(request):
    return _start(request, "publicity.shuanggongshi")


@login_required
@require_POST
def laws_import_start(request):
    return _start(request, "laws.import")


@login_required
def job_detail(request, pk: int):
    job = _visible(request, pk)
    return render(
        request, "core/jobs/detail.html", {"job": job, "label": jobs.kind_label(job.kind)}
    )


@login_required
@require_POST
def job_retry(request, pk: int):
    job = _visible(request, pk)
    try:
        jobs.job_retry(job=job, actor=request.user)
    except Refused as exc:
        messages.error(request, exc.message)
    return redirect("core:job_detail", pk=job.pk)


@login_required
def job_download(request, pk: int):
    job = _visible(request, pk)
    if job.status != Job.Status.DONE or not job.result_file:
        raise Http404("任务尚未完成")
    handle = storages["evidence"].open(job.result_file, "rb")
    return FileResponse(handle, as_attachment=True, filename=job.result_name)
