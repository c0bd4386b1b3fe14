"""Fixtures: decision data of each kind, and staff who publish."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_user
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.services import publicity_register
from fazhi.publicity.services.records import SourceRef

BUREAU_USCC = "11120000000012343F"
COMPANY_USCC = "91120101MA05XY127W"
SHOP_USCC = "92120101L123456745"
PERSON_ID = "11010519491231002X"  # the GB 11643 example
PHONE = "13812345678"
ADDRESS = "天津市和平区南京路123号4门501"


def penalty_data(**changes) -> DecisionData:
    data = DecisionData(
        party_category="法人及非法人组织",
        party_name="天津市某建筑劳务有限公司",
        uscc=COMPANY_USCC,
        legal_rep="王五",
        decided_on=date(2019, 9, 27),
        authority="天津市人力资源和社会保障局",
        authority_uscc=BUREAU_USCC,
        source_unit="天津市人力资源和社会保障局",
        source_unit_uscc=BUREAU_USCC,
        document_number="津人社监罚〔2019〕12号",
        violation_type="拖欠劳动者工资",
        facts="该公司拖欠12名劳动者工资共计8万元，经责令限期支付逾期未支付。",
        basis="《劳动保障监察条例》第二十六条",
        penalty_categories=("罚款",),
        content="罚款人民币2000元",
        fine_yuan=Decimal("2000"),
        party_phone=PHONE,
        party_address=ADDRESS,
    )
    return replace(data, **changes)


def person_penalty_data(**changes) -> DecisionData:
    values = {
        "party_category": "自然人",
        "party_name": "张三",
        "uscc": "",
        "legal_rep": "",
        "person_id_type": "身份证",
        "person_id_number": PERSON_ID,
        "document_number": "津人社监罚〔2019〕13号",
        "facts": f"张三（身份证{PERSON_ID}，电话{PHONE}）非法职业中介。",
    }
    return penalty_data(**{**values, **changes})


def license_data(**changes) -> DecisionData:
    data = DecisionData(
        party_category="法人及非法人组织",
        party_name="天津市某人力资源服务有限公司",
        uscc=COMPANY_USCC,
        legal_rep="赵六",
        decided_on=date(2019, 5, 6),
        authority="天津市人力资源和社会保障局",
        authority_uscc=BUREAU_USCC,
        source_unit="天津市人力资源和社会保障局",
        source_unit_uscc=BUREAU_USCC,
        document_title="人力资源服务许可决定书",
        document_number="津人社许〔2019〕8号",
        license_category="普通",
        licence_name="人力资源服务许可证",
        licence_number="120101201900008",
        content="准予从事职业中介活动",
        valid_from=date(2019, 5, 6),
        valid_to=date(2024, 5, 5),
    )
    return replace(data, **changes)


def register(kind=Kind.PENALTY, data=None, source_id="1", actor=SYSTEM):
    data = data or (penalty_data() if kind == Kind.PENALTY else license_data())
    return publicity_register(
        kind=kind, source=SourceRef("enforcement.decision", source_id), data=data, actor=actor
    )


@pytest.fixture
def officer(org_tree):
    # The fixtures' decisions are the bureau's (数据来源单位 市局): its own officer publishes them.
    return make_user("zhifa", unit=org_tree["bureau"], roles=["执法人员"])


@pytest.fixture
def in_2019(monkeypatch):
    """Pages read "today" from the clock; the fixtures' decisions are of 2019 and their
    publicity ended in 2022, so the public pages are looked at on 2019-12-31."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2019, 12, 31))
    return date(2019, 12, 31)
