"""Staff pages (scope, forms calling the services) and the public pages (no personal data)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import override_settings
from django.utils import timezone

from fazhi.core.models import AuditEvent
from fazhi.officers.models import Certificate, TrainingRecord
from fazhi.officers.services import certificates as cards
from fazhi.officers.tests.conftest import make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(staff):
    """Officers whose cards are usable today, whatever day the tests run."""
    today = timezone.localdate()
    a = make_officer(
        staff, "张建国", number="1200009900001", issued_on=today, user=staff["officer_user"]
    )
    b = make_officer(staff, "李海燕", number="1200009900002", issued_on=today)
    c = make_officer(staff, "王和平", unit="district_team", number="1200009900003", issued_on=today)
    return a, b, c


def test_register_shows_stats_and_respects_scope(client, staff, live):
    client.force_login(staff["manager"])
    page = client.get("/staff/officers/")
    text = page.content.decode()
    assert page.status_code == 200 and "持证率" in text and "100.0%" in text
    assert "张建国" in text and "王和平" in text and "登记执法人员" in text
    # an officer of the district team sees only their unit, and no management buttons
    client.force_login(staff["outsider"])
    text = client.get("/staff/officers/").content.decode()
    assert "王和平" in text and "张建国" not in text and "登记执法人员" not in text
    assert client.get(f"/staff/officers/{live[0].pk}/").status_code == 404
    filtered = client.get(f"/staff/officers/?unit={staff['units']['district_team'].pk}")
    assert "王和平" in filtered.content.decode()


def test_anonymous_is_sent_to_login(client):
    assert client.get("/staff/officers/").status_code == 302


def test_manager_records_training_and_officers_cannot(client, staff, live):
    url = f"/staff/officers/{live[0].pk}/training/"
    data = {"attended_on": "2019-03-14", "course": "行政处罚法培训", "hours": "24"}
    client.force_login(staff["officer_user"])
    assert client.post(url, data).status_code == 403
    assert not TrainingRecord.objects.filter(attended_on=date(2019, 3, 14)).exists()
    client.force_login(staff["manager"])
    response = client.post(url, data, follow=True)
    assert "已办理" in response.content.decode()
    assert TrainingRecord.objects.get(attended_on=date(2019, 3, 14)).hours == 24
    # a refusal comes back as a message and writes nothing
    events = AuditEvent.objects.count()
    response = client.post(url, data, follow=True)
    assert "已登记" in response.content.decode() and AuditEvent.objects.count() == events


def test_detail_page_actions(client, staff, live):
    client.force_login(staff["manager"])
    officer = live[1]
    card = officer.certificates.get()
    page = client.get(f"/staff/officers/{officer.pk}/").content.decode()
    assert "1200009900002" in page and "年审" in page
    client.post(
        f"/staff/officers/{officer.pk}/suspend/",
        {"certificate": card.pk, "on": str(timezone.localdate()), "reason": "接受调查"},
    )
    card.refresh_from_db()
    assert card.status == "suspended"
    page = client.get(f"/staff/officers/{officer.pk}/").content.decode()
    assert "不能执法（暂扣）" in page
    response = client.post(f"/staff/officers/{officer.pk}/bogus/", {})
    assert response.status_code == 404


def test_create_and_issue_through_the_forms(client, staff):
    client.force_login(staff["manager"])
    response = client.post(
        "/staff/officers/new/",
        {"name": "赵振华", "org_unit": staff["units"]["zhidui"].pk, "post": "enforcement"},
    )
    assert response.status_code == 302
    detail = response["Location"]
    pk = int(detail.rstrip("/").split("/")[-1])
    issue = {"number": "1200001900050", "area": "天津市", "issued_on": "2019-05-01"}
    # issue 17 item 10: no exam and no training on record — refused, nothing written
    refused = client.post(f"/staff/officers/{pk}/issue/", issue, follow=True).content.decode()
    assert "没有执法资格考试合格记录" in refused
    assert not Certificate.objects.filter(officer_id=pk).exists()
    client.post(
        f"/staff/officers/{pk}/training/",
        {"attended_on": "2019-03-14", "course": "上岗培训", "hours": "40"},
    )
    client.post(
        f"/staff/officers/{pk}/exam/",
        {"exam": "行政执法资格考试", "taken_on": "2019-04-01", "score": "80", "passed": "1"},
    )
    client.post(f"/staff/officers/{pk}/issue/", issue)
    assert Certificate.objects.get(officer_id=pk).expires_on == date(2022, 5, 1)


def test_import_page(client, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff["manager"])
    csv = "姓名,单位代码,执法证号,执法区域,发证日期\n张三,JCZD-1,1200001900001,天津市,2019-01-10\n坏行,X,1,天津市,2019-01-10\n"
    upload = SimpleUploadedFile("o.csv", csv.encode("gbk"), content_type="text/csv")
    text = client.post("/staff/officers/import/", {"file": upload}).content.decode()
    assert "导入执法证 1 个" in text and "第 3 行" in text


def test_public_check_shows_only_name_unit_area_status(client, staff, live):
    response = client.get("/officers/check/?number=1200009900001")
    text = response.content.decode()
    assert response.status_code == 200
    assert "张建国" in text and "监察一支队" in text and "天津市" in text and "有效" in text
    assert "zf" not in text  # no account name
    missing = client.get("/officers/check/?number=0000").content.decode()
    assert "未找到" in missing


def test_public_check_context_holds_no_other_personal_fields(client, live):
    response = client.get("/officers/check/?number=1200009900001")
    assert set(response.context["found"]) == {
        "number",
        "name",
        "org_unit",
        "area",
        "status",
        "status_label",
        "issued_on",
        "expires_on",
        "usable",
        "reason",
    }


@override_settings(FAZHI={"OFFICERS_CHECK_LIMIT": 2, "OFFICERS_CHECK_WINDOW_MINUTES": 10})
def test_public_check_is_throttled_per_address(client, live):
    for _ in range(2):
        assert client.get("/officers/check/?number=1200009900001").status_code == 200
    throttled = client.get("/officers/check/?number=1200009900001")
    assert throttled.status_code == 429 and "查询过于频繁" in throttled.content.decode()
    other = client.get("/officers/check/?number=1200009900001", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_public_register_lists_usable_cards_only(client, staff, live):
    cards.certificate_suspend(
        certificate=live[1].certificates.get(),
        on=timezone.localdate(),
        reason="调查",
        actor=staff["manager"],
    )
    text = client.get("/officers/").content.decode()
    assert "张建国" in text and "1200009900001" in text and "王和平" in text
    assert "李海燕" not in text
    text = client.get(f"/officers/?unit={staff['units']['district_team'].pk}").content.decode()
    assert "王和平" in text and "张建国" not in text
