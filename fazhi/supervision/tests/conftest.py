"""Enforcement's case world (a team, certified officers, a leader, a 法制审核人员)."""

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.enforcement.tests.conftest import world  # noqa: F401 - a fixture


@pytest.fixture
def supervisors(org_tree):
    return {
        "legal": make_user("fagui_s", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "head": make_user("lingdao_s", unit=org_tree["bureau"], roles=["局领导"]),
        "district": make_user("hp_s", unit=org_tree["district_team"], roles=["执法人员"]),
    }
