"""导出 Excel of 我的案件 (issue 19.7): the filtered list in the user's units, named by what and
when; past the synchronous limit it becomes a background job whose file has the same rows."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fazhi.core.models import Job
from fazhi.enforcement import exports
from fazhi.enforcement.tests.conftest import filed_case, register

pytestmark = pytest.mark.django_db


def _sheet(content: bytes) -> list[tuple]:
    return list(load_workbook(BytesIO(content), read_only=True).active.iter_rows(values_only=True))


def test_the_list_downloads_as_xlsx(client, world):
    case = filed_case(world)
    client.force_login(world["users"]["a"])
    assert "/staff/enforcement/cases.xlsx" in client.get("/staff/enforcement/").content.decode()
    response = client.get("/staff/enforcement/cases.xlsx")
    assert (
        "filename*=UTF-8''%E6%89%A7%E6%B3%95%E6%A1%88%E4%BB%B6-" in response["Content-Disposition"]
    )
    rows = _sheet(b"".join(response.streaming_content))
    assert rows[0][:3] == ("案件编号", "当事人", "统一社会信用代码/身份证号")
    assert (
        rows[1][0] == case.reference
        and rows[1][5].startswith("已立案")
        and rows[1][7] == "2019-03-06"
    )
    # another unit's officer gets the header only
    client.force_login(world["users"]["outsider"])
    assert len(_sheet(b"".join(client.get("/staff/enforcement/cases.xlsx").streaming_content))) == 1


def test_a_long_list_runs_as_a_job(client, world, monkeypatch, tmp_path):
    from fazhi.core.views import exports as core_exports

    register(world)
    monkeypatch.setattr(core_exports, "SYNC_ROWS", 0)
    client.force_login(world["users"]["a"])
    response = client.get("/staff/enforcement/cases.xlsx?status=received")
    job = Job.objects.get(kind=exports.KIND)
    assert response.status_code == 302 and response["Location"] == f"/staff/jobs/{job.pk}/"
    assert job.params == {"status": "received"}
    # the same request the same day finds the same job
    client.get("/staff/enforcement/cases.xlsx?status=received")
    assert Job.objects.filter(kind=exports.KIND).count() == 1
    seen = []
    path, name, summary = exports.cases_xlsx(
        job=job, workdir=Path(tmp_path), progress=lambda d, t: seen.append((d, t))
    )
    assert summary == {"rows": 1} and name.startswith("执法案件-") and seen == [(1, 1)]
    assert len(_sheet(path.read_bytes())) == 2
