"""Reminders from January (issue 24 item 4): 法规处 and the head see the previous year's report
on 待办 and on the report list, with its 报送 date, until it is published; others do not."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from fazhi.accounts.tests.factories import make_user
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply
from fazhi.reports import services

pytestmark = pytest.mark.django_db

TITLE = "2019年法治政府建设情况报告"


@pytest.fixture
def people(org_tree):
    return {
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "head": make_user("head", unit=org_tree["bureau"], roles=["局领导"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "units": org_tree,
    }


def _on(monkeypatch, day: date) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)


def _todo(client, user) -> str:
    client.force_login(user)
    return client.get("/staff/todo/").content.decode()


def test_from_january_the_previous_years_report_is_on_the_worklist(client, people, monkeypatch):
    # given: 2 January 2020, no 2019 report yet
    _on(monkeypatch, date(2020, 1, 2))
    # then: 法规处 and the head are reminded of 报送 by 1 March; an officer is not
    page = _todo(client, people["legal"])
    assert f"{TITLE}（尚未起草）" in page and "2020年3月1日" in page and "还有59天" in page
    assert 'href="/staff/reports/"' in page
    assert f"{TITLE}（尚未起草）" in _todo(client, people["head"])
    assert "法治政府建设情况报告" not in _todo(client, people["officer"])
    client.force_login(people["legal"])
    assert "2019年度报告尚未起草" in client.get("/staff/reports/").content.decode()
    # an officer may comment on the report and opens the list, without the reminder
    client.force_login(people["officer"])
    listing = client.get("/staff/reports/")
    assert listing.status_code == 200 and "尚未起草" not in listing.content.decode()

    # when: the draft exists, and 1 March has passed
    case = apply(people, applicant_name="申请人", received_on=date(2019, 3, 20))
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )
    report = services.report_draft(year=2019, layout="default", actor=people["legal"])
    _on(monkeypatch, date(2020, 3, 3))
    # then: the row opens the draft and says it is overdue
    page = _todo(client, people["legal"])
    assert f"{TITLE}（起草中）" in page and "已逾期2天" in page
    assert f'href="{report.get_absolute_url()}"' in page


def test_in_december_nothing_new_is_due_for_a_published_year(client, people, monkeypatch):
    # given: the last day of 2019, so the reminder concerns 2018, which has no records
    _on(monkeypatch, date(2019, 12, 31))
    page = _todo(client, people["legal"])
    # then: the 2018 report is still asked for (never drafted), never the year in progress
    assert "2018年法治政府建设情况报告（尚未起草）" in page
    assert TITLE not in page
