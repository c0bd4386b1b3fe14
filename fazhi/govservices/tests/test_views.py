"""Staff pages (register, application with next actions, catalogue, compare) and public pages."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from fazhi.core.models import AuditEvent
from fazhi.govservices.models import LicenseApplication
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.tests.conftest import submit

pytestmark = pytest.mark.django_db


def test_register_and_application_page_show_due_dates_and_actions(client, people, catalogue):
    app = submit(people, catalogue["gs"])
    assert client.get("/staff/services/applications/").status_code == 302  # login required
    client.force_login(people["clerk"])
    page = client.get("/staff/services/applications/").content.decode()
    assert app.reference in page and "受理审查（一次告知）" in page and "已逾期" in page
    detail = client.get(f"/staff/services/applications/{app.pk}/").content.decode()
    assert (
        "一次告知补正" in detail
        and "准予许可" not in detail.split("可办理的操作")[1].split("受理")[0]
    )
    response = client.post(f"/staff/services/applications/{app.pk}/accept/", {"on": "2019-03-04"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "accepted"
    detail = client.get(f"/staff/services/applications/{app.pk}/").content.decode()
    assert "延长决定期限" in detail and "不予许可" in detail


def test_register_puts_the_overdue_application_first(client, people, catalogue):
    """Sorted and counted by the database: the overdue one leads even though it is the oldest."""
    overdue = submit(people, catalogue["gs"], received_on=date(2019, 3, 1))
    newer = submit(people, catalogue["gs"], received_on=date(2026, 11, 27))
    client.force_login(people["clerk"])
    with time_machine.travel(datetime(2026, 11, 30, 9, tzinfo=ZoneInfo("Asia/Shanghai"))):
        page = client.get("/staff/services/applications/").content.decode()
    assert "共 2 件" in page and "逾期 1 件" in page
    assert page.index(overdue.reference) < page.index(newer.reference)


def test_my_deadlines_link_to_the_application(client, people, catalogue):
    """工作台 "我的期限" and the API lead to the record where the deadline is met."""
    app = submit(people, catalogue["gs"])
    client.force_login(people["clerk"])
    home = client.get("/staff/").content.decode()
    assert f'<a href="/staff/services/applications/{app.pk}/">' in home
    mine = client.get("/api/v1/deadlines/mine").json()
    assert [d["url"] for d in mine] == [f"/staff/services/applications/{app.pk}/"]


def test_the_home_page_counts_open_deadlines_by_kind_in_the_users_units(client, people, catalogue):
    from fazhi.core.selectors.deadlines import KindCount, deadlines_overview

    submit(people, catalogue["gs"], received_on=date(2019, 3, 1))  # long overdue
    submit(people, catalogue["gs"], received_on=date(2026, 11, 27))  # acceptance due 12-04
    today = date(2026, 11, 30)  # a Monday: 12-01, 12-02, 12-03 are the 3-day window
    register = "/staff/services/applications/"
    assert deadlines_overview(user=people["leader"], today=today) == [
        KindCount("行政许可申请", overdue=1, due_soon=0, url=register)
    ]
    assert deadlines_overview(user=people["leader"], today=date(2026, 12, 1)) == [
        KindCount("行政许可申请", overdue=1, due_soon=1, url=register)
    ]
    assert deadlines_overview(user=people["officer"], today=today) == []  # another unit's
    client.force_login(people["leader"])
    home = client.get("/staff/").content.decode()
    assert "期限概览（我能查看的单位）" in home and f'<a href="{register}">行政许可申请</a>' in home
    client.force_login(people["officer"])
    assert "期限概览" not in client.get("/staff/").content.decode()


def test_a_refused_step_on_the_page_writes_nothing(client, people, catalogue):
    app = submit(people, catalogue["gs"])
    client.force_login(people["clerk"])
    before = AuditEvent.objects.count()
    page = client.post(
        f"/staff/services/applications/{app.pk}/grant/", {"on": "2019-03-04"}, follow=True
    )
    assert "未受理的申请不能作出许可决定" in page.content.decode()
    assert AuditEvent.objects.count() == before
    assert LicenseApplication.objects.get().status == "received"


def test_an_officer_cannot_act_on_applications(client, people, catalogue):
    app = submit(people, catalogue["gs"])
    client.force_login(people["officer"])
    assert client.post(
        f"/staff/services/applications/{app.pk}/accept/", {"on": "2019-03-04"}
    ).status_code in {403, 404}
    assert LicenseApplication.objects.get().status == "received"


def test_catalogue_and_compare_pages(client, people, catalogue):
    client.force_login(people["clerk"])
    assert "劳务派遣经营许可" in client.get("/staff/services/catalogues/2019/").content.decode()
    item = client.get(f"/staff/services/items/{catalogue['lwpq'].pk}/").content.decode()
    assert "无人审批规则" in item and "营业执照副本" in item
    page = client.get("/staff/services/compare/?from=2019&to=2019").content.decode()
    assert "减少0%" in page


def test_public_guide_lists_steps_as_an_ordered_list(client, catalogue):
    page = client.get("/services/items/XK-LWPQ/").content.decode()
    assert '<ol class="flow"' in page and "第1步" in page and "可共享免提交" in page
    assert "XK-GS" in client.get("/services/").content.decode()
    assert client.get("/services/items/NOPE/").status_code == 404


def test_public_tracking_shows_no_personal_data(client, people, catalogue):
    app = submit(people, catalogue["gs"], materials=[])
    lic.application_correction_notice(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    page = client.get(f"/services/track/?code={app.tracking_code}").content.decode()
    assert "补正中" in page and "特殊工时制度申请表" in page
    for private in (
        "天津某人力资源有限公司",
        "13812345678",
        "138****5678",
        "张建国",
        "南京路",
        app.applicant_uscc,
    ):
        assert private not in page
    assert "未找到该查询码" in client.get("/services/track/?code=NOPE").content.decode()


def test_clerk_receives_a_paper_application(client, people, catalogue):
    from fazhi.govservices.demo import demo_uscc
    from fazhi.govservices.tests.conftest import required

    client.force_login(people["clerk"])
    page = client.get("/staff/services/applications/new/?item=XK-GS").content.decode()
    assert "工会意见" in page and "营业执照副本" not in page  # shared: not asked for
    response = client.post(
        "/staff/services/applications/new/?item=XK-GS",
        {
            "applicant_name": "天津某物流有限公司",
            "applicant_category": "legal_person",
            "applicant_uscc": demo_uscc(9),
            "received_on": "2019-05-06",
            "materials": required(catalogue["gs"])[:2],
        },
    )
    app = LicenseApplication.objects.get()
    assert response.status_code == 302 and app.status == "received"
    assert app.submitted.count() == 2
    bad = client.post(
        "/staff/services/applications/new/?item=XK-GS",
        {
            "applicant_name": "某公司",
            "applicant_category": "legal_person",
            "applicant_uscc": "123",
            "received_on": "2019-05-06",
        },
    )
    assert (
        "统一社会信用代码无效" in bad.content.decode() and LicenseApplication.objects.count() == 1
    )


def test_a_refused_decision_comes_back_with_what_was_typed(client, people, catalogue):
    app = submit(people, catalogue["gs"])
    client.force_login(people["clerk"])
    client.post(f"/staff/services/applications/{app.pk}/accept/", {"on": "2019-03-04"})
    reasons = "申请人不具备与所申请事项相适应的办公场所，依据第X条不予许可。"
    response = client.post(
        f"/staff/services/applications/{app.pk}/refuse/", {"on": "2099-01-01", "reasons": reasons}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert f">{reasons}</textarea>" in page and 'value="2099-01-01"' in page
    refuse = page.split("<summary>不予许可</summary>")[0].rsplit("<details", 1)[1]
    assert " open" in refuse and 'role="alert"' in page
    assert LicenseApplication.objects.get().status == "accepted"
