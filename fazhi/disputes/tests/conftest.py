"""Fixtures for the disputes tests: the bureau's legal staff, a leader, a district unit."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.disputes.domain.reconsideration import Role
from fazhi.disputes.services import reconsideration as recon


@pytest.fixture
def people(org_tree):
    return {
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "leader": make_user("leader", unit=org_tree["bureau"], roles=["局领导"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "outsider": make_user("outsider", unit=org_tree["district_team"], roles=["执法人员"]),
        "units": org_tree,
    }


def apply(people, **overrides):
    values = {
        "org_unit": people["units"]["district"],
        "role": Role.BODY,
        "applicant_name": "张三",
        "applicant_id_number": "120101198001011234",
        "respondent": "和平区人社局",
        "act": "和平区人社局工伤认定决定书（和人社工伤认字〔2019〕12号）",
        "act_known_on": date(2019, 3, 1),
        "requests": "撤销该工伤认定决定",
        "received_on": date(2019, 3, 20),
        "actor": people["legal"],
        "handler": people["legal"],
    }
    values.update(overrides)
    return recon.reconsideration_apply(**values)
