"""The gate on every govservices write service: anonymous, another unit's clerk and a role without
the right are refused with nothing written; the item's own unit (行政许可法 第三十条 ff.: the
unit that holds the item receives, examines and decides) acts. Catalogue upkeep is the
divisions' and 法规处's; a 负责人 approves an extension (第四十二条第一款)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.testing.gate import check_gate, row_counts
from fazhi.accounts.tests.factories import make_unit, make_user
from fazhi.govservices.models import LicenseApplication
from fazhi.govservices.services import bundles
from fazhi.govservices.services import catalogue as cat
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.tests.conftest import RICH, required, submit

pytestmark = pytest.mark.django_db
BASE = "/api/v1/services"


@pytest.fixture
def others(people, org_tree):
    labour = make_unit("LDGXC", "劳动关系处", "division", org_tree["bureau"])
    return [
        make_user("ldgx", unit=labour, roles=["业务处室经办人"]),  # another unit's clerk
        people["officer"],  # a role without the right
        make_user("shenhe", unit=org_tree["fagui"], roles=["法制审核人员"]),
    ]


def _applicant() -> dict:
    return {
        "applicant_name": "天津某人力资源有限公司",
        "applicant_category": "legal_person",
        "applicant_uscc": "91120101MA05XY127W",
        "received_on": date(2019, 3, 1),
    }


def test_catalogue_upkeep(people, others, org_tree):
    version = check_gate(
        lambda actor: cat.catalogue_create(year=2021, label="2021年目录", actor=actor),
        responsible=people["clerk"],
        outsiders=others[1:],
    )
    item = check_gate(
        lambda actor: cat.service_item_add(
            catalogue=version,
            code="XK-T",
            name="测试事项",
            kind="licensing",
            org_unit=org_tree["bureau"],
            accepting_body="政务服务中心",
            deciding_body="市人社局",
            promised_days=5,
            statutory_days=20,
            licence_category="ordinary",
            number_issuer="津人社许",
            steps=["申请", "决定"],
            actor=actor,
        ),
        responsible=people["clerk"],
        outsiders=others,
    )
    second = cat.service_item_add(
        catalogue=version,
        code="XK-U",
        name="测试事项二",
        kind="licensing",
        org_unit=org_tree["bureau"],
        accepting_body="政务服务中心",
        deciding_body="市人社局",
        promised_days=5,
        statutory_days=20,
        licence_category="ordinary",
        number_issuer="津人社许",
        actor=people["clerk"],
    )
    check_gate(
        lambda actor: cat.bundle_create(
            catalogue=version, code="ZT", name="开办", items=[item, second], actor=actor
        ),
        responsible=people["clerk"],
        outsiders=others[1:],
    )
    check_gate(
        lambda actor: cat.catalogue_publish(catalogue=version, on=date(2021, 1, 4), actor=actor),
        responsible=people["clerk"],
        outsiders=others[1:],
        obj=version,
    )


def test_submit_and_bundle_submit(people, others, catalogue):
    check_gate(
        lambda actor: lic.application_submit(
            item=catalogue["gs"], materials=required(catalogue["gs"]), actor=actor, **_applicant()
        ),
        responsible=people["clerk"],
        outsiders=others,
    )
    bundle = cat.bundle_create(
        catalogue=catalogue["version"],
        code="ZT",
        name="开办",
        items=[catalogue["lwpq"], catalogue["gs"]],
        actor=people["clerk"],
    )
    names = sorted({*required(catalogue["lwpq"]), *required(catalogue["gs"])})
    check_gate(
        lambda actor: bundles.bundle_submit(
            bundle=bundle, materials=names, facts=RICH, actor=actor, **_applicant()
        ),
        # 一窗受理: any licensing clerk's window receives a themed application
        responsible=people["clerk"],
        outsiders=others[1:],
    )


def test_each_step_on_an_application(people, others, catalogue):
    app = submit(people, catalogue["gs"], materials=required(catalogue["gs"])[:1])
    clerk = people["clerk"]
    on = date(2019, 3, 4)
    steps = [
        lambda actor: lic.application_correction_notice(application=app, on=on, actor=actor),
        lambda actor: lic.application_supplement(
            application=app, materials=required(catalogue["gs"]), on=on, actor=actor
        ),
        lambda actor: lic.application_accept(application=app, on=on, actor=actor),
        lambda actor: lic.application_extend(
            application=app, approver=people["leader"], reason="需实地核查", actor=actor
        ),
        lambda actor: lic.application_grant(application=app, on=date(2019, 3, 8), actor=actor),
    ]
    for step in steps:
        check_gate(step, responsible=clerk, outsiders=others, obj=app)
    refused = submit(people, catalogue["gs"])
    lic.application_accept(application=refused, on=on, actor=clerk)
    check_gate(
        lambda actor: lic.application_refuse(
            application=refused, on=date(2019, 3, 8), reasons="不符合条件", actor=actor
        ),
        responsible=clerk,
        outsiders=others,
        obj=refused,
    )


def test_api_refuses_another_unit_s_clerk_and_writes_nothing(client, people, others, catalogue):
    """Issue 18.1 through the API: reading is scoped (404), writing is gated (403 + rule code)."""
    app = submit(people, catalogue["gs"])
    url = f"{BASE}/applications/{app.pk}/steps"
    step = {"step": "accept", "on": "2019-03-04"}
    client.force_login(others[0])
    before = row_counts()
    assert client.post(url, step, content_type="application/json").status_code == 404
    reviewer = others[2]  # reads every unit, may not handle licences
    client.force_login(reviewer)
    denied = client.post(url, step, content_type="application/json")
    assert denied.status_code == 403 and denied.json()["code"] == "licensing.handle"
    assert row_counts() == before
    assert LicenseApplication.objects.get(pk=app.pk).status == "received"


def test_page_refuses_another_role_and_writes_nothing(client, people, others, catalogue):
    app = submit(people, catalogue["gs"])
    client.force_login(others[2])
    before = row_counts()
    response = client.post(f"/staff/services/applications/{app.pk}/accept/", {"on": "2019-03-04"})
    assert response.status_code == 403
    assert row_counts() == before
