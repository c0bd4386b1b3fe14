"""Public pages and API never carry an ID number, phone or address; staff queue and actions."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.testing import on_day, publish_on, withdraw_on
from fazhi.publicity.tests.conftest import (
    ADDRESS,
    PERSON_ID,
    PHONE,
    license_data,
    person_penalty_data,
    register,
)

pytestmark = pytest.mark.django_db
SECRETS = (PERSON_ID, PHONE, ADDRESS, "南京路123号")


def _person_published():
    record, _ = register(
        data=person_penalty_data(legal_rep_id_type="身份证", legal_rep_id_number=PERSON_ID)
    )
    return publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)


def assert_no_personal_data(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_public_list_and_record_page_are_masked(client, in_2019):
    record = _person_published()
    page = client.get("/publicity/").content.decode()
    assert "张三" in page and "津人社监罚〔2019〕13号" in page
    assert_no_personal_data(page)
    detail = client.get(f"/publicity/{record.pk}/").content.decode()
    assert "110105********002X" in detail and "138****5678" in detail
    assert_no_personal_data(detail)


def test_api_is_masked_and_filters(client, in_2019):
    record = _person_published()
    licence, _ = register(Kind.LICENSE, data=license_data(), source_id="2")
    publish_on(date(2019, 5, 7), record=licence, actor=SYSTEM)
    body = client.get("/api/v1/publicity/records").content.decode()
    assert_no_personal_data(body)
    data = client.get("/api/v1/publicity/records?kind=penalty").json()
    assert (
        data["count"] == 1 and data["results"][0]["person_id_number_masked"] == "110105********002X"
    )
    assert data["results"][0]["fine_wanyuan"] == "0.200000"
    assert client.get("/api/v1/publicity/records?year=2018").json()["count"] == 0
    assert client.get("/api/v1/publicity/records?q=人力资源服务").json()["count"] == 1
    one = client.get(f"/api/v1/publicity/records/{record.pk}")
    assert one.status_code == 200
    assert_no_personal_data(one.content.decode())
    bad = client.get("/api/v1/publicity/records?kind=nope")
    assert bad.status_code == 422 and bad.json()["code"] == "unknown_filter_value"


def test_pending_and_ended_records_are_not_public_withdrawn_ones_show_the_reason(client, in_2019):
    pending, _ = register(source_id="5")
    assert client.get(f"/publicity/{pending.pk}/").status_code == 404
    assert client.get(f"/api/v1/publicity/records/{pending.pk}").status_code == 404
    record = _person_published()
    withdraw_on(
        date(2019, 12, 2),
        record=record,
        reason="行政复议决定撤销该处罚决定",
        change="撤销",
        actor=SYSTEM,
    )
    page = client.get("/publicity/").content.decode()
    assert "已撤回" in page and "行政复议决定撤销该处罚决定" in page
    assert "行政复议决定撤销该处罚决定" in client.get(f"/publicity/{record.pk}/").content.decode()
    PublicityRecord.objects.filter(pk=record.pk).update(status=Status.ENDED)
    assert client.get(f"/publicity/{record.pk}/").status_code == 404
    assert "张三" not in client.get("/publicity/").content.decode()


def test_staff_queue_shows_due_dates_and_the_overdue_alarm(officer):
    register()
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("publicity:queue")).content.decode()
    assert "超期未公示 1 条" in page and "2019-10-12" in page
    assert client.get(reverse("publicity:queue") + "?tab=batches").status_code == 200


def test_staff_publish_and_withdraw_through_the_pages(officer):
    record, _ = register()
    client = Client()
    client.force_login(officer)
    detail = client.get(reverse("publicity:detail", args=[record.pk])).content.decode()
    assert "全部数据项符合双公示数据标准" in detail
    with on_day(date(2019, 10, 8)):
        client.post(reverse("publicity:action", args=[record.pk, "publish"]))
    client.force_login(officer)  # the session was saved on the travelled clock
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    response = client.post(
        reverse("publicity:action", args=[record.pk, "withdraw"]),
        {"on": "2019-12-02", "change": "撤销", "reason": ""},
        follow=True,
    )
    assert "撤回原因" in response.content.decode()
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED


def test_staff_without_a_publishing_role_is_refused(org_tree):
    from fazhi.accounts.tests.factories import make_user

    reader = make_user("reader", unit=org_tree["fagui"], roles=["法制审核人员"])
    record, _ = register()
    client = Client()
    client.force_login(reader)
    before = AuditEvent.objects.count()
    response = client.post(
        reverse("publicity:action", args=[record.pk, "publish"]), {"on": "2019-10-08"}
    )
    assert response.status_code == 403 and AuditEvent.objects.count() == before


def test_publicity_ends_with_its_period(client):
    """Seen from the real clock (after 2022-09-27) the 2019 penalty is no longer public."""
    _person_published()
    assert client.get("/api/v1/publicity/records").json()["count"] == 0


def test_public_page_links_every_pre_publicity_list(client):
    # 118号（四）: the public sees what is published before enforcement next to the decisions.
    page = client.get(reverse("publicity_public:list")).content.decode()
    for name in (
        "powers_public:item_list",
        "officers_public:register",
        "officers_public:check",
        "inspections_public:item_list",
        "services_public:guide_list",
        "enforcement_public:discretion_public",
    ):
        assert f'href="{reverse(name)}"' in page
        assert client.get(reverse(name)).status_code == 200
