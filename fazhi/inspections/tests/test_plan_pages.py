"""一单两库 screens (issue 19.1): a manager adds and publishes an item and makes a plan on the
same services as the API; a refusal returns the form as typed with the Chinese message and
writes nothing; the draw's first step keeps its input too."""

from __future__ import annotations

import pytest

from fazhi.core.models import AuditEvent
from fazhi.inspections.models import Draw, InspectionItem, InspectionPlan
from fazhi.inspections.tests.conftest import make_employers

pytestmark = pytest.mark.django_db


def _item_form(power_item, **extra) -> dict:
    return {
        "power_item": str(power_item.pk),
        "code": "SJ-02",
        "name": "工资支付情况检查",
        "basis": "《劳动保障监察条例》第十一条",
        "method": "书面检查",
        "item_class": "general",
        "stratum-0": "A",
        "share-0": "5%",
        **extra,
    }


def test_manager_adds_and_publishes_an_item(client, people, power_item):
    client.force_login(people["manager"])
    make_employers(4)
    form = client.get("/staff/inspections/items/new/").content.decode()
    assert 'name="stratum-0" value="A"' in form and power_item.code in form
    response = client.post("/staff/inspections/items/new/", _item_form(power_item), follow=True)
    text = response.content.decode()
    assert "已将 SJ-02 工资支付情况检查列入随机抽查事项清单" in text
    item = InspectionItem.objects.get(code="SJ-02")
    assert item.shares == {"A": "0.05"} and not item.is_published
    client.post(f"/staff/inspections/items/{item.pk}/publish/")
    item.refresh_from_db()
    assert item.is_published and item.published_on is not None
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"inspections.item.create", "inspections.item.publish"} <= actions


def test_a_refused_item_keeps_the_input_and_writes_nothing(client, people, power_item):
    client.force_login(people["manager"])
    events = AuditEvent.objects.count()
    page = client.post(
        "/staff/inspections/items/new/", _item_form(power_item, **{"share-0": "150%"})
    ).content.decode()
    assert "抽查比例“150%”须在 0 与 1 之间" in page
    assert 'value="工资支付情况检查"' in page and 'value="150%"' in page
    assert "《劳动保障监察条例》第十一条</textarea>" in page
    assert not InspectionItem.objects.filter(code="SJ-02").exists()
    assert AuditEvent.objects.count() == events


def test_manager_makes_a_plan(client, people, item):
    client.force_login(people["manager"])
    make_employers(4)
    form = {
        "year": "2019",
        "title": "2019年专项抽查",
        "org_unit": str(people["units"]["zongdui"].pk),
        "items": [str(item.pk)],
        "stratum-0": "A",
        "share-0": "0.1",
        "is_ad_hoc": "1",
    }
    response = client.post("/staff/inspections/plans/new/", form, follow=True)
    plan = InspectionPlan.objects.get(title="2019年专项抽查")
    assert response.redirect_chain[-1][0] == f"/staff/inspections/plans/{plan.pk}/"
    assert plan.shares == {"A": "0.1"} and plan.is_ad_hoc and list(plan.items.all()) == [item]
    assert AuditEvent.objects.filter(action="inspections.plan.create").count() == 1


def test_a_refused_plan_keeps_the_input(client, people, item):
    client.force_login(people["manager"])
    form = {
        "year": "2019",
        "title": "没有比例的计划",
        "org_unit": str(people["units"]["zongdui"].pk),
        "items": [str(item.pk)],
        "joint_departments": "市市场监管委",
    }
    page = client.post("/staff/inspections/plans/new/", form).content.decode()
    assert "请至少为一个分层设定大于零的抽查比例" in page
    assert 'value="没有比例的计划"' in page and 'value="市市场监管委"' in page
    assert f'value="{item.pk}" checked' in page
    assert not InspectionPlan.objects.exists()


def test_a_reader_gets_no_form_and_writes_nothing(client, people, power_item):
    client.force_login(people["clerk"])
    assert client.get("/staff/inspections/plans/new/").status_code == 403
    assert client.get("/staff/inspections/items/new/").status_code == 403
    client.post("/staff/inspections/items/new/", _item_form(power_item))
    assert not InspectionItem.objects.exists()
    index = client.get("/staff/inspections/").content.decode()
    assert "/staff/inspections/plans/new/" not in index


def test_a_refused_commitment_keeps_the_input(client, world):
    client.force_login(world["manager"])
    form = {"on": "2019-05-06", "beacon_source": "", "beacon_date": "2019-05-06"}
    page = client.post(f"/staff/inspections/plans/{world['plan'].pk}/commit/", form)
    text = page.content.decode()
    assert "请写明抽取将采用的公开随机值" in text
    assert 'value="2019-05-06"' in text and not Draw.objects.exists()
