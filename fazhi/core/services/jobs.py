"""Background jobs (ADR 0005, issue 19.2): start, retry and run.

* :func:`job_start` creates the :class:`~fazhi.core.models.Job` for a piece of work, or returns
  the one that already exists for the same ``key`` (a second click, a reload, two clerks at
  once): the work is done once.
* :func:`job_retry` reruns a failed job on the same row.
* :func:`run` is what the huey worker calls (``fazhi/core/tasks.py``); it records progress and
  stores the result file in the evidence storage, so web and worker need no shared disk.

A job kind names its handler in ``HANDLERS`` by dotted path; the handler receives the job, a
scratch folder and ``progress(done, total)``, and returns the file it wrote, the download name
and a summary dict. It raises ``Refused`` for a refusal staff can act on.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Mapping
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from fazhi.core.domain.errors import Refused
from fazhi.core.models import Job
from fazhi.core.permissions import Rule, require
from fazhi.core.services import audit

logger = logging.getLogger(__name__)

# kind -> (handler, the rule that lets a person start it, its Chinese name)
HANDLERS: dict[str, tuple[str, str, str]] = {
    "publicity.shuanggongshi": (
        "fazhi.publicity.jobs.shuanggongshi",
        "fazhi.accounts.permissions.PUBLICITY_EXPORT",
        "双公示导出",
    ),
    "laws.import": (
        "fazhi.laws.jobs.corpus",
        "fazhi.accounts.permissions.LAWS_MAINTAIN",
        "法规库导入",
    ),
    "reports.draft": (
        "fazhi.reports.jobs.draft",
        "fazhi.accounts.permissions.REPORTS_DRAFT",
        "生成年度报告初稿",
    ),
    "supervision.scan": (
        "fazhi.supervision.jobs.scan",
        "fazhi.accounts.permissions.SUPERVISION_SCAN",
        "执法预警核查",
    ),
    # 导出 Excel of long staff lists (issue 19.7): the creator's own scope, filters in params
    "enforcement.cases_xlsx": (
        "fazhi.enforcement.exports.cases_xlsx",
        "fazhi.accounts.permissions.ENFORCEMENT_HANDLE",
        "执法案件导出",
    ),
    "inspections.results_xlsx": (
        "fazhi.inspections.exports.results_xlsx",
        "fazhi.accounts.permissions.INSPECTIONS_MANAGE",
        "抽查结果导出",
    ),
    "publicity.records_xlsx": (
        "fazhi.publicity.exports.records_xlsx",
        "fazhi.accounts.permissions.PUBLICITY_EXPORT",
        "执法公示导出",
    ),
}


# Kinds staff start from the 后台任务 screen: kind -> (the dotted path of the app's
# ``params_and_key``, {its keyword: the posted field}). Named by path, as HANDLERS are, because
# core sits below the apps whose jobs it runs.
STARTERS: dict[str, tuple[str, dict[str, str]]] = {
    "publicity.shuanggongshi": (
        "fazhi.publicity.jobs.params_and_key",
        {"kind": "kind", "fmt": "format"},
    ),
    "laws.import": ("fazhi.laws.jobs.params_and_key", {}),
}


def start_params(kind: str, posted: Mapping[str, str]) -> tuple[dict, str]:
    """The params and idempotency key of a ``kind`` job started from a posted form."""
    path, fields = STARTERS[kind]
    params_and_key = import_string(path)
    return params_and_key(**{arg: posted.get(field, "") for arg, field in fields.items()})


def kind_label(kind: str) -> str:
    return HANDLERS[kind][2] if kind in HANDLERS else kind


def _rule(kind: str) -> Rule:
    return import_string(HANDLERS[kind][1])


def _enqueue(job: Job) -> None:
    from fazhi.core.tasks import run_job  # huey's task module (djhuey discovers it)

    transaction.on_commit(lambda: run_job(job.pk))


def job_start(*, kind: str, params: dict, key: str, actor) -> Job:
    """Queue ``kind`` with ``params`` unless a job with ``key`` exists; return the job."""
    if kind not in HANDLERS:
        raise Refused("没有这种后台任务。", "ADR 0005", code="job_unknown_kind")
    require(actor, _rule(kind))
    existing = Job.objects.filter(key=key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            job = Job.objects.create(kind=kind, params=params, key=key, created_by=actor)
            audit.record(
                actor=actor, action="core.job.start", target=job, data={"kind": kind, **params}
            )
            _enqueue(job)
    except IntegrityError:  # the same key started at the same moment by someone else
        return Job.objects.get(key=key)
    return job


def job_retry(*, job: Job, actor) -> Job:
    """Run a failed job again on the same row (same key: nothing is duplicated)."""
    require(actor, _rule(job.kind))
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if job.status != Job.Status.FAILED:
            raise Refused("只有失败的任务可以重试。", "ADR 0005", code="job_not_failed")
        job.status, job.error, job.done, job.total = Job.Status.QUEUED, "", 0, None
        job.save(update_fields=["status", "error", "done", "total"])
        audit.record(actor=actor, action="core.job.retry", target=job, data={"kind": job.kind})
        _enqueue(job)
    return job


def run(job_id: int) -> None:
    """Run one job (the worker's entry point). A job already done is left alone: a task the
    queue delivers twice does the work once."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (Job.Status.DONE, Job.Status.RUNNING):
            return
        job.status, job.started_at = Job.Status.RUNNING, timezone.now()
        job.attempts += 1
        job.save(update_fields=["status", "started_at", "attempts"])

    def progress(done: int, total: int | None) -> None:
        Job.objects.filter(pk=job_id).update(done=done, total=total)

    handler = import_string(HANDLERS[job.kind][0])
    try:
        with tempfile.TemporaryDirectory() as folder:
            path, name, summary = handler(job=job, workdir=Path(folder), progress=progress)
            with open(path, "rb") as fh:
                stored = storages["evidence"].save(f"jobs/{job.pk}/{Path(name).name}", File(fh))
    except Refused as exc:
        _finish(job_id, status=Job.Status.FAILED, error=exc.message)
        return
    except Exception as exc:  # the page shows the failure and offers a retry
        logger.exception("job %s failed", job_id)
        _finish(job_id, status=Job.Status.FAILED, error=f"执行出错：{exc}")
        return
    _finish(job_id, status=Job.Status.DONE, result_file=stored, result_name=name, summary=summary)


def _finish(job_id: int, **fields) -> None:
    Job.objects.filter(pk=job_id).update(finished_at=timezone.now(), **fields)
