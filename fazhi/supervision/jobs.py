"""The warning scan started from its page as a background job (issue 19.2, 22;
``fazhi.core.services.jobs``): the page starts it and shows its progress (one step per batch of
cases); the result is a CSV of the open warnings by rule.

One scan at a time: while a scan job is queued or running, starting again returns it. The key
counts the scan jobs so far, so two clicks at the same moment compute the same key and the job
table's unique key makes the second return the first; once it has ended the next start gets a
new key and a new scan."""

from __future__ import annotations

import csv
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.permissions import SUPERVISION_SCAN, require
from fazhi.core.models import Job
from fazhi.core.services import jobs
from fazhi.supervision.domain.warnings import RULES
from fazhi.supervision.models import Warning
from fazhi.supervision.services import warnings_scan

KIND = "supervision.scan"


def current() -> Job | None:
    """The scan job queued or running, else the latest one (the page shows it)."""
    scans = Job.objects.filter(kind=KIND)
    active = scans.filter(status__in=(Job.Status.QUEUED, Job.Status.RUNNING)).order_by("pk")
    return active.first() or scans.order_by("-pk").first()


def start(*, actor) -> Job:
    """Start a scan unless one is queued or running (then return that one)."""
    running = current()
    if running is not None and running.active:
        require(actor, SUPERVISION_SCAN)
        return running
    serial = Job.objects.filter(kind=KIND).count() + 1
    return jobs.job_start(kind=KIND, params={}, key=f"{KIND}:{serial}", actor=actor)


def scan(*, job, workdir: Path, progress):
    """The handler: the scan on the day it runs (set by the system), then the open warnings."""
    progress(0, None)
    run = warnings_scan(today=timezone.localdate(), actor=job.created_by, progress=progress)
    counts = dict.fromkeys(RULES, 0)
    for rule in Warning.objects.filter(status=Warning.Status.OPEN).values_list("rule", flat=True):
        counts[rule] = counts.get(rule, 0) + 1
    name = f"预警{run.today:%Y%m%d}.csv"
    with open(workdir / name, "w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(["预警规则", "依据", "未消除预警（条）"])
        for code, rule in RULES.items():
            out.writerow([rule.title, rule.basis, counts.get(code, 0)])
    text = f"已核查 {run.checked} 件案件，新发预警 {run.opened} 条，消除 {run.closed} 条。"
    summary = {
        "text": text,
        "url": reverse("supervision:warnings"),
        "link_label": "查看执法预警",
        "run": run.pk,
    }
    return workdir / name, name, summary
