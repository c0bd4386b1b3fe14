"""Fixtures: a published catalogue with a 劳务派遣 item (无人审批) and a manual item, people."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_user
from fazhi.govservices.demo import demo_uscc
from fazhi.govservices.services import catalogue as cat
from fazhi.govservices.services import licensing as lic
from fazhi.powers.models import PowerItem
from fazhi.publicity.testing import on_day, publish_on

LWPQ_MATERIALS = (
    "劳务派遣经营许可申请书",
    "*营业执照副本",
    "经营场所使用证明",
    "劳务派遣管理制度文本",
)
GS_MATERIALS = ("特殊工时制度申请表", "*营业执照副本", "岗位及人员名单", "工会意见")


def _materials(names):
    return [cat.MaterialIn(name=n.lstrip("*"), is_shared=n.startswith("*")) for n in names]


@pytest.fixture
def people(org_tree):
    return {
        "clerk": make_user("clerk", unit=org_tree["bureau"], roles=["业务处室经办人"]),
        "leader": make_user("boss", unit=org_tree["bureau"], roles=["局领导"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "units": org_tree,
    }


@pytest.fixture
def catalogue(people):
    unit = people["units"]["bureau"]
    power = PowerItem.objects.create(
        code="XK-LWPQ", kind="licensing", name="劳务派遣经营许可", org_unit=unit
    )
    version = cat.catalogue_create(year=2019, label="2019年目录", actor=people["clerk"])
    common = {
        "catalogue": version,
        "org_unit": unit,
        "accepting_body": "政务服务中心",
        "deciding_body": "市人社局",
        "statutory_days": 20,
        "actor": people["clerk"],
        "kind": "licensing",
        "licence_category": "ordinary",
    }
    lwpq = cat.service_item_add(
        code="XK-LWPQ",
        name="劳务派遣经营许可",
        promised_days=3,
        materials=_materials(LWPQ_MATERIALS),
        auto_rule="lwpq",
        power_item=power,
        number_issuer="津人社许",
        validity_years=3,
        licence_name="劳务派遣经营许可证",
        steps=["网上申请", "系统核验", "自动决定"],
        **common,
    )
    gs = cat.service_item_add(
        code="XK-GS",
        name="企业实行不定时工作制和综合计算工时工作制审批",
        promised_days=5,
        materials=_materials(GS_MATERIALS),
        number_issuer="津人社许",
        steps=["申请", "受理", "审查", "决定"],
        **common,
    )
    cat.catalogue_publish(catalogue=version, on=date(2019, 1, 2), actor=people["clerk"])
    return {"version": version, "lwpq": lwpq, "gs": gs}


def required(item):
    return [m.name for m in item.materials.all() if m.applicant_submits]


def register_from_facts(people, values: dict) -> None:
    """Put the applicant in the bureau's register with what ``facts`` says (the tests' way of
    saying "the register holds this"); 无人审批 reads the register, not the declaration."""
    from datetime import timedelta

    from fazhi.govservices.services.registers import register_entries_import

    facts = values.get("facts") or {}
    if not values.get("applicant_uscc") or "registered_capital_yuan" not in facts:
        return
    revoked = facts.get("revoked_within_3_years")
    register_entries_import(
        rows=[
            {
                "uscc": values["applicant_uscc"],
                "name": values["applicant_name"],
                "registered_capital_yuan": facts.get("registered_capital_yuan"),
                "credit_blacklisted": facts.get("credit_blacklisted"),
                "licence_revoked_on": values["received_on"] - timedelta(days=365)
                if revoked
                else None,
            }
        ],
        source="测试登记信息",
        actor=people["clerk"],
    )


def submit(people, item, *, in_register: bool = True, **overrides):
    values = {
        "item": item,
        "applicant_name": "天津某人力资源有限公司",
        "applicant_category": "legal_person",
        "applicant_uscc": demo_uscc(1),
        "legal_representative": "张建国",
        "contact_name": "李经理",
        "contact_phone": "13812345678",
        "contact_address": "天津市和平区南京路100号",
        "received_on": date(2019, 3, 1),
        "materials": required(item),
        "actor": people["clerk"],
        "handler": people["clerk"],
        "facts": {
            "registered_capital_yuan": 1000000,
            "credit_blacklisted": False,
            "revoked_within_3_years": False,
        },
    }
    values.update(overrides)
    if in_register:
        register_from_facts(people, values)
    return lic.application_submit(**values)


RICH = {
    "registered_capital_yuan": 2500000,
    "credit_blacklisted": False,
    "revoked_within_3_years": False,
}


@pytest.fixture
def revoked_licence(people, catalogue, org_tree):
    """A 劳务派遣 licence granted by 无人审批 on 2019-03-01, published on 03-05 and revoked by
    reconsideration 津政复〔2019〕88号, served on 05-22: (application, its publicity record)."""
    from fazhi.disputes.domain.reconsideration import DecisionType, Role
    from fazhi.disputes.services import reconsideration as recon
    from fazhi.publicity.models import PublicityRecord

    app = submit(people, catalogue["lwpq"], facts=RICH)
    record = publish_on(date(2019, 3, 5), record=PublicityRecord.objects.get(), actor=SYSTEM)
    legal = make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    case = recon.reconsideration_apply(
        org_unit=org_tree["bureau"],
        role=Role.RESPONDENT,
        applicant_name="天津某劳务有限公司",
        respondent="市人社局",
        act=f"劳务派遣经营许可决定（{app.licence_number}）",
        act_known_on=date(2019, 3, 5),
        requests="撤销该许可决定",
        received_on=date(2019, 3, 20),
        actor=legal,
        handler=legal,
        original_case_ref=app.licence_number,
        reference="津政复〔2019〕88号",
    )
    case = recon.reconsideration_decide(
        case=case,
        decision=DecisionType.REVOKE,
        on=date(2019, 5, 20),
        actor=legal,
        error_cause="facts_unclear",
    )
    with on_day(date(2019, 5, 22)):  # serving withdraws the publicity, dated by the clock
        recon.reconsideration_serve(case=case, on=date(2019, 5, 22), actor=legal)
    record.refresh_from_db()
    return app, record
