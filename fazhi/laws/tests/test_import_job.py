"""The corpus import as a background job (issue 19.2): progress per file, a result sheet naming
what happened to each file, one job per state of the data folder, refusals for other roles."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from django.core.files.storage import storages

from fazhi.accounts.permissions import NotPermitted
from fazhi.accounts.tests.factories import make_user
from fazhi.core.domain.errors import Refused
from fazhi.core.models import Job
from fazhi.core.services import jobs
from fazhi.laws.jobs import KIND, params_and_key
from fazhi.laws.models import LegalDocument
from fazhi.laws.tests.conftest import LAW_FILES, SHARED, requires_data

pytestmark = [requires_data, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def folder(tmp_path, settings):
    """A data folder holding two of the real laws and their manifest rows."""
    wanted = set(LAW_FILES[:2])
    (tmp_path / "laws").mkdir()
    with open(SHARED / "laws" / "manifest.csv", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = [row for row in reader if row["file"] in wanted]
        fields = reader.fieldnames
    with open(tmp_path / "laws" / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    for name in wanted:
        (tmp_path / "laws" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHARED / "laws" / name, tmp_path / "laws" / name)
    settings.FAZHI = {**settings.FAZHI, "SHARED_DATA_DIR": tmp_path}
    return tmp_path


def test_the_job_imports_each_file_and_reports_it(org_tree, folder):
    legal = make_user("fagui", unit=org_tree["fagui"], roles=["法规处工作人员"])
    params, key = params_and_key()
    job = jobs.job_start(kind=KIND, params=params, key=key, actor=legal)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    assert (job.done, job.total) == (2, 2)
    assert LegalDocument.objects.count() == 2
    assert "新导入2个文件" in job.summary["text"]
    with storages["evidence"].open(job.result_file, "rb") as fh:
        sheet = list(csv.reader(io.StringIO(fh.read().decode("utf-8-sig"))))
    assert sheet[0] == ["文件", "结果", "原因或提示"]
    assert sorted(row[1] for row in sheet[1:] if row[0]) == ["新导入", "新导入"]
    assert ["", "提示", f"{folder / 'policies'}：缺少 manifest.csv"] in sheet  # said, not hidden
    # the same data again: the same job, nothing imported twice
    assert jobs.job_start(kind=KIND, params=params, key=key, actor=legal).pk == job.pk
    assert LegalDocument.objects.count() == 2


def test_other_roles_are_refused_and_nothing_is_queued(org_tree, folder):
    officer = make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"])
    params, key = params_and_key()
    with pytest.raises(NotPermitted):
        jobs.job_start(kind=KIND, params=params, key=key, actor=officer)
    assert not Job.objects.exists() and not LegalDocument.objects.exists()


def test_an_empty_data_folder_is_refused(tmp_path, settings):
    settings.FAZHI = {**settings.FAZHI, "SHARED_DATA_DIR": tmp_path}
    with pytest.raises(Refused, match="没有可导入的文件"):
        params_and_key()
