"""导出 Excel of the 复议 and 应诉 registers (issue 19.7): the filtered rows of the user's units,
labels in words, no ID numbers or phones."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db


def _sheet(response) -> list[list]:
    content = b"".join(response.streaming_content)
    return [list(r) for r in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]


def test_the_register_exports_as_filtered_in_the_users_units(client, people):
    apply(people, applicant_name="张三", received_on=date(2019, 3, 20))
    apply(
        people,
        applicant_name="李四",
        act_known_on=date(2020, 3, 1),
        received_on=date(2020, 3, 20),
    )
    client.force_login(people["legal"])
    response = client.get("/staff/disputes/register.xlsx", {"year": "2019"})
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    rows = _sheet(response)
    assert rows[0][:3] == ["案号", "申请人", "被申请人"] and len(rows) == 2
    status = rows[1][5]
    assert rows[1][1] == "张三" and status and not status.isascii()  # the label, not the code
    assert not any("120101198001011234" in str(v) for row in rows for v in row)
    # another unit's user gets none of it
    client.force_login(people["outsider"])
    assert len(_sheet(client.get("/staff/disputes/register.xlsx"))) == 1
