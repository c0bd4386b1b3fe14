"""The scan started from the warning page runs as a background job: its progress per batch, the
summary and a CSV of open warnings by rule as the result, one scan at a time, shown on the page."""

from __future__ import annotations

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from fazhi.core.models import Job
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.jobs import KIND
from fazhi.supervision.models import ScanRun, Warning

pytestmark = pytest.mark.django_db(transaction=True)  # the job runs when the start commits


def test_the_page_starts_the_scan_as_a_job_with_progress_and_shows_it(client, world, supervisors):
    filed_case(world)  # filed in 2019 and never decided: late by now
    filed_case(world, party_name="天津某物业公司")
    client.force_login(supervisors["legal"])
    answer = client.post(reverse("supervision:scan"))
    job = Job.objects.get(kind=KIND)
    assert answer.status_code == 302 and answer.url == reverse("core:job_detail", args=[job.pk])
    assert job.status == Job.Status.DONE, job.error
    run = ScanRun.objects.get(pk=job.summary["run"])
    assert run.finished_at and run.checked == 2 and job.done == job.total == 2
    assert Warning.objects.filter(rule="decision_late", status="open").count() == 2
    assert job.summary["text"] == "已核查 2 件案件，新发预警 2 条，消除 0 条。"
    with storages["evidence"].open(job.result_file) as fh:
        rows = fh.read().decode("utf-8-sig").splitlines()
    assert rows[0] == "预警规则,依据,未消除预警（条）"
    assert any(r.startswith("未在法定期限内作出处理决定,") and r.endswith(",2") for r in rows)
    detail = client.get(answer.url).content.decode()
    assert "执法预警核查" in detail and "查看执法预警" in detail
    page = client.get(reverse("supervision:warnings")).content.decode()
    assert "上次后台核查：已完成" in page and "已核查 2 件案件" in page

    # a second click starts a new scan once the first has ended: nothing opened twice
    client.post(reverse("supervision:scan"))
    assert Job.objects.filter(kind=KIND).count() == 2 and ScanRun.objects.count() == 2
    assert Warning.objects.count() == 2


def test_one_scan_at_a_time_and_an_officer_cannot_start_one(client, world, supervisors):
    filed_case(world)
    running = Job.objects.create(
        kind=KIND, params={}, key=f"{KIND}:1", status=Job.Status.RUNNING, done=1, total=4
    )
    client.force_login(supervisors["legal"])
    answer = client.post(reverse("supervision:scan"))
    assert answer.url == reverse("core:job_detail", args=[running.pk])
    assert Job.objects.count() == 1 and ScanRun.objects.count() == 0  # no second scan
    page = client.get(reverse("supervision:warnings")).content.decode()
    assert "核查正在后台进行" in page and "已处理 1 / 4 件" in page and "立即核查" not in page

    running.delete()
    client.force_login(world["users"]["a"])  # an officer: refused, nothing queued or scanned
    client.post(reverse("supervision:scan"))
    assert Job.objects.count() == 0 and ScanRun.objects.count() == 0
    assert Warning.objects.count() == 0
