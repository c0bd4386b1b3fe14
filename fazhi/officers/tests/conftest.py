"""Fixtures for the officers tests: a manager (法规处), two units of officers with cards."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.officers.services import certificates as cards
from fazhi.officers.services import officers as people
from fazhi.officers.services import training

ISSUED = date(2019, 1, 10)
QUALIFIED = date(2015, 1, 5)  # training and exam on record before any card in these tests


@pytest.fixture
def staff(org_tree):
    return {
        "manager": make_user("manager", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "officer_user": make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"]),
        "outsider": make_user("outsider", unit=org_tree["district_team"], roles=["执法人员"]),
        "units": org_tree,
    }


def make_officer(
    staff,
    name: str,
    *,
    unit: str = "zhidui",
    number: str | None = None,
    issued_on: date = ISSUED,
    user=None,
    qualified_on: date | None = QUALIFIED,
):
    officer = people.officer_create(
        name=name, org_unit=staff["units"][unit], user=user, actor=staff["manager"]
    )
    if qualified_on is not None:
        training.training_record_add(
            officer=officer,
            attended_on=qualified_on,
            course="上岗培训",
            hours=40,
            actor=staff["manager"],
        )
        training.exam_result_add(
            officer=officer,
            exam="行政执法资格考试",
            taken_on=qualified_on,
            passed=True,
            actor=staff["manager"],
        )
    if number:
        cards.certificate_issue(
            officer=officer,
            number=number,
            area="天津市",
            issued_on=issued_on,
            actor=staff["manager"],
        )
    return officer


@pytest.fixture
def pair(staff):
    """Two officers of 一支队 with cards issued 2019-01-10 (valid to 2022-01-10)."""
    return (
        make_officer(staff, "张建国", number="1200001900001", user=staff["officer_user"]),
        make_officer(staff, "李海燕", number="1200001900002"),
    )
