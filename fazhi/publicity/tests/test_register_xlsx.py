"""导出 Excel of the 执法公示 register (issue 19.7): the tab, type and search of the page, labels
in words, no ID number, phone or address; only those who may export; long lists as a job."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import Job
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.tests.conftest import (
    ADDRESS,
    PERSON_ID,
    PHONE,
    license_data,
    person_penalty_data,
    register,
)

pytestmark = pytest.mark.django_db
URL = "/staff/publicity/records.xlsx"


def _sheet(response) -> list[list]:
    content = b"".join(response.streaming_content)
    return [list(r) for r in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]


@pytest.fixture
def legal(org_tree):
    return make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])


def test_the_register_exports_the_tab_as_filtered(legal):
    register(
        data=person_penalty_data(legal_rep_id_type="身份证", legal_rep_id_number=PERSON_ID),
        source_id="1",
    )
    register(kind=Kind.LICENSE, data=license_data(), source_id="2")
    client = Client()
    client.force_login(legal)
    page = client.get("/staff/publicity/").content.decode()
    assert "导出 Excel" in page and "records.xlsx?tab=pending" in page
    response = client.get(URL, {"tab": "pending", "kind": "penalty"})
    assert (
        "%E6%89%A7%E6%B3%95%E5%85%AC%E7%A4%BA-%E5%BE%85%E5%85%AC%E7%A4%BA"
        in (
            response["Content-Disposition"]  # 执法公示-待公示-行政处罚-<date>.xlsx
        )
    )
    rows = _sheet(response)
    assert rows[0][:4] == ["类型", "状态", "决定文书名称", "决定文书号"]
    assert len(rows) == 2 and rows[1][0] == "行政处罚" and rows[1][1] == "待公示"
    flat = " ".join(str(v) for row in rows for v in row)
    assert PERSON_ID not in flat and PHONE not in flat and ADDRESS not in flat
    assert len(_sheet(client.get(URL, {"tab": "pending"}))) == 3  # both kinds
    assert len(_sheet(client.get(URL, {"tab": "published"}))) == 1  # header only


def test_only_those_who_may_export_get_the_sheet(org_tree):
    register()
    client = Client()
    client.force_login(make_user("reader", unit=org_tree["fagui"], roles=["法制审核人员"]))
    assert client.get(URL).status_code == 403
    assert "records.xlsx" not in client.get("/staff/publicity/").content.decode()


def test_a_long_register_becomes_a_job(legal, monkeypatch):
    from fazhi.core.views import exports

    monkeypatch.setattr(exports, "SYNC_ROWS", 1)
    register(source_id="1")
    register(kind=Kind.LICENSE, data=license_data(), source_id="2")
    client = Client()
    client.force_login(legal)
    response = client.get(URL, {"tab": "pending"})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{job.pk}/")
    assert job.kind == "publicity.records_xlsx" and job.params["tab"] == "pending"
    client.get(URL, {"tab": "pending"})
    assert Job.objects.count() == 1  # asking again finds the same job
