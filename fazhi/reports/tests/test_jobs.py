"""Drafting as a background job: progress per figure, the draft and its .docx as the result, one
job per year and layout however often it is started."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.core.domain.errors import Refused
from fazhi.core.models import Job
from fazhi.core.services import jobs
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply
from fazhi.reports.jobs import KIND, params_and_key
from fazhi.reports.models import Report

pytestmark = pytest.mark.django_db(transaction=True)  # the job runs when the start commits


@pytest.fixture
def legal(org_tree):
    user = make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    case = apply({"legal": user, "units": org_tree}, applicant_name="申请人")
    recon.reconsideration_review(case=case, outcome="accept", on=date(2019, 3, 25), actor=user)
    return user


def test_the_job_drafts_the_report_and_keeps_its_docx(legal):
    params, key = params_and_key(year="2019", layout="seed")
    job = jobs.job_start(kind=KIND, params=params, key=key, actor=legal)
    job.refresh_from_db()
    report = Report.objects.get(year=2019, layout="seed")
    assert job.status == Job.Status.DONE and job.summary["report"] == report.pk
    assert job.summary["url"] == report.get_absolute_url()
    assert job.done == job.total == len(report.figures)  # progress: one step per figure
    assert job.result_name.endswith(".docx") and "1件" in _docx_text(job)
    # a second click returns the same job and drafts nothing more
    again = jobs.job_start(kind=KIND, params=params, key=key, actor=legal)
    assert again.pk == job.pk and Report.objects.count() == 1


def test_bad_input_is_refused_before_anything_is_queued(legal):
    for year, layout in (("", "seed"), ("二〇一九", "seed"), ("2019", "nope")):
        with pytest.raises(Refused):
            params_and_key(year=year, layout=layout)
    assert Job.objects.count() == 0


def test_a_year_without_records_fails_with_the_reason_and_writes_no_report(legal):
    params, key = params_and_key(year="2005", layout="seed")
    job = jobs.job_start(kind=KIND, params=params, key=key, actor=legal)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "没有任何可用于报告的记录" in job.error
    assert Report.objects.count() == 0


def _docx_text(job) -> str:
    from django.core.files.storage import storages
    from docx import Document

    with storages["evidence"].open(job.result_file, "rb") as fh:
        return "\n".join(p.text for p in Document(fh).paragraphs)
