"""Catalogue versions have staff pages (issue 19.1): a clerk starts a draft, adds items with
their materials and publishes it on the same services as the API; a refusal returns the form as
typed and writes nothing; a reader sees no form."""

from __future__ import annotations

import pytest

from fazhi.core.models import AuditEvent
from fazhi.govservices.models import CatalogueVersion, ServiceItem

pytestmark = pytest.mark.django_db


def _item(unit, **extra) -> dict:
    return {
        "code": "XK-TSGS",
        "name": "特殊工时制度审批",
        "kind": "licensing",
        "org_unit": str(unit.pk),
        "accepting_body": "政务服务中心",
        "deciding_body": "市人社局",
        "promised_days": "5",
        "statutory_days": "20",
        "licence_category": "ordinary",
        "number_issuer": "津人社许",
        "materials": "特殊工时制度申请表\n营业执照副本（免提交）\n",
        **extra,
    }


def test_clerk_makes_and_publishes_a_version(client, people):
    client.force_login(people["clerk"])
    response = client.post(
        "/staff/services/catalogues/new/", {"year": "2027", "label": "2027年目录"}, follow=True
    )
    assert "已新建2027年度目录" in response.content.decode()
    version = CatalogueVersion.objects.get(year=2027)
    assert version.status == "draft"
    unit = people["units"]["bureau"]
    response = client.post("/staff/services/catalogues/2027/items/new/", _item(unit), follow=True)
    assert "已增加事项 XK-TSGS 特殊工时制度审批" in response.content.decode()
    item = ServiceItem.objects.get(code="XK-TSGS")
    assert [(m.name, m.is_shared) for m in item.materials.order_by("position")] == [
        ("特殊工时制度申请表", False),
        ("营业执照副本", True),
    ]
    client.post("/staff/services/catalogues/2027/publish/")
    version.refresh_from_db()
    assert version.status == "published" and version.published_on is not None
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    for verb in ("create", "item_add", "publish"):
        assert actions.count(f"services.catalogue.{verb}") == 1


def test_a_refused_item_keeps_the_input_and_writes_nothing(client, people):
    client.force_login(people["clerk"])
    client.post("/staff/services/catalogues/new/", {"year": "2027", "label": "2027年目录"})
    events = AuditEvent.objects.count()
    form = _item(people["units"]["bureau"], promised_days="30")
    page = client.post("/staff/services/catalogues/2027/items/new/", form).content.decode()
    assert "承诺时限不得超过法定时限" in page and "第四十二条" in page
    assert 'value="特殊工时制度审批"' in page and 'value="30"' in page
    assert "营业执照副本（免提交）" in page and 'value="ordinary" selected' in page
    assert not ServiceItem.objects.exists() and AuditEvent.objects.count() == events


def test_a_second_version_of_a_year_is_refused_with_the_input(client, people):
    client.force_login(people["clerk"])
    client.post("/staff/services/catalogues/new/", {"year": "2027", "label": "甲"})
    page = client.post(
        "/staff/services/catalogues/new/", {"year": "2027", "label": "乙", "note": "说明"}
    ).content.decode()
    assert "2027年度的事项目录已存在" in page and 'value="乙"' in page and "说明</textarea>" in page
    assert CatalogueVersion.objects.count() == 1


def test_an_empty_version_is_not_published(client, people):
    client.force_login(people["clerk"])
    client.post("/staff/services/catalogues/new/", {"year": "2027", "label": "2027年目录"})
    page = client.post("/staff/services/catalogues/2027/publish/", follow=True).content.decode()
    assert "目录中没有事项，不能公布" in page
    assert CatalogueVersion.objects.get().status == "draft"


def test_a_reader_gets_no_form(client, people):
    client.force_login(people["officer"])
    assert "/staff/services/catalogues/new/" not in client.get("/staff/services/").content.decode()
    assert client.get("/staff/services/catalogues/new/").status_code == 403
    client.post("/staff/services/catalogues/new/", {"year": "2027", "label": "x"})
    assert not CatalogueVersion.objects.exists()
