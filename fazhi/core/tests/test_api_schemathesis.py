"""The API's contract holds against generated input: every GET operation of the live schema is
called by schemathesis with data its schema allows (and, for bounded parameters, with values just
outside them) on the in-process WSGI app, logged in with an API token of a bureau-wide user.

Asserted: no server error (5xx) and every response conforms to the schema (status code,
content type, body). Bounded: ``FAZHI_SCHEMATHESIS_EXAMPLES`` examples per operation (default 15)
and no per-example deadline; marker ``schemathesis`` (``pytest -m schemathesis``).
"""

from __future__ import annotations

import json
import os

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from fazhi.core.management.commands.export_openapi import openapi_json

EXAMPLES = int(os.environ.get("FAZHI_SCHEMATHESIS_EXAMPLES", "15"))
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]

schema = schemathesis.openapi.from_dict(json.loads(openapi_json()))
schema.app = WSGIHandler()
schema = schema.include(method="GET")


@pytest.fixture
def token(org_tree):
    """An API token of a bureau-wide user (sees every unit): the widest GET surface."""
    from fazhi.accounts.services import api_token_create
    from fazhi.accounts.tests.factories import make_user

    user = make_user("contract", unit=org_tree["bureau"], roles=["局领导", "法规处工作人员"])
    _, key = api_token_create(user=user, name="schemathesis", actor=user)
    return key


@pytest.fixture
def in_process():
    """Requests run in the test's own transaction: Django closes "old" connections at the end of
    each request, which would end the test database's transaction (the test client does this
    too)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.schemathesis
@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_get_operations_keep_their_contract(case, token, in_process):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
