"""Rules 6, 10 and 12 in the scan, on real records."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision import selectors
from fazhi.supervision.models import PushItem, Warning
from fazhi.supervision.services import preservation_handle, preservation_record, warnings_scan

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")


def _open_rules():
    return set(Warning.objects.filter(status=Warning.Status.OPEN).values_list("rule", flat=True))


def _decided(case, **more):
    Case.objects.filter(pk=case.pk).update(
        decided_on=date(2019, 4, 1), served_on=date(2019, 4, 2), status="served", **more
    )


def _rules(settings, **rules):
    settings.FAZHI = {**settings.FAZHI, "SUPERVISION_RULES": rules}


def test_a_preservation_without_a_decision_in_seven_working_days_is_warned_then_closed(world):
    case = filed_case(world)
    _decided(case)
    row = preservation_record(
        case=case,
        saved_on=date(2019, 3, 8),
        items="工资台账三册",
        approver="王局长",
        actor=world["users"]["a"],
    )
    assert row.recorded_by == world["users"]["a"] and row.recorded_at
    warnings_scan(today=date(2019, 3, 19))  # Fri 8 Mar + 7 working days = Tue 19 Mar
    assert _open_rules() == set()
    warnings_scan(today=date(2019, 3, 20))
    assert _open_rules() == {"preservation_late"}
    w = Warning.objects.get(rule="preservation_late")
    assert "2019-03-19" in w.message and w.subject_id == str(case.pk)
    preservation_handle(
        preservation=row, handled_on=date(2019, 3, 18), handling="record", actor=world["users"]["b"]
    )
    run = warnings_scan(today=date(2019, 3, 21))
    assert run.closed == 1 and _open_rules() == set()


def test_a_case_not_accepted_by_the_platform_in_time_is_warned(world, settings):
    _rules(settings, push_late={"from_date": "2019-01-01"})
    case = filed_case(world)  # filed 2019-03-06: due on the platform by 2019-03-13
    _decided(case)
    warnings_scan(today=date(2019, 3, 13))
    assert "push_late" not in _open_rules()
    assert PushItem.objects.filter(subject_id=str(case.pk)).exists()  # queued by the scan
    warnings_scan(today=date(2019, 4, 20))
    w = Warning.objects.get(rule="push_late")
    assert "立案信息" in w.message and "平台尚未接收" in w.message
    # the platform accepts every event in time: the warning closes
    PushItem.objects.update(status="accepted", accepted_at=datetime(2019, 3, 10, 9, tzinfo=TZ))
    warnings_scan(today=date(2019, 4, 21))
    assert "push_late" not in _open_rules()
    # before the configured start, nothing is checked (the default: 令第21号, 2021-03-01)
    _rules(settings)
    PushItem.objects.update(status="pending", accepted_at=None)
    warnings_scan(today=date(2019, 4, 22))
    assert "push_late" not in _open_rules()


def test_year_end_counts_that_disagree_with_the_platform_are_one_warning_on_the_year(
    world, settings
):
    _rules(settings, year_counts_differ={"from_year": "2019"})
    case = filed_case(world)
    _decided(case, fine=Decimal("5000"))
    warnings_scan(today=date(2020, 2, 1))  # the 2019 年报 was due on 31 January
    w = Warning.objects.get(rule="year_counts_differ")
    assert (w.subject_type, w.subject_id, w.level) == (selectors.YEARBOOK_TYPE, "2019", "red")
    assert w.org_unit.parent_id is None
    assert (
        "处罚决定（件）年报1、平台0" in w.message
        and "罚没金额（万元）年报0.5000、平台0" in w.message
    )
    assert selectors.subject_url(w).endswith("?year=2019")
    warnings_scan(today=date(2020, 2, 2))
    assert Warning.objects.filter(rule="year_counts_differ").count() == 1
    # the platform accepted what the records say: closed
    PushItem.objects.update(status="accepted", accepted_at=timezone.now() - timedelta(days=1))
    run = warnings_scan(today=date(2020, 2, 3))
    w.refresh_from_db()
    assert w.status == Warning.Status.CLOSED and run.closed >= 1
    # the platform got a different amount in a later version: reopened, the same row
    item = PushItem.objects.filter(payload__decided_on="2019-04-01").latest("pk")
    PushItem.objects.create(
        subject_type=item.subject_type,
        subject_id=item.subject_id,
        digest="x" * 64,
        payload={**item.payload, "fine_yuan": "4000.00"},
        status="accepted",
        accepted_at=timezone.now(),
        next_attempt_at=timezone.now(),
    )
    warnings_scan(today=date(2020, 2, 4))
    w.refresh_from_db()
    assert w.status == Warning.Status.OPEN and w.times_opened == 2
    assert "年报0.5000、平台0.4000" in w.message


def test_the_daily_scan_reads_changes_and_due_rechecks_not_every_running_case(world):
    from fazhi.supervision.models import CaseCheck

    case = filed_case(world)
    first = warnings_scan(today=date(2019, 3, 10))
    assert first.checked == 1 and first.opened == 0
    due = CaseCheck.objects.get(case=case).next_check_on
    assert due is not None and due > date(2019, 3, 10)
    # unchanged and not due: not looked at
    assert warnings_scan(today=date(2019, 3, 11)).checked == 0
    assert warnings_scan(today=due - timedelta(days=1)).checked == 0
    # on its day: looked at, and the yellow warning opens
    run = warnings_scan(today=due)
    assert run.checked == 1 and Warning.objects.get().level == "yellow"
    # a change of the record brings it back at once
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    assert warnings_scan(today=due).checked == 1
