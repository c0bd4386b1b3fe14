"""An API address that no route matches answers problem+json, not the HTML 404 page: a path
converter such as ``{int:decision_id}`` refusing ``null,null`` used to fall through to Django's
page, which the schema does not document (found by the schemathesis contract test)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/decisions/null%2Cnull", "/api/v1/no-such-endpoint"])
def test_an_unmatched_api_address_is_a_problem(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "not_found" and body["status"] == 404


def test_an_unknown_page_is_still_the_html_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
