"""The gate on importing the registers 无人审批 decides on (fazhi.accounts.testing.gate)."""

from __future__ import annotations

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.govservices.services.registers import register_entries_import

pytestmark = pytest.mark.django_db


def test_register_entries_import(org_tree):
    rows = [{"uscc": "91350100M000100Y43", "name": "某公司", "registered_capital_yuan": "2000000"}]
    check_gate(
        lambda a: register_entries_import(rows=rows, source="市场监管登记信息 2019年3月", actor=a),
        responsible=make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        outsiders=[make_user("officer", unit=org_tree["district_team"], roles=["执法人员"])],
    )
