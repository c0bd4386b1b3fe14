"""Issue 17 item 14: the clock never blocks an act at the end of the year.

Before the State Council's notice for next year is out, a period reaching into it is counted on
the statutory holidays of the 全国年节及纪念日放假办法 (暂定) and recomputed once the notice is
entered. These tests run at 2026-12-07, when the 2027 notice is not in the calendar.
"""

import json
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from fazhi.core.domain.calendar import (
    CalendarDataMissing,
    WorkCalendar,
    provisional_off_days,
    statutory_holidays,
)
from fazhi.core.domain.time_limits import due_date
from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.selectors.calendar import calendar_years_known
from fazhi.core.selectors.deadlines import deadline_compute, deadlines_for_user
from fazhi.core.services.calendar import (
    calendar_year_declare,
    holiday_override_set,
    holidays_load_file,
)
from fazhi.core.services.deadlines import deadline_open

DEC_7_2026 = datetime(2026, 12, 7, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
INVESTIGATION = "labor_inspection.investigation"  # 劳动保障监察条例 第十七条: 60 working days


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# -- the statutory holidays --------------------------------------------------------------------


def test_statutory_holidays_follow_the_text_in_force_for_the_year():
    # 2013 text: 11 days, 春节 from 初一; 2024 text: 13 days, 春节 from 除夕, 劳动节 two days
    old, new = statutory_holidays(2024), statutory_holidays(2027)
    assert len(old) == 11 and len(new) == 13
    assert date(2024, 2, 10) in old and date(2024, 2, 9) not in old  # 初一 2024-02-10
    assert date(2027, 2, 5) in new  # 除夕 2027
    assert date(2027, 5, 2) in new and date(2024, 5, 2) not in old
    # the first year of the 2024 text is configurable (its effective date is UNVERIFIED)
    assert len(statutory_holidays(2027, revision_2024_from=2028)) == 11


def test_statutory_days_match_the_published_notices_where_they_are_known():
    # every statutory day of 2025 and 2026 is a day off in the published calendar
    published = WorkCalendar.from_chinese_calendar()
    for year in (2025, 2026):
        for day in statutory_holidays(year):
            assert not published.is_working_day(day), day


def test_a_holiday_on_a_weekend_gets_a_weekday_off():
    # 2027: 春节 初一 Saturday 02-06 and 初二 Sunday 02-07 → 补假 02-09, 02-10 (放假办法 第六条)
    off = provisional_off_days(2027)
    assert off[date(2027, 2, 9)] == "春节补假" and off[date(2027, 2, 10)] == "春节补假"
    # 国庆 2027-10-02/03 fall on Saturday and Sunday
    assert {date(2027, 10, 4), date(2027, 10, 5)} <= set(off)


def test_provisional_years_stop_at_the_horizon():
    cal = WorkCalendar.from_chinese_calendar(provisional_horizon=2)
    assert cal.provisional_years == {2027, 2028}
    assert 2027 not in cal.known_years
    with pytest.raises(CalendarDataMissing):
        cal.add_working_days(date(2029, 3, 1), 5)


def test_a_60_working_day_period_into_2027_is_provisional_not_refused():
    cal = WorkCalendar.from_chinese_calendar(provisional_horizon=2)
    before = WorkCalendar.from_chinese_calendar()
    with pytest.raises(CalendarDataMissing):  # the defect: the act was blocked
        due_date(INVESTIGATION, date(2026, 11, 20), before)
    result = due_date(INVESTIGATION, date(2026, 11, 20), cal)
    # 29 working days left in 2026; 2027: 01-01 off, 02-05..02-10 off (除夕, 春节, 补假)
    assert result.due == date(2027, 2, 19)
    assert result.provisional is True
    assert result.as_dict()["provisional"] is True
    # a period within the published year is not provisional
    assert due_date(INVESTIGATION, date(2026, 3, 2), cal).provisional is False


# -- services, CLI, API at 2026-12-07 ---------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(DEC_7_2026, tick=False)
def test_opening_a_deadline_into_2027_does_not_raise_and_is_marked(org_tree, staff_user):
    subject = org_tree["zhidui"]
    deadline = deadline_open(
        subject=subject,
        rule_code=INVESTIGATION,
        start=date(2026, 11, 20),
        actor=staff_user,
        owner=staff_user,
    )
    assert (deadline.due, deadline.provisional) == (date(2027, 2, 19), True)
    event = AuditEvent.objects.get(action="core.deadline.open")
    assert event.data["provisional"] is True
    row = deadlines_for_user(user=staff_user, today=date(2026, 12, 7))[0]
    assert row.remaining.label.endswith("（暂定）")


@pytest.mark.django_db
@time_machine.travel(DEC_7_2026, tick=False)
def test_cli_json_and_text_say_provisional():
    data = json.loads(run("deadline", INVESTIGATION, "--from", "2026-11-20", "--json"))
    assert data["due"] == "2027-02-19" and data["provisional"] is True
    text = run("deadline", INVESTIGATION, "--from", "2026-11-20")
    assert "（暂定）" in text and "全国年节及纪念日放假办法" in text
    assert "2027年：暂定" in run("calendar_year", "list")


@pytest.mark.django_db
@time_machine.travel(DEC_7_2026, tick=False)
def test_api_compute_and_mine_carry_the_flag(client, org_tree, staff_user):
    response = client.get(
        "/api/v1/deadlines/compute", {"rule": INVESTIGATION, "from": "2026-11-20"}
    )
    assert response.status_code == 200
    assert response.json()["provisional"] is True
    assert [r["year"] for r in calendar_years_known() if r["provisional"]] == [2027, 2028]


# -- recompute when the notice is entered -----------------------------------------------------

NOTICE_2027 = {
    "year": 2027,
    "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
        # the notice makes 春节 02-05..02-11 off and 02-20 (Saturday) a working day
        *({"name": "春节", "date": f"2027-02-{d:02d}", "isOffDay": True} for d in range(5, 12)),
        {"name": "春节", "date": "2027-02-20", "isOffDay": False},
    ],
}


@pytest.mark.django_db
@time_machine.travel(DEC_7_2026, tick=False)
def test_entering_the_notice_recomputes_provisional_deadlines_and_lists_them(
    tmp_path, org_tree, staff_user
):
    subject = org_tree["zhidui"]
    moving = deadline_open(
        subject=subject, rule_code=INVESTIGATION, start=date(2026, 11, 20), actor=staff_user
    )
    settled = deadline_open(
        subject=subject, rule_code="penalty.payment", start=date(2026, 12, 1), actor=staff_user
    )
    assert moving.provisional and not settled.provisional
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(NOTICE_2027, ensure_ascii=False), encoding="utf-8")
    # when
    summary = holidays_load_file(path=path, actor=staff_user)
    # then: 02-11 is now off, so day 60 is 02-20, the 调休 Saturday; no longer provisional
    moving.refresh_from_db()
    settled.refresh_from_db()
    assert (moving.due, moving.provisional) == (date(2027, 2, 20), False)
    assert [m.deadline.pk for m in summary.moved] == [moving.pk]
    assert summary.moved[0].previous_due == date(2027, 2, 19)
    assert "2027年2月19日改为2027年2月20日（已确定）" in summary.moved[0].line()
    event = AuditEvent.objects.get(action="core.deadline.recompute", target_id=str(moving.pk))
    assert event.data["was_provisional"] is True and event.data["provisional"] is False
    assert not AuditEvent.objects.filter(
        action="core.deadline.recompute", target_id=str(settled.pk)
    ).exists()
    assert summary.as_dict()["moved_deadlines"][0]["to"] == "2027-02-20"


@pytest.mark.django_db
@time_machine.travel(DEC_7_2026, tick=False)
def test_load_holidays_command_lists_what_moved(tmp_path, org_tree, staff_user):
    deadline_open(
        subject=org_tree["zhidui"],
        rule_code=INVESTIGATION,
        start=date(2026, 11, 20),
        actor=staff_user,
    )
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(NOTICE_2027, ensure_ascii=False), encoding="utf-8")
    text = run("load_holidays", str(path))
    assert "暂定期限重新计算：1个发生变化" in text
    assert "改为2027年2月20日（已确定）" in text


@pytest.mark.django_db
@time_machine.travel(DEC_7_2026, tick=False)
def test_days_entered_one_by_one_then_declared(org_tree, staff_user):
    deadline = deadline_open(
        subject=org_tree["zhidui"],
        rule_code=INVESTIGATION,
        start=date(2026, 11, 20),
        actor=staff_user,
    )
    # one day of the notice: still provisional (the year is not declared), but moved
    row = holiday_override_set(day=date(2027, 2, 11), is_off_day=True, actor=staff_user)
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (date(2027, 2, 22), True)
    assert [m.deadline.pk for m in row.moved_deadlines] == [deadline.pk]
    # declaring the year complete settles it on the days entered (the statutory days not
    # entered are no longer assumed: a declared year is the notice, complete)
    year = calendar_year_declare(year=2027, source="国办发明电〔2026〕×号", actor=staff_user)
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (date(2027, 2, 15), False)
    assert [m.deadline.pk for m in year.moved_deadlines] == [deadline.pk]
    assert Deadline.objects.filter(provisional=True).count() == 0


def test_compute_outside_the_horizon_still_refuses(settings):
    settings.FAZHI = {**settings.FAZHI, "PROVISIONAL_CALENDAR_YEARS": 0}
    cal = WorkCalendar.from_chinese_calendar(provisional_horizon=0)
    with pytest.raises(CalendarDataMissing):
        due_date(INVESTIGATION, date(2026, 11, 20), cal)


@pytest.mark.django_db
def test_deadline_compute_uses_the_configured_horizon(settings):
    settings.FAZHI = {**settings.FAZHI, "PROVISIONAL_CALENDAR_YEARS": 0}
    with pytest.raises(CalendarDataMissing):
        deadline_compute(code=INVESTIGATION, start=date(2026, 11, 20))
