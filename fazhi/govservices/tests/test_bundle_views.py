"""Staff screens for 主题审批 and 无人审批 at the window (issue 19.1): the service is the gate,
a refusal returns the form as typed (422) and writes nothing, success says what was recorded."""

from __future__ import annotations

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent
from fazhi.govservices.demo import demo_uscc
from fazhi.govservices.models import BundleApplication, LicenseApplication
from fazhi.govservices.services import catalogue as cat
from fazhi.govservices.services.registers import register_entries_import
from fazhi.govservices.tests.conftest import required

pytestmark = pytest.mark.django_db

NEW = "/staff/services/bundles/new/"


@pytest.fixture
def bundle(people, catalogue):
    return cat.bundle_create(
        catalogue=catalogue["version"],
        code="ZT-KB",
        name="人力资源企业开办",
        items=[catalogue["lwpq"], catalogue["gs"]],
        actor=people["clerk"],
    )


def in_register(people, uscc: str, capital: int) -> None:
    register_entries_import(
        rows=[
            {
                "uscc": uscc,
                "name": "天津某人力资源有限公司",
                "registered_capital_yuan": capital,
                "credit_blacklisted": False,
            }
        ],
        source="测试登记信息",
        actor=people["clerk"],
    )


def applicant(**over) -> dict:
    return {
        "applicant_name": "天津某人力资源有限公司",
        "applicant_category": "legal_person",
        "applicant_uscc": demo_uscc(5),
        "contact_name": "李经理",
        "contact_phone": "13812345678",
        "received_on": "2019-04-01",
        **over,
    }


def test_the_form_shows_the_items_clocks_and_materials_once(client, people, catalogue, bundle):
    client.force_login(people["clerk"])
    page = client.get(NEW + "?bundle=ZT-KB").content.decode()
    assert "劳务派遣经营许可" in page and "企业实行不定时工作制" in page
    assert "3个工作日" in page and "20个工作日" in page  # promised and statutory clocks
    # 营业执照副本 is in both checklists: one row naming both items, and shared (not ticked)
    assert page.count("营业执照副本") == 1 and "（共享免提交）" in page
    assert page.count('name="materials"') == len(
        set(required(catalogue["lwpq"]) + required(catalogue["gs"]))
    )
    assert "本事项适用无人审批" in page


def test_receiving_a_bundle_registers_each_item_and_decides_the_automatic_one(
    client, people, catalogue, bundle
):
    in_register(people, demo_uscc(5), 3_000_000)
    names = sorted(set(required(catalogue["lwpq"]) + required(catalogue["gs"])))
    client.force_login(people["clerk"])
    response = client.post(NEW + "?bundle=ZT-KB", {**applicant(), "materials": names})
    parent = BundleApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/services/bundles/{parent.pk}/"
    parts = {p.item.code: p for p in parent.parts.all()}
    assert parts["XK-LWPQ"].is_automatic and parts["XK-LWPQ"].status == "granted"
    assert parts["XK-GS"].status == "received"
    page = client.get(response["Location"]).content.decode()
    assert parent.reference in page and "受理审查" in page and "无人审批" in page
    assert parts["XK-LWPQ"].licence_number in page
    assert "2 个事项已分别登记" in page  # the message says what was recorded


def test_a_refused_bundle_keeps_the_input_and_writes_nothing(client, people, catalogue, bundle):
    client.force_login(people["clerk"])
    events = AuditEvent.objects.count()
    response = client.post(
        NEW + "?bundle=ZT-KB",
        {
            **applicant(applicant_uscc="91120000000000000X"),  # fails the check digit
            "materials": ["工会意见"],
        },
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert 'role="alert"' in page and "统一社会信用代码" in page
    assert 'value="91120000000000000X"' in page and 'value="李经理"' in page
    assert page.count("checked") == 1 and "工会意见" in page.split("checked")[1][:60]
    assert not BundleApplication.objects.exists() and not LicenseApplication.objects.exists()
    assert AuditEvent.objects.count() == events


def test_only_a_licensing_clerk_opens_the_form(client, people, bundle):
    client.force_login(people["officer"])
    assert client.get(NEW).status_code == 403
    assert client.post(NEW + "?bundle=ZT-KB", applicant()).status_code == 403
    assert not BundleApplication.objects.exists()


def test_the_bundle_page_is_scoped_to_the_parts_a_user_may_see(client, people, bundle, org_tree):
    client.force_login(people["clerk"])
    client.post(NEW + "?bundle=ZT-KB", applicant())
    parent = BundleApplication.objects.get()
    outsider = make_user("district", unit=org_tree["district"], roles=["业务处室经办人"])
    client.force_login(outsider)
    assert client.get(f"/staff/services/bundles/{parent.pk}/").status_code == 404
    client.force_login(people["leader"])
    assert client.get(f"/staff/services/bundles/{parent.pk}/").status_code == 200


def test_the_single_form_says_what_no_person_review_did(client, people, catalogue):
    """无人审批 from the staff form: the rule is shown before, the outcome is said after."""
    client.force_login(people["clerk"])
    form = client.get("/staff/services/applications/new/?item=XK-LWPQ").content.decode()
    assert "本事项适用无人审批" in form and "注册资本不少于人民币二百万元" in form
    in_register(people, demo_uscc(5), 3_000_000)
    data = {**applicant(), "materials": required(catalogue["lwpq"])}
    response = client.post("/staff/services/applications/new/?item=XK-LWPQ", data, follow=True)
    app = LicenseApplication.objects.get()
    assert app.is_automatic and app.status == "granted"
    assert f"已准予许可，许可文号 {app.licence_number}" in response.content.decode()
    # a poorer applicant: the same form, left to a person, and the page says why
    in_register(people, demo_uscc(6), 1_000_000)
    data = {**data, "applicant_uscc": demo_uscc(6)}
    response = client.post("/staff/services/applications/new/?item=XK-LWPQ", data, follow=True)
    second = LicenseApplication.objects.exclude(pk=app.pk).get()
    assert second.status == "received" and not second.is_automatic
    assert "无人审批未通过（注册资本不少于人民币二百万元），已转人工办理" in (
        response.content.decode()
    )


def test_a_refused_single_application_keeps_the_input(client, people, catalogue):
    client.force_login(people["clerk"])
    data = {**applicant(applicant_uscc="91120000000000000X"), "contact_name": "王会计"}
    response = client.post("/staff/services/applications/new/?item=XK-GS", data)
    assert response.status_code == 422
    page = response.content.decode()
    assert 'role="alert"' in page and 'value="王会计"' in page
    assert not LicenseApplication.objects.exists()
