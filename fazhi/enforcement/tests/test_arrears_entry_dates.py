"""Issue 18.5 for social-insurance arrears: each step's typed date is logged beside the system's
day and time of entry and the person, flagged 疑似倒签 / 补录掩盖超期 like a case step's, shown
on the arrears page, in its API and on the supervision 执法预警 page for users who see the case;
a date after the day of entry is refused and writes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.enforcement import selectors
from fazhi.enforcement.models import ArrearsCase, ArrearsDateEntry, ArrearsStep
from fazhi.enforcement.services import arrears as svc
from fazhi.enforcement.testing import on_day
from fazhi.enforcement.tests.test_rules_services import people, register  # noqa: F401
from fazhi.enforcement.tests.urls_rules_test import API_PREFIX

pytestmark = pytest.mark.django_db
D = Decimal


def _step(case, kind, on, people, **kw):  # noqa: F811
    return svc.arrears_step_record(case=case, kind=kind, on=on, actor=people["officer"], **kw)


def _ordered(people):  # noqa: F811
    """Registered and ordered on 2019-03-01 (deadline 03-15), both entered that day."""
    with on_day(date(2019, 3, 1)):
        case = register(people)
        _step(case, "order", date(2019, 3, 1), people, deadline=date(2019, 3, 15))
    return case


def test_a_step_entered_the_day_it_was_done_is_logged_without_a_flag(people):  # noqa: F811
    case = _ordered(people)
    with on_day(date(2019, 3, 20)):
        query = _step(case, "account_query", date(2019, 3, 20), people, balance=D(0), bank="工行")
    entries = svc.arrears_date_entries(case)
    officer = people["officer"]
    assert [(e.step, e.typed_on, e.entered_on, e.entered_by) for e in entries] == [
        ("order", date(2019, 3, 1), date(2019, 3, 1), officer),
        ("account_query", date(2019, 3, 20), date(2019, 3, 20), officer),
    ]
    assert entries[1].arrears_step == query and entries[1].previous_step == "order"
    assert entries[1].previous_entered_on == date(2019, 3, 1)
    assert not any(e.flagged for e in entries)
    assert entries[0].step_label == "限期缴纳通知日期"


def test_a_payment_typed_in_time_but_entered_after_the_deadline_is_flagged(people):  # noqa: F811
    """Paid on 03-14 by the bank slip (in time: due 03-15), entered on 03-25: the typed date is
    kept (the 滞纳金 is counted from it) and the entry says it would have hidden the lateness."""
    case = _ordered(people)
    owed = svc.case_facts(case).statement(date(2019, 3, 14)).total_outstanding
    with on_day(date(2019, 3, 25)):
        payment = _step(case, "payment", date(2019, 3, 14), people, amount=owed)
    entry = payment.date_entry
    assert (entry.typed_on, entry.entered_on, entry.due) == (
        date(2019, 3, 14),
        date(2019, 3, 25),
        date(2019, 3, 15),
    )
    assert (entry.hides_lateness, entry.backdated, entry.flagged) == (True, False, True)
    assert entry.notes == [  # the employer paid in time; only the bureau's entry is late
        "填写日期在用人单位缴纳期限2019-03-15之内，该期限按填写日期计为按期完成；"
        "本机关录入时已超过该期限，请核对填写日期（倒填会少计滞纳金）"
    ]
    event = AuditEvent.objects.filter(action="enforcement.arrears_case.payment").get()
    assert event.data["date_flagged"] is True


def test_a_date_before_the_previous_step_was_entered_is_flagged_back_dated(people):  # noqa: F811
    """The account query, done on 03-16, was entered on 03-20 (a late entry, not a suspicious
    one); the court application typed 03-18 claims a day before the system knew of the query."""
    case = _ordered(people)
    with on_day(date(2019, 3, 20)):
        query = _step(case, "account_query", date(2019, 3, 16), people, balance=D(0), bank="工行")
    assert not query.date_entry.flagged
    with on_day(date(2019, 3, 22)):
        court = _step(case, "court", date(2019, 3, 18), people)
    entry = court.date_entry
    assert entry.previous_entered_on == date(2019, 3, 20)
    assert (entry.backdated, entry.hides_lateness, entry.flagged) == (True, False, True)
    assert entry.notes == ["早于上一环节（查询存款账户日期）的录入日期2019-03-20，疑似倒签"]
    flagged = list(selectors.flagged_arrears_date_entries(user=people["officer"]))
    assert flagged == [entry]
    assert list(selectors.flagged_arrears_date_entries(user=people["outsider"])) == []


def test_a_future_date_is_refused_and_writes_nothing(people):  # noqa: F811
    case = _ordered(people)
    before = (
        AuditEvent.objects.count(),
        ArrearsStep.objects.count(),
        ArrearsDateEntry.objects.count(),
        Deadline.objects.count(),
    )
    refusal = r"查询存款账户日期（2019-03-21）不能晚于录入当日（2019-03-20）"
    with on_day(date(2019, 3, 20)), pytest.raises(Refused, match=refusal):
        _step(case, "account_query", date(2019, 3, 21), people, balance=D(0), bank="工行")
    after = (
        AuditEvent.objects.count(),
        ArrearsStep.objects.count(),
        ArrearsDateEntry.objects.count(),
        Deadline.objects.count(),
    )
    assert after == before
    stored = ArrearsCase.objects.get(pk=case.pk)
    assert (stored.status, stored.version) == ("ordered", 2)


@pytest.mark.urls("fazhi.enforcement.tests.urls_rules_test")
def test_the_log_on_the_page_in_the_api_and_on_the_supervision_page(client, people):  # noqa: F811
    case = _ordered(people)
    owed = svc.case_facts(case).statement(date(2019, 3, 14)).total_outstanding
    with on_day(date(2019, 3, 25)):
        _step(case, "payment", date(2019, 3, 14), people, amount=owed)
    client.force_login(people["officer"])
    page = client.get(reverse("enforcement:arrears_detail", args=[case.pk])).content.decode()
    assert "日期录入记录" in page and "缴纳日期" in page and "（补录）" in page
    assert "按录入日期计为超期" not in page and "用人单位缴纳期限2019-03-15之内" in page
    assert "限期缴纳社会保险费期限（用人单位）" in page and "按用人单位缴费" in page
    detail = client.get(f"{API_PREFIX}/arrears/{case.pk}").json()
    assert detail["date_flagged"] is True
    assert [(e["step"], e["typed_on"], e["entered_on"]) for e in detail["date_entries"]] == [
        ("order", "2019-03-01", "2019-03-01"),
        ("payment", "2019-03-14", "2019-03-25"),
    ]
    assert detail["date_entries"][1]["hides_lateness"] is True
    warnings = client.get(reverse("supervision:warnings")).content.decode()
    assert case.reference in warnings and "补录掩盖超期" in warnings
    assert reverse("enforcement:arrears_detail", args=[case.pk]) in warnings
    client.force_login(people["outsider"])
    assert case.reference not in client.get(reverse("supervision:warnings")).content.decode()


def test_the_supervision_list_holds_case_and_arrears_flags_newest_first(world):
    """A flagged case date (entered 2019-03-06) and a flagged arrears date (entered 03-22), both
    seen by the bureau's leader: newest entry first."""
    from fazhi.enforcement.services import cases as intake
    from fazhi.enforcement.tests.conftest import register as register_case

    with on_day(date(2019, 3, 5)):
        enforcement_case = register_case(world)
    with on_day(date(2019, 3, 6)):
        intake.case_accept(case=enforcement_case, on=date(2019, 3, 4), actor=world["users"]["a"])
    actors = {"units": {"zhidui": world["team"]}, "officer": world["users"]["a"]}
    case = _ordered(actors)
    with on_day(date(2019, 3, 20)):
        _step(case, "account_query", date(2019, 3, 16), actors, balance=D(0), bank="工行")
    with on_day(date(2019, 3, 22)):
        _step(case, "court", date(2019, 3, 18), actors)
    bureau = world["users"]["leader"]
    rows = selectors.flagged_typed_dates(user=bureau)
    assert [(r.subject_reference, r.step) for r in rows] == [
        (case.reference, "court"),
        (enforcement_case.reference, "accept"),
    ]
    assert [r.step for r in selectors.flagged_typed_dates(user=bureau, limit=1)] == ["court"]
