"""The 回避 register has a staff page (issue 19.1): a manager registers a relation on the same
service as the API/CLI; a refusal keeps what was typed; others only read."""

from __future__ import annotations

import pytest

from fazhi.core.models import AuditEvent
from fazhi.inspections.models import OfficerEmployerRelation

pytestmark = pytest.mark.django_db


def test_manager_registers_a_relation(client, world):
    officer, employer = world["officers"][0], world["employers"][0]
    client.force_login(world["manager"])
    form = {
        "officer": str(officer.pk),
        "uscc": employer.uscc,
        "relation": "近亲属任职",
        "since": "2019-01-02",
    }
    response = client.post("/staff/inspections/relations/", form, follow=True)
    page = response.content.decode()
    assert OfficerEmployerRelation.objects.filter(officer=officer, employer=employer).exists()
    assert "已登记回避关系" in page and employer.name in page
    assert AuditEvent.objects.filter(action__endswith="relation.register").count() == 1
    # the same again is refused, and the form comes back as typed
    again = client.post("/staff/inspections/relations/", form).content.decode()
    assert "该回避关系已登记" in again and 'value="近亲属任职"' in again
    assert f'value="{employer.uscc}"' in again and OfficerEmployerRelation.objects.count() == 1


def test_unknown_employer_keeps_the_input(client, world):
    client.force_login(world["manager"])
    form = {
        "officer": str(world["officers"][0].pk),
        "uscc": "91120000XXXXXXXXXX",
        "relation": "持股",
        "since": "2019-01-02",
    }
    page = client.post("/staff/inspections/relations/", form).content.decode()
    assert "名录中没有" in page and 'value="持股"' in page
    assert not OfficerEmployerRelation.objects.exists()


def test_a_reader_sees_no_form(client, world, org_tree):
    from fazhi.accounts.tests.factories import make_user

    client.force_login(make_user("reader", unit=org_tree["fagui"], roles=["法制审核人员"]))
    page = client.get("/staff/inspections/relations/").content.decode()
    assert "<h2>登记回避关系</h2>" not in page and "回避关系登记" in page
    client.post(
        "/staff/inspections/relations/",
        {"officer": "1", "uscc": "x", "relation": "y", "since": "2019-01-02"},
    )
    assert not OfficerEmployerRelation.objects.exists()
