"""Dates that measure the bureau are set by the system (issue 18 item 5): a publication's date
is the moment it became public, whatever is typed; a typed date of a change is stored with who
entered it and when, and flagged when entered after its period ran out; the 7-working-day
figure counts from the system's dates."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.publicity.domain.enums import Status
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.testing import at_noon, on_day
from fazhi.publicity.tests.conftest import penalty_data, register

pytestmark = pytest.mark.django_db

DECIDED = date(2019, 9, 27)  # due 2019-10-12 (国庆 and the 调休 Saturday counted)


def _publicity_deadline(record) -> Deadline:
    return Deadline.objects.get(subject_id=str(record.pk), rule_code="penalty.publicity")


def test_a_typed_publication_date_does_not_count_the_system_one_does(officer):
    record, _ = register(data=penalty_data(decided_on=DECIDED))
    client = Client()
    client.force_login(officer)
    # entered on 2019-11-20 with 公示日期 typed as the day after the decision
    with on_day(date(2019, 11, 20)):
        client.post(reverse("publicity:action", args=[record.pk, "publish"]), {"on": "2019-09-28"})
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    assert record.published_on == date(2019, 11, 20) and record.published_at == at_noon(
        date(2019, 11, 20)
    )
    assert record.published_by == officer and record.published_late
    deadline = _publicity_deadline(record)
    assert deadline.status == DeadlineStatus.MISSED and deadline.met_on == date(2019, 11, 20)
    client.force_login(officer)  # the session was saved on the travelled clock
    page = client.get(reverse("publicity:detail", args=[record.pk])).content.decode()
    assert "逾期公示" in page and "系统记录公开时间 2019-11-20 12:00" in page
    queue = client.get(reverse("publicity:queue") + "?tab=published").content.decode()
    assert "逾期公示" in queue


def test_published_in_time_is_met_and_not_flagged(officer):
    record, _ = register(data=penalty_data(decided_on=DECIDED))
    with on_day(date(2019, 10, 8)):
        client = Client()
        client.force_login(officer)
        client.post(reverse("publicity:action", args=[record.pk, "publish"]))
    record.refresh_from_db()
    assert record.published_on == date(2019, 10, 8) and not record.published_late
    assert _publicity_deadline(record).status == DeadlineStatus.MET


def test_a_late_typed_change_date_is_stored_with_its_enterer_and_flagged(officer):
    record, _ = register(data=penalty_data(decided_on=DECIDED))
    client = Client()
    client.force_login(officer)
    with on_day(date(2019, 10, 8)):
        client.post(reverse("publicity:action", args=[record.pk, "publish"]))
    # the decision was revoked on 2019-11-01 (typed), entered only on 2019-11-20
    with on_day(date(2019, 11, 20)):
        client.force_login(officer)
        client.post(
            reverse("publicity:action", args=[record.pk, "withdraw"]),
            {
                "on": "2019-11-04",
                "change": "撤销",
                "reason": "复议撤销",
                "changed_on": "2019-11-01",
            },
        )
    record = PublicityRecord.objects.get(pk=record.pk)
    assert record.status == Status.WITHDRAWN
    assert record.changed_on == date(2019, 11, 1)  # the typed fact, kept
    assert record.withdrawn_on == date(2019, 11, 20)  # the system's, not the typed 11-04
    assert record.withdrawn_by == officer and record.withdrawn_at == at_noon(date(2019, 11, 20))
    assert record.changed_on_entered_late
    withdrawal = Deadline.objects.get(
        subject_id=str(record.pk), rule_code="publicity.withdrawal_fallback"
    )
    assert withdrawal.status == DeadlineStatus.MISSED
    client.force_login(officer)
    page = client.get(reverse("publicity:detail", args=[record.pk])).content.decode()
    assert "补录：录入时撤回期限已过" in page
    queue = client.get(reverse("publicity:queue") + "?tab=withdrawn").content.decode()
    assert "撤回补录" in queue


def test_a_change_date_in_the_future_is_refused_and_nothing_written(officer):
    record, _ = register(data=penalty_data(decided_on=DECIDED))
    with on_day(date(2019, 10, 8)):
        from fazhi.publicity.services import publicity_publish, publicity_withdraw

        publicity_publish(record=record, actor=officer)
        with pytest.raises(Exception, match="不能晚于今天"):
            publicity_withdraw(
                record=record,
                reason="复议撤销",
                change="撤销",
                actor=officer,
                changed_on=date(2019, 10, 9),
            )
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED and record.withdrawn_at is None
