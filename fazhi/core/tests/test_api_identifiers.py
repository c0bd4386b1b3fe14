"""GET /api/v1/identifiers/validate."""

from __future__ import annotations

import pytest

URL = "/api/v1/identifiers/validate"


@pytest.mark.django_db
def test_a_valid_uscc_answers_200_with_the_result(client):
    response = client.get(URL, {"kind": "uscc", "value": "91350100M000100Y43"})
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is True
    assert body["normalised"] == "91350100M000100Y43"
    assert body["details"]["registration_authority"] == "市场监管（工商）"
    assert body["reason"] == ""


@pytest.mark.django_db
def test_a_valid_ric_reports_birth_date_gender_and_region(client):
    body = client.get(URL, {"kind": "ric", "value": "11010519491231002X"}).json()
    assert body["details"]["birth_date"] == "1949-12-31"
    assert body["details"]["gender"] == "女"
    assert body["details"]["region"] == "北京市 朝阳区"


@pytest.mark.django_db
def test_a_docnum_is_normalised(client):
    body = client.get(URL, {"kind": "docnum", "value": "国办发（2018）118"}).json()
    assert body["normalised"] == "国办发〔2018〕118号"
    assert body["details"] == {"issuer": "国办发", "year": 2018, "serial": 118, "type": "document"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "value", "detail"),
    [
        ("ric", "36042619910102009X", "校验码错误"),
        ("ric", "360426199113010079", "出生日期无效：19911301"),
        ("uscc", "91350211M0000XUF46", "早期试点"),
        ("docnum", "〔2019〕5号", "缺少发文机关代字"),
    ],
)
def test_an_invalid_value_is_a_422_problem_with_the_chinese_reason(client, kind, value, detail):
    # when
    response = client.get(URL, {"kind": kind, "value": value})
    # then
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "invalid_identifier"
    assert body["type"] == "urn:fazhi:problem:invalid_identifier"
    assert detail in body["detail"]
    assert body["errors"][0]["kind"] == kind


@pytest.mark.django_db
def test_an_unknown_kind_is_invalid_input(client):
    response = client.get(URL, {"kind": "passport", "value": "E1"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_the_operation_is_documented():
    from fazhi.api import api

    schema = api.get_openapi_schema()
    operation = schema["paths"]["/api/v1/identifiers/validate"]["get"]
    assert operation["operationId"] == "identifiers_validate"
    assert operation["summary"]
    assert "invalid_identifier" in operation["description"]


@pytest.mark.django_db
def test_an_overlong_value_is_invalid_input(client):
    response = client.get(URL, {"kind": "docnum", "value": "津" * 101})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


@pytest.mark.django_db
def test_a_birth_date_in_the_future_is_invalid(client):
    # issue 17 item 15: an ID born in 2030 validated
    response = client.get(
        "/api/v1/identifiers/validate", {"kind": "ric", "value": "11010520300101001X"}
    )
    assert response.status_code == 422 and "晚于当前日期" in response.json()["detail"]
