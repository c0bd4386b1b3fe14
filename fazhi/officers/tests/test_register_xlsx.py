"""导出 Excel of the officers register (issue 19.7): each officer with the latest card and whether
it is usable today, in the user's units."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from fazhi.officers.tests.conftest import make_officer

pytestmark = pytest.mark.django_db


def _rows(response) -> list[tuple]:
    content = b"".join(response.streaming_content)
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_the_register_exports_each_officer_with_the_card(client, staff, pair):
    make_officer(staff, "王某", unit="district_team")
    client.force_login(staff["manager"])
    rows = _rows(client.get("/staff/officers/register.xlsx"))
    assert rows[0][:5] == ("姓名", "单位", "岗位", "在岗", "执法证号")
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["张建国"][4] == "1200001900001" and by_name["张建国"][7] in ("是", "否")
    assert by_name["王某"][4] is None and by_name["王某"][8] == "无执法证"
    # the district's user sees only the district's officer
    client.force_login(staff["outsider"])
    assert [r[0] for r in _rows(client.get("/staff/officers/register.xlsx"))[1:]] == ["王某"]
