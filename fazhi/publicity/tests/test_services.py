"""Services: the clock, audit events, refusals that write nothing, concurrency-safe states."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.selectors import overdue_records
from fazhi.publicity.services import (
    publicity_end,
    publicity_expire,
)
from fazhi.publicity.testing import publish_on, withdraw_on
from fazhi.publicity.tests.conftest import license_data, penalty_data, register

pytestmark = pytest.mark.django_db
HOLIDAY_CN = Path(settings.FAZHI["SHARED_DATA_DIR"]) / "holidays" / "holiday-cn"


def working_days_after(start: date, n: int) -> date:
    """Independent count from the holiday-cn notice data: weekends are off unless the notice
    says ``isOffDay: false`` (调休 working days); listed ``isOffDay: true`` days are off."""
    marks = {}
    for year in {start.year, start.year + 1}:
        path = HOLIDAY_CN / f"{year}.json"
        for day in json.loads(path.read_text(encoding="utf-8"))["days"]:
            marks[date.fromisoformat(day["date"])] = day["isOffDay"]
    day = start
    while n:
        day += timedelta(days=1)
        off = marks.get(day, day.weekday() >= 5)
        n -= not off
    return day


@pytest.mark.skipif(not (HOLIDAY_CN / "2019.json").exists(), reason="holiday-cn data missing")
def test_penalty_decided_on_the_friday_before_national_day_is_due_on_the_working_saturday(officer):
    record, deadline = register(actor=officer)  # decided Friday 2019-09-27
    expected = working_days_after(date(2019, 9, 27), 7)
    # 9-29 (调休 Sunday) and 9-30 count, 10-1…10-7 are off, then 10-8…10-11 and 10-12 (调休 Saturday).
    assert expected == date(2019, 10, 12)
    assert deadline.due == record.due_on == expected
    assert deadline.rule_code == "penalty.publicity"
    event = AuditEvent.objects.get(action="publicity.record.register")
    assert event.data["due"] == "2019-10-12" and event.data["ends_on"] == "2022-09-27"


def test_license_and_other_decisions_use_their_rules(officer):
    _, licence = register(Kind.LICENSE, actor=officer)
    assert licence.rule_code == "licensing.publicity"
    other = penalty_data(
        document_number="津人社监字〔2019〕3号",
        violation_type="劳动保障监察检查",
        content="责令改正",
        penalty_categories=(),
        fine_yuan=None,
    )
    _, deadline = register(Kind.OTHER, data=other, source_id="9", actor=officer)
    assert deadline.rule_code == "enforcement.other_publicity"
    assert (deadline.due - deadline.start).days > 20  # 20 working days


def test_register_is_idempotent_per_source_and_updates_a_pending_record(officer):
    first, _ = register(actor=officer)
    events = AuditEvent.objects.count()
    again, _ = register(actor=officer)
    assert again.pk == first.pk and AuditEvent.objects.count() == events
    assert Deadline.objects.filter(rule_code="penalty.publicity").count() == 1
    changed, _ = register(
        data=penalty_data(content="罚款人民币3000元", fine_yuan=3000), actor=officer
    )
    assert changed.pk == first.pk and changed.content == "罚款人民币3000元"
    assert AuditEvent.objects.filter(action="publicity.record.update").count() == 1


def test_register_before_the_publicity_rule_existed_is_refused_and_writes_nothing(officer):
    before = AuditEvent.objects.count()
    with pytest.raises(Refused):
        register(data=penalty_data(decided_on=date(2018, 6, 1)), actor=officer)
    assert not PublicityRecord.objects.exists() and not Deadline.objects.exists()
    assert AuditEvent.objects.count() == before


def test_publish_meets_the_deadline_and_is_audited(officer):
    record, deadline = register(actor=officer)
    publish_on(date(2019, 10, 8), record=record, actor=officer)
    record.refresh_from_db()
    deadline.refresh_from_db()
    assert record.status == Status.PUBLISHED and record.published_on == date(2019, 10, 8)
    assert deadline.status == DeadlineStatus.MET
    assert AuditEvent.objects.get(action="publicity.record.publish").data["late"] is False


def test_late_publication_marks_the_deadline_missed(officer):
    record, deadline = register(actor=officer)
    publish_on(date(2019, 10, 14), record=record, actor=officer)
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.MISSED


def test_publish_refuses_an_invalid_record_and_writes_nothing(officer):
    record, deadline = register(
        data=penalty_data(uscc="91120101MA05XY127X", basis=""), actor=officer
    )
    before = AuditEvent.objects.count()
    with pytest.raises(Refused) as refused:
        publish_on(date(2019, 10, 8), record=record, actor=officer)
    assert "CF_XDR_SHXYM" in str(refused.value) and "CF_YJ" in str(refused.value)
    record.refresh_from_db()
    deadline.refresh_from_db()
    assert record.status == Status.PENDING and deadline.status == DeadlineStatus.OPEN
    assert AuditEvent.objects.count() == before


def test_publish_twice_is_refused(officer):
    record, _ = register(actor=officer)
    publish_on(date(2019, 10, 8), record=record, actor=officer)
    with pytest.raises(Refused, match="已公示"):
        publish_on(date(2019, 10, 9), record=record, actor=officer)


def test_overdue_alarm(officer):
    record, _ = register(actor=officer)
    assert list(overdue_records(today=date(2019, 10, 12))) == []
    assert list(overdue_records(today=date(2019, 10, 14))) == [record]
    publish_on(date(2019, 10, 14), record=record, actor=officer)
    assert list(overdue_records(today=date(2019, 10, 14))) == []


def test_withdraw_after_2021_uses_article_48(officer):
    record, _ = register(data=penalty_data(decided_on=date(2022, 3, 1)), actor=officer)
    publish_on(date(2022, 3, 2), record=record, actor=officer)
    withdraw_on(
        date(2022, 6, 10),
        record=record,
        reason="复议决定撤销原处罚决定",
        change="撤销",
        actor=officer,
        changed_on=date(2022, 6, 6),
    )
    record.refresh_from_db()
    assert record.status == Status.WITHDRAWN and record.withdrawal_change == "撤销"
    withdrawal = Deadline.objects.get(rule_code="penalty.publicity_withdrawal")
    assert withdrawal.start == date(2022, 6, 6) and withdrawal.due == date(2022, 6, 9)
    assert withdrawal.status == DeadlineStatus.MISSED  # withdrawn on the 4th working day
    event = AuditEvent.objects.get(action="publicity.record.withdraw")
    assert event.data["change"] == "撤销" and event.data["previous"] == "published"


def test_withdraw_before_2021_uses_the_configured_fallback(officer, settings):
    settings.FAZHI = {**settings.FAZHI, "PUBLICITY_WITHDRAWAL_FALLBACK_WORKING_DAYS": 5}
    record, _ = register(actor=officer)
    publish_on(date(2019, 10, 8), record=record, actor=officer)
    withdraw_on(
        date(2019, 11, 8),
        record=record,
        reason="行政复议确认违法",
        change="确认违法",
        actor=officer,
    )
    deadline = Deadline.objects.get(rule_code="publicity.withdrawal_fallback")
    assert deadline.due == date(2019, 11, 15) and deadline.status == DeadlineStatus.MET


def test_withdraw_refusals_write_nothing(officer):
    record, _ = register(actor=officer)
    publish_on(date(2019, 10, 8), record=record, actor=officer)
    before = AuditEvent.objects.count()
    for kwargs in (
        {"reason": "", "change": "撤销"},
        {"reason": "x", "change": "作废"},
        {"reason": "x", "change": "撤销", "changed_on": date(2019, 1, 1)},
    ):
        with pytest.raises(Refused):
            withdraw_on(date(2019, 11, 1), record=record, actor=officer, **kwargs)
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED and AuditEvent.objects.count() == before
    assert not Deadline.objects.filter(rule_code__contains="withdrawal").exists()


def test_withdrawing_a_pending_record_cancels_its_publicity_deadline(officer):
    record, deadline = register(actor=officer)
    withdraw_on(date(2019, 10, 1), record=record, reason="决定已变更", change="变更", actor=officer)
    deadline.refresh_from_db()
    assert deadline.status == DeadlineStatus.CANCELLED
    with pytest.raises(Refused):
        publish_on(date(2019, 10, 8), record=record, actor=officer)


def test_end_and_expire(officer):
    record, _ = register(actor=officer)
    publish_on(date(2019, 10, 8), record=record, actor=officer)
    with pytest.raises(Refused, match="公示期未满"):
        publicity_end(record=record, actor=officer, on=date(2022, 9, 27))
    licence, _ = register(
        Kind.LICENSE, data=license_data(valid_to=date(2099, 12, 31)), actor=officer
    )
    publish_on(date(2019, 5, 7), record=licence, actor=officer)
    assert publicity_expire(actor=SYSTEM, on=date(2022, 9, 27)) == 0
    assert publicity_expire(actor=SYSTEM, on=date(2022, 9, 28)) == 1
    record.refresh_from_db()
    licence.refresh_from_db()
    assert record.status == Status.ENDED and record.ended_on == date(2022, 9, 28)
    assert licence.status == Status.PUBLISHED  # 长期 licence: no end
    assert publicity_expire(actor=SYSTEM, on=date(2022, 9, 29)) == 0
