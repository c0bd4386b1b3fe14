"""Yearly enforcement statistics: counts against a hand count, data scope, page and command.

The cases are written directly (not through the services) to fix source, outcome and dates
without running each one through the whole procedure; only the counting is under test here.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from fazhi.accounts.tests.factories import make_user
from fazhi.enforcement.models import Case
from fazhi.enforcement.selectors_stats import statistics_unit_ids, yearly_statistics

pytestmark = pytest.mark.django_db

# item code, source, outcome, received_on, unit key ("team" or "district_team")
ROWS = (
    ("CF-JC-26", "complaint", "penalty", date(2019, 1, 1), "team"),
    ("CF-JC-26", "complaint", "", date(2019, 5, 6), "team"),
    ("CF-JC-26", "patrol", "no_penalty", date(2019, 7, 1), "team"),
    ("CF-JC-25", "report", "mitigated", date(2019, 9, 9), "team"),
    ("QZ-SB-63", "referral", "", date(2019, 12, 31), "district_team"),
    ("XK-01", "complaint", "penalty", date(2019, 11, 11), "district_team"),
    ("CF-JC-26", "complaint", "penalty", date(2018, 12, 31), "team"),  # another year
    ("CF-JC-26", "random", "penalty", date(2020, 1, 1), "team"),  # another year
)


@pytest.fixture
def cases(world):
    units = {"team": world["team"], "district_team": world["units"]["district_team"]}
    for n, (code, source, outcome, received, unit) in enumerate(ROWS):
        Case.objects.create(
            reference=f"T-{n}",
            power_item=world["items"][code],
            org_unit=units[unit],
            status="archived" if outcome else "filed",
            source=source,
            received_on=received,
            cause="拖欠工资",
            party_name=f"当事人{n}",
            outcome=outcome,
        )
    return world


def _counts(rows, key="key"):
    return {r[key]: r["count"] for r in rows}


def test_counts_match_a_hand_count(cases):
    stats = yearly_statistics(year=2019)
    assert stats["total"] == 6
    assert _counts(stats["by_kind"]) == {"penalty": 4, "coercion": 1, "licensing": 1}
    assert _counts(stats["by_source"]) == {"complaint": 3, "patrol": 1, "report": 1, "referral": 1}
    assert _counts(stats["by_outcome"]) == {"penalty": 2, "": 2, "no_penalty": 1, "mitigated": 1}
    assert _counts(stats["by_power_item"], "code") == {
        "CF-JC-26": 3,
        "CF-JC-25": 1,
        "QZ-SB-63": 1,
        "XK-01": 1,
    }
    # Ranked by count, labelled in Chinese; no decision yet has its own label.
    assert stats["by_kind"][0] == {"key": "penalty", "label": "行政处罚", "count": 4}
    assert {r["label"] for r in stats["by_outcome"]} >= {"未作出决定", "不予行政处罚"}
    assert stats["by_power_item"][0]["name"] == "对克扣或者无故拖欠劳动者工资的行政处罚"


def test_year_bounds_and_empty_year(cases):
    assert yearly_statistics(year=2018)["total"] == 1
    assert yearly_statistics(year=2020)["total"] == 1
    empty = yearly_statistics(year=2021)
    assert empty["total"] == 0 and empty["by_kind"] == [] and empty["by_power_item"] == []


def test_unit_scope(cases):
    users = cases["users"]
    assert statistics_unit_ids(users["leader"]) is None  # 局领导: bureau-wide
    team_only = yearly_statistics(year=2019, unit_ids=statistics_unit_ids(users["a"]))
    assert team_only["total"] == 4
    district = yearly_statistics(year=2019, unit_ids=statistics_unit_ids(users["outsider"]))
    assert _counts(district["by_kind"]) == {"coercion": 1, "licensing": 1}


def test_page_is_scoped_and_linked(client, cases):
    users = cases["users"]
    client.force_login(users["leader"])
    body = client.get(reverse("enforcement:stats"), {"year": "2019"}).content.decode()
    assert 'data-testid="total">6<' in body and "行政强制" in body and "全局" in body
    assert (
        reverse("enforcement:stats")
        in client.get(reverse("enforcement:case_list")).content.decode()
    )
    client.force_login(users["outsider"])
    body = client.get(reverse("enforcement:stats"), {"year": "2019"}).content.decode()
    assert 'data-testid="total">2<' in body and "本单位及下级单位" in body


def test_page_refuses_a_user_without_unit_and_ignores_a_bad_year(client, cases):
    client.force_login(make_user("nounit"))
    assert client.get(reverse("enforcement:stats")).status_code == 403
    client.force_login(cases["users"]["leader"])
    assert client.get(reverse("enforcement:stats"), {"year": "x19"}).status_code == 200


def test_command_json_and_table(cases):
    out = io.StringIO()
    call_command("enforcement", "stats", "--year", "2019", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["total"] == 6 and _counts(data["by_source"])["complaint"] == 3
    out = io.StringIO()
    call_command("enforcement", "stats", "--year", "2019", stdout=out)
    text = out.getvalue()
    assert "共收案 6 件" in text and "双随机抽查" not in text and "劳务派遣经营许可" in text


def test_page_opens_on_the_latest_year_with_cases_and_says_when_a_year_is_empty(client, cases):
    client.force_login(cases["users"]["leader"])
    body = client.get(reverse("enforcement:stats")).content.decode()
    assert "<h1>2020年行政执法统计</h1>" in body and 'data-testid="total">1<' in body
    empty = client.get(reverse("enforcement:stats"), {"year": "2017"}).content.decode()
    assert "2017年全局没有执法案件记录" in empty
    assert all(f'href="?year={y}"' in empty for y in (2018, 2019, 2020))
    assert 'data-testid="total"' not in empty  # no table of zeros


def test_the_statistics_sheet_is_the_page(client, cases):
    """导出 Excel (issue 19.7): the page's year and units, a row per group, named by the year."""
    from urllib.parse import unquote

    from openpyxl import load_workbook

    users = cases["users"]
    client.force_login(users["leader"])
    page = client.get(reverse("enforcement:stats"), {"year": "2019"}).content.decode()
    assert "stats.xlsx?year=2019" in page
    response = client.get(reverse("enforcement:stats_xlsx"), {"year": "2019"})
    assert "执法统计-2019年-" in unquote(response["Content-Disposition"])
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert rows[0] == ["统计口径", "分类", "事项编码", "项目", "件数"]
    assert rows[1] == ["全局", "合计", None, "收案", "6"]
    by_item = {r[2]: r[4] for r in rows if r[1] == "按权责事项"}
    assert by_item == {"CF-JC-26": "3", "CF-JC-25": "1", "QZ-SB-63": "1", "XK-01": "1"}
    assert sum(int(r[4]) for r in rows if r[1] == "按案件来源") == 6
    client.force_login(users["outsider"])  # scoped like the page: the district's 2 cases
    response = client.get(reverse("enforcement:stats_xlsx"), {"year": "2019"})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    total = [list(r) for r in book.active.iter_rows(values_only=True)][1]
    assert total == ["本单位及下级单位", "合计", None, "收案", "2"]
