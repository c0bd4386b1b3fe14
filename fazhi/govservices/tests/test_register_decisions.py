"""Issue 17 item 16: 无人审批 decides on the registers the bureau holds, not on the applicant's
declaration; staff see why an application went to a person; without a timely 一次告知 the
application is accepted from the day the materials arrived (行政许可法 第三十二条)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.govservices.demo import demo_uscc
from fazhi.govservices.models import RegisterEntry
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.services.registers import register_entries_import
from fazhi.govservices.tests.conftest import RICH, required, submit

pytestmark = pytest.mark.django_db


def test_a_rich_declaration_is_not_enough_without_the_register(people, catalogue):
    # the applicant declares 2.5 million and a clean record, but is in no register
    app = submit(people, catalogue["lwpq"], facts=RICH, in_register=False)
    assert app.status == "received" and not app.is_automatic
    failed = [c["label"] for c in app.auto_evaluation["conditions"] if not c["passed"]]
    assert "注册资本不少于人民币二百万元" in failed
    assert app.auto_evaluation["inputs"]["registered_capital_yuan"] is None  # not the declared


def test_the_register_wins_over_the_declaration(people, catalogue):
    register_entries_import(
        rows=[
            {
                "uscc": demo_uscc(1),  # the applicant of `submit`
                "name": "天津某人力资源有限公司",
                "registered_capital_yuan": "1500000",
                "credit_blacklisted": False,
            }
        ],
        source="市市场监管委登记信息",
        actor=people["clerk"],
    )
    app = submit(people, catalogue["lwpq"], facts=RICH, in_register=False)
    assert app.status == "received"
    capital = next(
        c for c in app.auto_evaluation["conditions"] if c["label"].startswith("注册资本")
    )
    assert capital["observed"] == "1500000.00" and not capital["passed"]


def test_staff_see_why_an_application_went_to_a_person(client, people, catalogue):
    app = submit(people, catalogue["lwpq"], facts=RICH, in_register=False)
    client.force_login(people["clerk"])
    page = client.get(app.get_absolute_url()).content.decode()
    assert "无人审批未通过" in page and "注册资本不少于人民币二百万元" in page


def test_a_bad_register_row_refuses_the_whole_import(people):
    with pytest.raises(Refused, match="第1行统一社会信用代码无效"):
        register_entries_import(
            rows=[{"uscc": "91110000600037341A", "name": "x"}], source="s", actor=people["clerk"]
        )
    assert not RegisterEntry.objects.exists()


def test_no_timely_notice_means_accepted_from_receipt(people, catalogue):
    # received Friday 2019-03-01 with a material missing; the 5-working-day notice period ends
    # 03-08; nobody notified
    item = catalogue["gs"]
    app = submit(people, item, materials=required(item)[:-1], received_on=date(2019, 3, 1))
    with pytest.raises(Refused, match="材料不齐全"):
        lic.application_accept(application=app, on=date(2019, 3, 8), actor=people["clerk"])
    with pytest.raises(Refused, match="逾期不告知"):
        lic.application_correction_notice(
            application=app, on=date(2019, 3, 11), actor=people["clerk"]
        )
    # the daily job accepts it as of the day the materials arrived
    done = lic.applications_deem_accepted(on=date(2019, 3, 11))
    assert [a.pk for a in done] == [app.pk]
    app.refresh_from_db()
    assert (app.status, app.accepted_on, app.deemed_accepted) == (
        "accepted",
        date(2019, 3, 1),
        True,
    )
    decision = Deadline.objects.get(rule_code="licensing.decision")
    assert decision.start == date(2019, 3, 1)
    notice = Deadline.objects.get(rule_code="licensing.correction_notice")
    assert notice.status == "missed"
    event = AuditEvent.objects.filter(action="services.application.accept").latest("pk")
    assert event.data["deemed"] is True
