"""导出 Excel of 纠错与败诉分析 (issue 19.7): the page's year, grouping and units, rates as
percentages, the 合计 row last, named by what and when."""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db


def _sheet(response) -> list[list]:
    content = b"".join(response.streaming_content)
    return [list(r) for r in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]


def test_the_rates_sheet_is_the_page(client, people):
    apply(people, received_on=date(2019, 3, 20))
    apply(people, act_known_on=date(2020, 3, 1), received_on=date(2020, 3, 20))
    client.force_login(people["legal"])
    page = client.get("/staff/disputes/rates/", {"year": "2019"}).content.decode()
    assert "rates.xlsx?year=2019&amp;by=unit" in page
    response = client.get("/staff/disputes/rates.xlsx", {"year": "2019", "by": "unit"})
    assert unquote(response["Content-Disposition"]).startswith(
        "attachment; filename*=UTF-8''纠错与败诉分析-2019年-"
    )
    rows = _sheet(response)
    assert rows[0][:4] == ["单位", "复议案件", "作出的行政决定", "被复议率"]
    assert rows[-1][0] == "合计" and rows[-1][1] == "1"  # the 2019 case only
    assert rows[-1][6] == "—"  # no decision yet: no rate, not 0%
    every = _sheet(client.get("/staff/disputes/rates.xlsx", {"year": "all"}))
    assert every[-1][1] == "2"
    by_item = _sheet(client.get("/staff/disputes/rates.xlsx", {"year": "2019", "by": "power_item"}))
    assert by_item[0][0] == "权力事项"


def test_another_units_user_gets_no_rows_of_ours(client, people):
    apply(people, received_on=date(2019, 3, 20))
    client.force_login(people["outsider"])
    rows = _sheet(client.get("/staff/disputes/rates.xlsx", {"year": "2019"}))
    assert rows[-1][0] == "合计" and rows[-1][1] == "0"
