"""The 双公示 export job's services on the gate matrix: anonymous and an enforcement officer (no
export right) are refused with nothing written; 法规处 starts and retries."""

from __future__ import annotations

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import Job
from fazhi.core.services.jobs import job_retry, job_start
from fazhi.publicity.jobs import KIND, params_and_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(org_tree):
    return {
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "officer": make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"]),
    }


def test_job_start_gate(people, django_capture_on_commit_callbacks):
    params, key = params_and_key(kind="penalty", fmt="csv")
    with django_capture_on_commit_callbacks(execute=True):
        job = check_gate(
            lambda actor: job_start(kind=KIND, params=params, key=key, actor=actor),
            responsible=people["legal"],
            outsiders=[people["officer"]],
        )
    job.refresh_from_db()
    assert job.status == Job.Status.DONE  # tests run jobs at once (HUEY immediate)


def test_job_retry_gate(people):
    job = Job.objects.create(
        kind=KIND,
        params={"kind": "penalty", "format": "csv"},
        key="k",
        status=Job.Status.FAILED,
        error="x",
    )
    retried = check_gate(
        lambda actor: job_retry(job=job, actor=actor),
        responsible=people["legal"],
        outsiders=[people["officer"]],
        obj=job,
    )
    assert retried.pk == job.pk
