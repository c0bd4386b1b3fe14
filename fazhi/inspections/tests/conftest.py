"""Fixtures: a labour-inspection power item, a published item, officers with cards, employers."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.inspections.domain.directory import synthetic_uscc
from fazhi.inspections.models import Employer
from fazhi.inspections.services import plans

DRAW_DAY = date(2019, 5, 6)
DISTRICTS = ("和平区", "河西区", "南开区")


def make_officers(unit, count: int, *, prefix: str = "T") -> list:
    from fazhi.officers.models import Certificate, Officer

    officers = []
    for n in range(count):
        officer = Officer.objects.create(name=f"检查员{prefix}{n:02d}", org_unit=unit)
        Certificate.objects.create(
            officer=officer,
            number=f"{prefix}{n:05d}",
            area="本市",
            issued_on=date(2019, 3, 1),
            expires_on=date(2022, 3, 1),
        )
        officers.append(officer)
    return officers


def make_employers(count: int, *, strata=("A", "B")) -> list[Employer]:
    return Employer.objects.bulk_create(
        [
            Employer(
                uscc=synthetic_uscc("120101", 1000 + n),
                name=f"测试用人单位{n:03d}有限公司",
                district=DISTRICTS[n % 3],
                stratum=strata[n % len(strata)],
                address=f"测试路{n}号",
            )
            for n in range(count)
        ]
    )


@pytest.fixture
def people(org_tree):
    return {
        "manager": make_user("manager", unit=org_tree["zongdui"], roles=["执法人员"]),
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "clerk": make_user("clerk", unit=org_tree["fagui"], roles=["业务处室经办人"]),
        "units": org_tree,
    }


@pytest.fixture
def power_item(org_tree):
    from fazhi.powers.models import PowerItem

    return PowerItem.objects.create(
        code="JC-LD-01", kind="inspection", name="劳动保障监察检查", org_unit=org_tree["zongdui"]
    )


@pytest.fixture
def item(power_item, people):
    made = plans.inspection_item_create(
        power_item=power_item,
        code="SJ-01",
        name="用人单位遵守劳动合同制度情况检查",
        basis="《劳动保障监察条例》第十一条",
        method="实地核查",
        shares={"A": "0.2", "B": "0.1"},
        actor=people["manager"],
    )
    return plans.inspection_item_publish(item=made, on=date(2019, 1, 10), actor=people["manager"])


@pytest.fixture
def plan(item, people):
    return plans.plan_create(
        year=2019,
        title="2019年度劳动保障监察双随机抽查计划",
        items=[item],
        shares={"A": "0.2", "B": "0.1"},
        # organised by the 总队, whose officer (the manager) commits and draws on it
        org_unit=people["units"]["zongdui"],
        joint_departments="市市场监管委",
        actor=people["manager"],
    )


@pytest.fixture
def world(plan, people):
    officers = make_officers(people["units"]["zhidui"], 6)
    employers = make_employers(40)
    return {"plan": plan, "officers": officers, "employers": employers, **people}


BEACON_VALUE = "03 07 12 19 25 31 + 09"


def beacon_terms() -> dict:
    """The public value a test draw commits to: published today (the tests draw at once)."""
    from django.utils import timezone

    return {
        "beacon_source": "测试：约定日期的福利彩票开奖号码",
        "beacon_date": timezone.localdate(),
    }
