"""The staff home's "我的期限" and the rule table page."""

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from fazhi.accounts.tests.factories import make_user
from fazhi.core.services.deadlines import deadline_open


def _row(html, text):
    """The <tr> that contains ``text``."""
    for row in re.findall(r"<tr[^>]*>.*?</tr>", html, re.S):
        if text in row:
            return row
    raise AssertionError(f"no row with {text!r}")


@pytest.mark.django_db
@time_machine.travel(date(2025, 9, 10), tick=False)
def test_home_marks_overdue_and_due_soon_rows(client, staff_user, org_tree):
    # given one overdue, one due within 3 working days, one later, and another user's
    for unit, start in (("zhidui", date(2025, 9, 1)), ("district", date(2025, 9, 8))):
        deadline_open(
            subject=org_tree[unit],
            rule_code="licensing.correction_notice",
            start=start,
            actor=staff_user,
            owner=staff_user,
        )
    deadline_open(
        subject=org_tree["bureau"],
        rule_code="licensing.decision",
        start=date(2025, 9, 8),
        actor=staff_user,
        owner=staff_user,
    )
    other = make_user("other", unit=org_tree["district"])
    deadline_open(
        subject=org_tree["fagui"],
        rule_code="licensing.decision",
        start=date(2025, 9, 8),
        actor=other,
        owner=other,
    )
    client.force_login(staff_user)
    # when
    html = client.get(reverse("core:staff_home")).content.decode()
    # then
    assert "我的期限" in html
    overdue = _row(html, "监察一支队")
    assert 'class="overdue"' in overdue and "已逾期2日" in overdue
    assert "2025年9月8日" in overdue
    soon = _row(html, "和平区人社局")
    assert 'class="due-soon"' in soon and "即将到期" in soon and "剩余3个工作日" in soon
    later = _row(html, "市人力资源和社会保障局")
    assert 'class="ok"' in later
    assert "法规处" not in re.sub(r"<header.*?</header>", "", html, flags=re.S)
    assert "<a " not in overdue  # an org unit has no page to act on: no link


@pytest.mark.django_db
def test_home_without_deadlines(client, staff_user):
    client.force_login(staff_user)
    assert "目前没有由您负责的进行中期限" in client.get(reverse("core:staff_home")).content.decode()


@pytest.mark.django_db
def test_pages_need_a_login(client):
    for name in ("core:staff_home", "core:deadline_rules"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "login" in response["Location"]


@pytest.mark.django_db
def test_rule_table_page(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse("core:deadline_rules")).content.decode()
    assert "期限规则表" in html
    assert "penalty.payment" in html and "第六十七条第三款" in html
    assert "待核实" in html


@pytest.mark.django_db
def test_a_fixed_deadline_is_listed_by_its_title_not_its_code(client, staff_user, org_tree):
    from fazhi.core.services.deadlines import deadline_open_fixed

    deadline_open_fixed(
        subject=org_tree["zhidui"],
        rule_code="enforcement.correction_order",
        title="责令改正期限",
        start=date(2025, 9, 1),
        due=date(2025, 9, 30),
        actor=staff_user,
        owner=staff_user,
    )
    client.force_login(staff_user)
    html = client.get(reverse("core:staff_home")).content.decode()
    row = _row(html, "监察一支队")
    assert "责令改正期限" in row and "enforcement.correction_order" not in row
    api = client.get("/api/v1/deadlines/mine").json()
    assert [d["rule_title"] for d in api] == ["责令改正期限"]


@pytest.mark.django_db
@time_machine.travel(date(2025, 9, 10), tick=False)
def test_an_english_browser_still_gets_chinese_dates(client, staff_user, org_tree):
    deadline_open(
        subject=org_tree["zhidui"],
        rule_code="licensing.decision",
        start=date(2025, 9, 8),
        actor=staff_user,
        owner=staff_user,
    )
    client.force_login(staff_user)
    html = client.get(reverse("core:staff_home"), HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert "（星期" in html and "day）" not in html
