"""Staff pages and public pages through the Django test client."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import AuditEvent
from fazhi.disputes.domain.litigation import Instance, Outcome
from fazhi.disputes.domain.reconsideration import DecisionType, Status
from fazhi.disputes.models import ReconsiderationCase
from fazhi.disputes.services import litigation as lit
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_register_detail_actions_and_docx(client, people):
    case = apply(people)
    client.force_login(people["legal"])
    page = client.get("/staff/disputes/")
    assert page.status_code == 200 and case.reference in page.content.decode()
    detail = client.get(f"/staff/disputes/reconsiderations/{case.pk}/").content.decode()
    assert "受理审查" in detail and "1980" not in detail  # the ID number is masked
    client.post(
        f"/staff/disputes/reconsiderations/{case.pk}/review/",
        {"outcome": "accept", "on": "2019-03-22"},
    )
    case.refresh_from_db()
    assert case.status == Status.ACCEPTED
    recon.reconsideration_decide(
        case=case, decision=DecisionType.UPHOLD, on=date(2019, 5, 10), actor=people["legal"]
    )
    docx = client.get(f"/staff/disputes/reconsiderations/{case.pk}/decision.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    # an officer of another unit sees nothing and cannot act
    client.force_login(people["outsider"])
    assert client.get(f"/staff/disputes/reconsiderations/{case.pk}/").status_code == 404


def test_register_is_paged_by_the_nearest_deadline(client, people):
    """The most urgent case opens page 1 however many cases came after it (the register used to
    sort only the newest 300); the page links keep the filters; the API pages the same order."""
    urgent = apply(people, received_on=date(2019, 3, 1))
    later = [apply(people, received_on=date(2019, 4, 1)) for _ in range(50)]
    client.force_login(people["legal"])

    def links(html):
        return [
            pk for pk in [urgent.pk] + [c.pk for c in later] if f'/reconsiderations/{pk}/"' in html
        ]

    first = client.get("/staff/disputes/?register=reconsideration&year=2019").content.decode()
    assert "共 51 件" in first and "第 1 页" in first
    assert first.index(f'/reconsiderations/{urgent.pk}/"') < first.index(
        f'/reconsiderations/{later[-1].pk}/"'
    )
    assert (
        len(links(first)) == 50
        and 'href="?register=reconsideration&amp;year=2019&amp;page=2"' in first
    )
    second = client.get(
        "/staff/disputes/?register=reconsideration&year=2019&page=2"
    ).content.decode()
    assert links(second) == [later[0].pk]  # equal deadlines: the newest first
    api = client.get("/api/v1/disputes/reconsiderations?limit=2&offset=0").json()
    assert api["count"] == 51
    assert [c["id"] for c in api["results"]] == [urgent.pk, later[-1].pk]
    assert client.get("/api/v1/disputes/reconsiderations?limit=501").status_code == 422


def test_a_refused_action_shows_the_reason_and_writes_nothing(client, people):
    case = apply(people)
    client.force_login(people["legal"])
    before = AuditEvent.objects.count()
    response = client.post(
        f"/staff/disputes/reconsiderations/{case.pk}/review/",
        {"outcome": "reject", "on": "2019-03-22"},
        follow=True,
    )
    assert "不予受理须写明理由" in response.content.decode()
    assert AuditEvent.objects.count() == before


def test_litigation_page_and_rates(client, people):
    suit = lit.litigation_register(
        org_unit=people["units"]["zhidui"],
        court="和平区人民法院",
        case_number="（2019）津0101行初1号",
        instance=Instance.FIRST,
        plaintiff="某公司",
        act="行政处罚决定书",
        claims="撤销",
        received_on=date(2019, 4, 1),
        actor=people["legal"],
    )
    lit.litigation_approve(
        case=suit,
        approver=people["leader"],
        agent="孙法规",
        on=date(2019, 4, 2),
        actor=people["legal"],
    )
    lit.litigation_answer(case=suit, on=date(2019, 4, 10), actor=people["legal"])
    lit.litigation_judge(
        case=suit, outcome=Outcome.WITHDRAWN, served_on=date(2019, 5, 1), actor=people["legal"]
    )
    client.force_login(people["legal"])
    assert "裁定准予撤诉" in client.get(f"/staff/disputes/litigations/{suit.pk}/").content.decode()
    rates = client.get("/staff/disputes/rates/", {"year": "2019"}).content.decode()
    assert "监察一支队" in rates and "0.0%" in rates


@time_machine.travel(datetime(2023, 6, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_online_application_and_tracking_show_no_personal_data(client, people):
    data = {
        "applicant_name": "李四",
        "applicant_id_number": "120101198001011234",
        "applicant_phone": "13800000000",
        "respondent": "市人社局河西分局",
        "act": "社会保险费核定决定书（2023年5月6日）",
        "act_known_on": "2099-01-01",
        "requests": "撤销",
        "reasons": "核定基数错误",
        "attachments": SimpleUploadedFile("证据.pdf", PDF, content_type="application/pdf"),
    }
    refused = client.post("/disputes/apply/", data).content.decode()
    assert "不能晚于申请日期" in refused and not ReconsiderationCase.objects.exists()
    data["act_known_on"] = "2023-05-06"
    data["attachments"] = SimpleUploadedFile("证据.pdf", PDF, content_type="application/pdf")
    response = client.post("/disputes/apply/", data)
    assert response.status_code == 200, response.content.decode()
    case = ReconsiderationCase.objects.get()
    assert case.is_online and case.tracking_code in response.content.decode()
    page = client.get("/disputes/track/", {"code": case.tracking_code}).content.decode()
    assert "待受理审查" in page
    for private in ("李四", "1201", "13800000000", "社会保险费核定"):
        assert private not in page


@time_machine.travel(datetime(2025, 6, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_a_2025_online_application_is_not_registered_with_the_bureau_as_body(client, people):
    # issue 17 item 7: from 2024-01-01 the district government decides (2023 第二十四条)
    data = {
        "applicant_name": "李四",
        "applicant_id_number": "11010519491231002X",
        "applicant_phone": "13800000000",
        "respondent": "和平区人社局",
        "act": "社会保险费核定决定书（2025年5月6日）",
        "act_known_on": "2025-05-06",
        "requests": "撤销",
        "reasons": "核定基数错误",
    }
    page = client.post("/disputes/apply/", data).content.decode()
    assert "第二十四条" in page and "区人民政府" in page
    assert not ReconsiderationCase.objects.exists()


@time_machine.travel(datetime(2023, 6, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("applicant_id_number", "120101199001011234", "校验码错误"),
        ("applicant_id_number", "11010520300101001X", "晚于当前日期"),
        ("applicant_id_number", "150102880730303", "第一代15位号码不予接受"),
        ("applicant_phone", "1380000", "联系电话无效"),
    ],
)
def test_the_public_application_checks_identity_numbers_at_entry(
    client, people, field, value, reason
):
    # issue 17 item 15: 120101199001011234 (wrong check digit) and 1380000 were accepted
    data = {
        "applicant_name": "李四",
        "applicant_id_number": "120101198001011234",
        "applicant_phone": "13800000000",
        "respondent": "和平区人社局",
        "act": "社会保险费核定决定书（2023年5月6日）",
        "act_known_on": "2023-05-06",
        "requests": "撤销",
        "reasons": "核定基数错误",
        field: value,
    }
    page = client.post("/disputes/apply/", data).content.decode()
    assert reason in page
    assert not ReconsiderationCase.objects.exists()


def test_rates_open_on_the_latest_year_with_cases_and_say_when_a_year_is_empty(client, people):
    apply(people, received_on=date(2019, 3, 20))
    client.force_login(people["legal"])
    page = client.get("/staff/disputes/rates/").content.decode()
    assert '<option value="2019" selected>2019年</option>' in page and "没有复议" not in page
    empty = client.get("/staff/disputes/rates/", {"year": "2018"}).content.decode()
    assert "2018年没有复议或应诉案件记录" in empty and 'href="?year=2019&amp;by=unit"' in empty
    assert "<tfoot>" not in empty  # no row of 0.0%
