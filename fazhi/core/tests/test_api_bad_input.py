"""Issue 18.9, re-run as a careless client would: every integer parameter of every GET
operation of the live schema — query and path — is sent out of every sane range (a five-digit
year, a negative one, 2^63, a word), logged in as a bureau-wide user. None may answer a server
error, and every refusal is problem+json (the API's error shape), never the HTML error page."""

from __future__ import annotations

import json
import re

import pytest

from fazhi.core.management.commands.export_openapi import openapi_json

pytestmark = pytest.mark.django_db

BAD = ("10000", "-1", str(2**63), "abc")


def _operations():
    schema = json.loads(openapi_json())
    for path, methods in schema["paths"].items():
        get = methods.get("get")
        if get is None:
            continue
        params = [p for p in get.get("parameters", []) if p["in"] in ("query", "path")]
        yield path, params


def _is_int(param) -> bool:
    schema = param.get("schema", {})
    kinds = [schema.get("type")] + [s.get("type") for s in schema.get("anyOf", [])]
    return "integer" in kinds


def _requests():
    """(url, what) for each bad value of each integer parameter; other path parameters 1."""
    for path, params in _operations():
        filled = re.sub(r"\{[^}]+\}", "1", path)
        for param in params:
            if not _is_int(param):
                continue
            for value in BAD:
                if param["in"] == "path":
                    url = path.replace("{" + param["name"] + "}", value)
                    yield re.sub(r"\{[^}]+\}", "1", url), f"{param['name']}={value}"
                else:
                    yield f"{filled}?{param['name']}={value}", f"{param['name']}={value}"


@pytest.fixture
def headers(org_tree):
    from fazhi.accounts.services import api_token_create
    from fazhi.accounts.tests.factories import make_user

    user = make_user("careless", unit=org_tree["bureau"], roles=["局领导", "法规处工作人员"])
    _, key = api_token_create(user=user, name="bad-input", actor=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_no_integer_parameter_out_of_range_answers_a_server_error(client, headers):
    tried, failures = 0, []
    for url, what in _requests():
        response = client.get(url, **headers)
        tried += 1
        kind = response.get("Content-Type", "")
        if response.status_code >= 500 or (
            response.status_code >= 400 and not kind.startswith("application/problem+json")
        ):
            failures.append((url, what, response.status_code, kind))
    assert tried > 100, "too few requests: is the schema still read?"
    assert failures == [], f"{len(failures)} of {tried}: {failures[:10]}"
