"""Staff screens: lists in scope, the case page, forms that refuse with the article, review queue."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent, Deadline
from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case, notified_case, register

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def test_case_list_is_scoped(client, world):
    case = register(world)
    page = login(client, world["users"]["a"]).get(reverse("enforcement:case_list"))
    assert case.reference in page.content.decode()
    client.force_login(world["users"]["outsider"])  # another unit
    assert case.reference not in client.get(reverse("enforcement:case_list")).content.decode()
    assert client.get(reverse("enforcement:case_detail", args=[case.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, world):
    case = register(world)
    assert client.get(reverse("enforcement:case_detail", args=[case.pk])).status_code == 302


def test_case_page_shows_deadlines_and_next_actions(client, world):
    case = register(world)
    body = (
        login(client, world["users"]["a"])
        .get(reverse("enforcement:case_detail", args=[case.pk]))
        .content.decode()
    )
    assert "投诉受理审查期限" in body and "受理" in body and "不予受理" in body


def test_refused_step_shows_the_article_and_writes_nothing(client, world):
    case = filed_case(world)
    before = AuditEvent.objects.count()
    login(client, world["users"]["a"])
    url = reverse("enforcement:case_action", args=[case.pk, "act"])
    response = client.post(
        url,
        {
            "version": case.version,
            "kind": "interview",
            "on": "2019-03-08",
            "summary": "询问",
            "officers": [world["officers"]["a"].pk],
        },
        follow=True,
    )
    assert "第三十七条" in response.content.decode()
    assert AuditEvent.objects.count() == before


def test_stale_form_is_refused(client, world):
    case = register(world)
    login(client, world["users"]["a"])
    url = reverse("enforcement:case_action", args=[case.pk, "accept"])
    client.post(url, {"version": case.version, "on": "2019-03-05"})
    response = client.post(
        reverse("enforcement:case_action", args=[case.pk, "reject"]),
        {"version": case.version, "on": "2019-03-05", "reason": "x"},
        follow=True,
    )
    assert "案件已被他人更新" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "accepted"


def test_file_step_through_the_form(client, world):
    case = register(world)
    login(client, world["users"]["b"])  # zhifa_b, listed after zhifa_a by name
    client.post(
        reverse("enforcement:case_action", args=[case.pk, "accept"]),
        {"version": case.version, "on": "2019-03-05"},
    )
    case.refresh_from_db()
    page = client.get(reverse("enforcement:case_detail", args=[case.pk])).content.decode()
    boxes = page.split("立案（负责人审批）")[1].split("</fieldset>")[0]
    mine, other = (f'name="officers" value="{world["officers"][k].pk}"' for k in "ba")
    assert boxes.index(mine) < boxes.index(other)  # the user's own card first: the 主办
    client.post(
        reverse("enforcement:case_action", args=[case.pk, "file"]),
        {
            "version": case.version,
            "on": "2019-03-05",
            "approver": world["users"]["leader"].pk,
            "officers": [world["officers"]["b"].pk, world["officers"]["a"].pk],
        },
    )
    case.refresh_from_db()
    assert case.status == "filed" and case.filed_on == date(2019, 3, 5)
    clock = Deadline.objects.get(
        subject_id=str(case.pk), rule_code="labor_inspection.investigation"
    )
    assert clock.owner == world["users"]["b"]  # the first one posted leads


def test_new_case_form(client, world):
    login(client, world["users"]["a"])
    assert client.get(reverse("enforcement:case_create")).status_code == 200
    response = client.post(
        reverse("enforcement:case_create"),
        {
            "power_item": world["items"]["CF-JC-25"].pk,
            "org_unit": world["team"].pk,
            "source": "patrol",
            "procedure": "labor_inspection",
            "received_on": "2019-05-06",
            "cause": "违法延长工作时间",
            "party_name": "某公司",
            "party_kind": "org",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and case.source == "patrol"


def test_review_queue_only_for_reviewers(client, world):
    case = notified_case(world)
    login(client, world["users"]["a"])
    client.post(
        reverse("enforcement:case_action", args=[case.pk, "review_submit"]), {"on": "2019-03-28"}
    )
    assert client.get(reverse("enforcement:review_queue")).status_code == 403
    client.force_login(world["users"]["reviewer"])
    body = client.get(reverse("enforcement:review_queue")).content.decode()
    assert case.reference in body and "罚款数额达到目录清单标准" in body
    points = {
        f"point_{c}": "1"
        for c in ("subject", "procedure", "facts", "law", "authority", "documents", "crime")
    }
    client.post(
        reverse("enforcement:case_action", args=[case.pk, "review"]),
        {"on": "2019-03-29", "opinion": "agree", **points},
    )
    case.refresh_from_db()
    assert case.status == "reviewed"


def test_documents_and_case_file(client, world):
    case = notified_case(world)
    login(client, world["users"]["a"])
    for kind in ("filing", "notice"):
        response = client.get(reverse("enforcement:case_document", args=[case.pk, kind]))
        assert response.status_code == 200 and response.content[:2] == b"PK"
    assert (
        client.get(reverse("enforcement:case_document", args=[case.pk, "decision"])).status_code
        == 404
    )
    body = client.get(reverse("enforcement:case_file", args=[case.pk])).content.decode()
    assert "现场检查笔录" in body and len(case.acts.get().evidence.get().sha256) == 64
    assert case.acts.get().evidence.get().sha256 in body
    zipped = client.get(reverse("enforcement:case_archive_zip", args=[case.pk]))
    assert zipped.status_code == 200 and zipped["Content-Type"] == "application/zip"


def test_evidence_download_is_logged(client, world):
    from fazhi.core.models import CustodyEntry

    case = notified_case(world)
    evidence = case.acts.get().evidence.get()
    login(client, world["users"]["a"])
    url = reverse("enforcement:evidence_download", args=[case.pk, evidence.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(
        b"\x89PNG"
    )
    assert CustodyEntry.objects.filter(evidence=evidence, action="view").exists()
    other = register(world)
    assert (
        client.get(
            reverse("enforcement:evidence_download", args=[other.pk, evidence.pk])
        ).status_code
        == 404
    )


def _bulk_cases(world, n: int, unit=None):
    # Rows written directly: only the list's paging is under test.
    Case.objects.bulk_create(
        Case(
            reference=f"P-{i:03d}",
            power_item=world["items"]["CF-JC-26"],
            org_unit=unit or world["team"],
            status="filed",
            source="patrol",
            received_on=date(2019, 1, 1 + i % 28),
            cause="拖欠工资",
            party_name=f"当事人{i}",
        )
        for i in range(n)
    )


def test_case_list_pages_by_fifty(client, world):
    _bulk_cases(world, 60)
    login(client, world["users"]["a"])
    url = reverse("enforcement:case_list")
    first = client.get(url, {"status": "filed"}).content.decode()
    assert "共 60 件，第 1 页" in first and first.count('class="ref"') == 50
    assert "status=filed&amp;page=2" in first and 'rel="next"' in first
    second = client.get(url, {"status": "filed", "page": "2"}).content.decode()
    assert second.count('class="ref"') == 10 and 'rel="prev"' in second


def test_assigned_officer_sees_a_case_of_another_unit(client, world):
    from fazhi.enforcement.selectors import case_list, case_visible_to
    from fazhi.enforcement.tests.conftest import officer

    _bulk_cases(world, 2, unit=world["units"]["district_team"])
    case = Case.objects.get(reference="P-000")
    case.officers.add(world["officers"]["a"])  # a belongs to the 支队, not the district
    user = world["users"]["a"]
    assert set(case_visible_to(user).filter(reference__startswith="P-")) == {case}
    assert list(case_list(user=user, mine=True, today=date(2019, 6, 1))) == [case]
    outsider = world["users"]["outsider"]  # in the district: sees both, handles neither
    officer(outsider, world["units"]["district_team"], None)
    assert case_visible_to(outsider).filter(reference__startswith="P-").count() == 2
    assert not case_list(user=outsider, mine=True, today=date(2019, 6, 1))


def test_overdue_deadlines_in_scope_and_on_the_page(client, world):
    from fazhi.enforcement.selectors import case_list, overdue_deadlines

    case = register(world)  # a complaint: the 7-working-day acceptance clock runs
    late = date(2019, 6, 1)
    assert [d.subject_id for d in overdue_deadlines(user=world["users"]["a"], today=late)] == [
        str(case.pk)
    ]
    assert list(case_list(user=world["users"]["a"], overdue=True, today=late)) == [case]
    assert not overdue_deadlines(user=world["users"]["a"], today=date(2019, 3, 5)).exists()
    assert not overdue_deadlines(user=world["users"]["outsider"], today=late).exists()
    assert overdue_deadlines(user=world["users"]["leader"], today=late).count() == 1
    page = login(client, world["users"]["a"]).get(reverse("enforcement:case_list"))
    body = page.content.decode()  # today is long after 2019: the clock is overdue
    assert "逾期期限（1 项）" in body and case.reference in body
