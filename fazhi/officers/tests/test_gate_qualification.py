"""The gate on recording a 法律职业资格 (fazhi.accounts.testing.gate)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.officers.services.certificates import legal_qualification_record

pytestmark = pytest.mark.django_db


def test_legal_qualification_record(org_tree):
    reviewer = make_user("reviewer", unit=org_tree["fagui"], roles=["法制审核人员"])
    check_gate(
        lambda a: legal_qualification_record(
            user=reviewer, certificate_number="A20191201", obtained_on=date(2019, 3, 1), actor=a
        ),
        responsible=make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        outsiders=[make_user("officer", unit=org_tree["district_team"], roles=["执法人员"])],
    )
