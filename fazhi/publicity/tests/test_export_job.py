"""The 双公示 export as a background job with a staff page (issue 19.2): start, progress,
download, a second start returns the same job, a failed job retries on the same row."""

from __future__ import annotations

import csv
import io
from datetime import date
from unittest import mock

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent, Job
from fazhi.publicity.models import ExportBatch
from fazhi.publicity.testing import publish_on
from fazhi.publicity.tests.conftest import person_penalty_data, register

pytestmark = pytest.mark.django_db


def published(data=None, source_id="1"):
    record, _ = register("penalty", data=data, source_id=source_id)
    return publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)


@pytest.fixture
def legal(org_tree):
    return make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])


def test_start_runs_records_progress_and_offers_the_file(
    client, legal, django_capture_on_commit_callbacks
):
    published()
    published(person_penalty_data(), source_id="2")
    client.force_login(legal)
    with django_capture_on_commit_callbacks(execute=True):  # the job is queued on commit
        response = client.post("/staff/jobs/shuanggongshi/", {"kind": "penalty", "format": "csv"})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/jobs/{job.pk}/"
    assert job.status == Job.Status.DONE and (job.done, job.total) == (2, 2)
    assert job.created_by == legal and job.summary["rows"] == 2
    page = client.get(f"/staff/jobs/{job.pk}/").content.decode()
    assert "已完成" in page and 'http-equiv="refresh"' not in page and "下载" in page
    download = client.get(f"/staff/jobs/{job.pk}/download/")
    body = b"".join(download.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 2 and ExportBatch.objects.count() == 1
    assert AuditEvent.objects.filter(action="core.job.start").count() == 1
    # the same work started again (a second click, a reload): the same job, no second batch
    with django_capture_on_commit_callbacks(execute=True) as queued:
        again = client.post("/staff/jobs/shuanggongshi/", {"kind": "penalty", "format": "csv"})
    assert queued == []
    assert again["Location"] == f"/staff/jobs/{job.pk}/"
    assert Job.objects.count() == 1 and ExportBatch.objects.count() == 1


def test_a_running_job_refreshes_its_page(client, legal):
    job = Job.objects.create(
        kind="publicity.shuanggongshi",
        params={"kind": "penalty", "format": "csv"},
        key="k",
        status=Job.Status.RUNNING,
        done=3,
        total=10,
        created_by=legal,
    )
    client.force_login(legal)
    page = client.get(f"/staff/jobs/{job.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert 'value="3"' in page and 'max="10"' in page and "已处理 3 / 10 条" in page
    assert client.get(f"/staff/jobs/{job.pk}/download/").status_code == 404


def test_failure_is_shown_and_retry_reruns_the_same_row(
    client, legal, django_capture_on_commit_callbacks
):
    published()
    client.force_login(legal)
    with (
        mock.patch("fazhi.publicity.jobs.shuanggongshi_export", side_effect=OSError("磁盘已满")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post("/staff/jobs/shuanggongshi/", {"kind": "penalty", "format": "csv"})
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and "磁盘已满" in job.error
    page = client.get(f"/staff/jobs/{job.pk}/").content.decode()
    assert "磁盘已满" in page and "重试" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/staff/jobs/{job.pk}/retry/")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.attempts == 2 and job.error == ""
    assert Job.objects.count() == 1 and ExportBatch.objects.count() == 1


def test_officer_cannot_start_or_see(client, org_tree, legal):
    officer = make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"])
    client.force_login(officer)
    client.post("/staff/jobs/shuanggongshi/", {"kind": "penalty", "format": "csv"})
    assert not Job.objects.exists()
    assert "开始导出" not in client.get("/staff/jobs/").content.decode()


def test_publicity_page_no_longer_sends_staff_to_the_command_line(client, legal):
    client.force_login(legal)
    page = client.get("/staff/publicity/?tab=batches").content.decode()
    assert "fazhi export" not in page and "/staff/jobs/" in page


def test_job_list_names_jobs_in_words(client, legal):
    Job.objects.create(
        kind="publicity.shuanggongshi", params={"kind": "penalty", "format": "csv"}, key="k2"
    )
    client.force_login(legal)
    page = client.get("/staff/jobs/").content.decode()
    assert "双公示导出（行政处罚，csv）" in page and ">penalty" not in page and ">None<" not in page
