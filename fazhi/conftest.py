"""Fixtures shared by every app's tests."""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def org_tree(db):
    """The bureau → 法规处 / 劳动保障监察总队 → 一支队, and a district with a team."""
    from fazhi.accounts.tests.factories import make_org_tree

    return make_org_tree()


@pytest.fixture
def staff_user(db, org_tree):
    from fazhi.accounts.tests.factories import make_user

    return make_user("staff1", unit=org_tree["fagui"], roles=["法规处工作人员"])
