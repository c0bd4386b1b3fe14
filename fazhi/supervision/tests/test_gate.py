"""The gate on supervision's write services (see fazhi.accounts.testing.gate)."""

from datetime import date

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.services import warnings_scan

pytestmark = pytest.mark.django_db


def test_warnings_scan(world, supervisors):
    filed_case(world)
    run = check_gate(
        lambda a: warnings_scan(today=date(2019, 12, 20), actor=a),
        responsible=supervisors["legal"],
        outsiders=[world["users"]["a"], supervisors["district"]],
    )
    assert run.opened == 1
