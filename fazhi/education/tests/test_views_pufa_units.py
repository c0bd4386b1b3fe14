"""谁执法谁普法 on the pages: a business division's clerk sees the 清单 items its unit leads and
records its own unit's activities; another unit's are neither shown nor writable."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.test import Client

from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent
from fazhi.core.tests.test_services_evidence import _png
from fazhi.education import services
from fazhi.education.models import Activity, ActivityMaterial

pytestmark = pytest.mark.django_db


def test_a_division_clerk_records_its_own_units_pufa_and_nothing_of_others(people):
    legal, units, clerk = people["legal"], people["units"], people["clerk"]
    other = make_user("clerk2", unit=units["zongdui"], roles=["业务处室经办人"])
    own_item = services.duty_item_add(
        year=2019,
        kind="specific",
        content="宣传劳动合同法",
        lead_unit=units["district"],
        actor=legal,
    )
    services.duty_item_add(
        year=2019, kind="specific", content="宣传监察条例", lead_unit=units["zongdui"], actor=legal
    )
    theirs = services.activity_record(
        kind="lecture",
        title="总队讲座",
        org_unit=units["zongdui"],
        starts_on=date(2019, 5, 1),
        actor=legal,
    )
    me = Client()
    me.force_login(clerk)
    menu = me.get("/staff/").content.decode()
    assert "/staff/education/pufa/" in menu
    page = me.get("/staff/education/pufa/").content.decode()  # opens on the latest year
    assert "2019年普法工作" in page
    assert "宣传劳动合同法" in page and "宣传监察条例" not in page and "总队讲座" not in page
    assert 'value="study"' not in page  # 学法 records stay 法规处's
    me.post(
        "/staff/education/pufa/2019/",
        {"action": "duty_done", "item": own_item.pk, "done_on": "2019-12-20"},
    )
    own_item.refresh_from_db()
    assert own_item.done_on == date(2019, 12, 20)
    response = me.post(
        "/staff/education/pufa/2019/",
        {
            "action": "activity",
            "kind": "lecture",
            "title": "区局讲座",
            "org_unit": units["district"].pk,
            "starts_on": "2019-06-01",
        },
    )
    mine = Activity.objects.get(title="区局讲座")
    assert response.url == f"/staff/education/activities/{mine.pk}/"
    me.post(
        f"/staff/education/activities/{mine.pk}/",
        {"action": "attach", "kind": "photo", "file": _file("现场.png")},
    )
    assert ActivityMaterial.objects.filter(activity=mine).count() == 1
    # another unit's: refused and nothing written
    before = (
        Activity.objects.count(),
        ActivityMaterial.objects.count(),
        AuditEvent.objects.count(),
    )
    assert me.get(f"/staff/education/activities/{theirs.pk}/").status_code == 403
    me.post(
        "/staff/education/pufa/2019/",
        {
            "action": "activity",
            "kind": "lecture",
            "title": "冒名",
            "org_unit": units["zongdui"].pk,
            "starts_on": "2019-06-01",
        },
    )
    assert (
        me.post(
            f"/staff/education/activities/{theirs.pk}/",
            {"action": "attach", "kind": "material", "file": _file("x.png")},
        ).status_code
        == 403
    )
    other_client = Client()
    other_client.force_login(other)
    other_client.post(
        "/staff/education/pufa/2019/",
        {"action": "duty_done", "item": own_item.pk, "done_on": "2019-12-21"},
    )
    assert (
        Activity.objects.count(),
        ActivityMaterial.objects.count(),
        AuditEvent.objects.count(),
    ) == before
    own_item.refresh_from_db()
    assert own_item.done_on == date(2019, 12, 20)


def _file(name: str):
    f = BytesIO(_png())
    f.name = name
    return f
