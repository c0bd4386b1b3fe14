"""导出 Excel of a draw's check results (issue 19.7), published or not."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from fazhi.accounts.permissions import SYSTEM
from fazhi.inspections.services import checks, draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms

pytestmark = pytest.mark.django_db


def test_a_draw_s_results_download_as_xlsx(client, world):
    draw = draws.draw_run(
        plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms(), beacon=BEACON_VALUE
    )
    first = draw.checks.order_by("index").first()
    checks.check_result_enter(
        check=first,
        outcome="corrected",
        checked_on=date(2019, 5, 20),
        summary="未签合同",
        actor=SYSTEM,
    )
    client.force_login(world["manager"])
    page = client.get(f"/staff/inspections/draws/{draw.pk}/").content.decode()
    assert f"/staff/inspections/results.xlsx?draw={draw.pk}" in page
    response = client.get(f"/staff/inspections/results.xlsx?draw={draw.pk}")
    rows = list(
        load_workbook(
            BytesIO(b"".join(response.streaming_content)), read_only=True
        ).active.iter_rows(values_only=True)
    )
    assert rows[0][0] == "抽取编号" and len(rows) == 2
    assert rows[1][2] == first.employer_name and rows[1][4] == "发现问题已责令改正"
    assert rows[1][5] == "2019-05-20" and rows[1][9] == "是"
    assert client.get("/staff/inspections/results.xlsx").status_code == 403
