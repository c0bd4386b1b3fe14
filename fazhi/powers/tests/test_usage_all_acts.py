"""Issue 17 item 11: 零执法 counts every act against its power item — arrears steps (查询、划拨、
罚款) and licence applications as well as enforcement cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.enforcement.models import ArrearsCase, ArrearsStep
from fazhi.powers.models import PowerItem
from fazhi.powers.selectors import power_item_usage

pytestmark = pytest.mark.django_db


def test_an_arrears_step_counts_for_its_power_item(people):
    unit = people["units"]["zhidui"]
    item = PowerItem.objects.create(
        code="QZ-SB-63", kind="coercion", name="社会保险费划拨", org_unit=unit
    )
    idle = PowerItem.objects.create(code="CF-X", kind="penalty", name="其他处罚", org_unit=unit)
    assert power_item_usage(year=2019) == {}  # before: both 零执法
    case = ArrearsCase.objects.create(  # test setup: the row an arrears service would write
        reference="QJ-2019-1",
        employer_name="天津某公司",
        employer_uscc="91110000600037341L",
        period_from=date(2018, 1, 1),
        period_to=date(2018, 12, 31),
        principal=Decimal("10000"),
        due_date=date(2019, 1, 15),
        org_unit=unit,
    )
    ArrearsStep.objects.create(
        case=case,
        seq=1,
        kind="transfer",
        on=date(2019, 4, 1),
        acting_body="税务",
        power_item_code="QZ-SB-63",
    )
    usage = power_item_usage(year=2019)
    assert usage == {item.pk: 1} and idle.pk not in usage
    assert power_item_usage(year=2019, item_ids=[idle.pk]) == {}


def test_a_remedy_citation_is_watched_like_the_basis(people, corpus):
    # issue 17 item 11: the 救济渠道 cites 《示范条例》第二条; the 2020 version changes it
    from fazhi.powers.services import power_items_flag_changed_law
    from fazhi.powers.tests.conftest import amend, create_item

    item = create_item(
        people,
        legal_basis_text="《劳动保障监察条例》第二十六条",
        remedy="不服的，可以依照《示范条例》第二条申请复议",
    )
    roles = sorted(item.versions.get().bases.values_list("role", flat=True))
    assert roles == ["basis", "remedy"]
    amend(corpus)
    assert power_items_flag_changed_law(actor=SYSTEM, on=date(2025, 6, 1)) == [item]
    item.refresh_from_db()
    assert "《示范条例》" in item.review_reason


def test_a_reconsideration_heard_by_the_bureau_counts_for_the_reconsideration_item(people):
    # issue 17 item 11: the 复议 item was 零执法 however many 复议 cases the bureau heard
    from fazhi.disputes.domain.reconsideration import Role
    from fazhi.disputes.services.reconsideration import reconsideration_apply

    item = PowerItem.objects.create(
        code="QT-FY-12",
        kind="other",
        name="对区人力资源和社会保障局具体行政行为的行政复议",
        org_unit=people["units"]["fagui"],
    )
    common = {
        "org_unit": people["units"]["district"],
        "applicant_name": "张三",
        "respondent": "和平区人社局",
        "act": "和平区人社局工伤认定决定书",
        "act_known_on": date(2019, 3, 1),
        "requests": "撤销",
        "received_on": date(2019, 3, 20),
        "actor": people["legal"],
    }
    assert power_item_usage(year=2019) == {}
    reconsideration_apply(role=Role.BODY, **common)
    reconsideration_apply(role=Role.BODY, **common)
    reconsideration_apply(role=Role.RESPONDENT, **common)  # as 被申请人: not the bureau's power
    assert power_item_usage(year=2019) == {item.pk: 2}
    assert power_item_usage(year=2020) == {}
