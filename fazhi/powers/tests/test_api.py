"""/api/v1/powers: public reads, pagination, diff, usage, problem+json errors."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from fazhi.powers.services import power_item_deactivate, power_item_revise
from fazhi.powers.tests.conftest import create_item, make_case

pytestmark = pytest.mark.django_db
API = "/api/v1/powers"


@pytest.fixture
def items(people, corpus):
    first = create_item(people)
    second = create_item(
        people,
        code="CF-JC-30",
        name="无理抗拒、阻挠劳动保障监察的处罚",
        legal_basis_text="《劳动保障监察条例》第三十条",
    )
    gone = create_item(
        people,
        code="GF-MED",
        kind="benefit",
        name="基本医疗保险待遇给付",
        legal_basis_text="《中华人民共和国社会保险法》第二十八条",
    )
    power_item_deactivate(
        item=gone,
        reason="机构改革：划入医疗保障局",
        effective_from=date(2019, 1, 15),
        actor=people["legal"],
    )
    power_item_revise(
        item=first,
        reason="调整办理时限",
        effective_from=date(2019, 3, 1),
        actor=people["legal"],
        time_limit_text="90个工作日",
    )
    make_case(first, "案-1", date(timezone.localdate().year, 2, 1))
    make_case(first, "案-2", date(2019, 5, 1))
    return {"first": first, "second": second, "gone": gone}


def test_list_filters_and_paginates_without_auth(client, items):
    body = client.get(f"{API}/items").json()
    assert body["count"] == 2 and [i["code"] for i in body["results"]] == ["CF-JC-26", "CF-JC-30"]
    assert body["results"][0]["url"] == "/powers/CF-JC-26/"
    page2 = client.get(f"{API}/items", {"limit": 1, "offset": 1}).json()
    assert [i["code"] for i in page2["results"]] == ["CF-JC-30"]
    assert (page2["count"], page2["limit"], page2["offset"]) == (2, 1, 1)
    assert client.get(f"{API}/items", {"limit": 501}).status_code == 422
    cancelled = client.get(f"{API}/items", {"status": "cancelled"}).json()
    assert [i["code"] for i in cancelled["results"]] == ["GF-MED"]
    assert client.get(f"{API}/items", {"q": "阻挠"}).json()["count"] == 1


def test_unknown_filter_is_a_problem(client, items):
    response = client.get(f"{API}/items", {"kind": "tax"})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "unknown_filter_value"


def test_item_detail_with_basis_and_usage(client, items):
    body = client.get(f"{API}/items/CF-JC-26").json()
    assert body["version"] == 2 and body["current"]["time_limit"] == "90个工作日"
    basis = body["current"]["bases"]
    assert basis[0]["citation"] == "《劳动保障监察条例》第二十六条" and basis[0]["article_id"]
    assert basis[0]["url"] == f"/policies/articles/{basis[0]['article_id']}/"
    assert basis[1]["document_id"] is None and basis[1]["url"] == ""
    assert body["usage_count"] == 1 and body["zero_enforcement"] is False
    assert client.get(f"{API}/items/CF-JC-30").json()["zero_enforcement"] is True


def test_versions_and_diff(client, items):
    versions = client.get(f"{API}/items/CF-JC-26/versions").json()
    assert [v["number"] for v in versions] == [2, 1] and versions[0]["reason"] == "调整办理时限"
    diff = client.get(f"{API}/items/CF-JC-26/diff", {"from": 1, "to": 2}).json()
    assert [c["field"] for c in diff["changes"]] == ["time_limit"]
    assert diff["changes"][0]["html"] == "<del>60</del><ins>90</ins>个工作日"
    missing = client.get(f"{API}/items/CF-JC-26/diff", {"from": 1, "to": 5})
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    assert client.get(f"{API}/items/CF-JC-26/diff").status_code == 422


def test_unknown_item_is_404_problem(client, items):
    response = client.get(f"{API}/items/NOPE")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_usage_by_year(client, items):
    body = client.get(f"{API}/usage", {"year": 2019}).json()
    rows = {r["code"]: r for r in body["items"]}
    assert rows["CF-JC-26"]["count"] == 1 and not rows["CF-JC-26"]["zero_enforcement"]
    assert rows["CF-JC-30"]["zero_enforcement"] and "GF-MED" not in rows
    assert client.get(f"{API}/usage", {"year": 1800}).status_code == 422


def test_endpoints_are_in_the_openapi_schema():
    from fazhi.api import api

    paths = api.get_openapi_schema()["paths"]
    for path in (
        "/api/v1/powers/items",
        "/api/v1/powers/items/{code}",
        "/api/v1/powers/items/{code}/versions",
        "/api/v1/powers/items/{code}/diff",
        "/api/v1/powers/usage",
    ):
        assert path in paths
