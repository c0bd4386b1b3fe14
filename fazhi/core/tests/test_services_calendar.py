"""Staff holiday data: single days, declared years, holiday-cn files, and the cached calendar."""

import json
from datetime import date

import pytest

from fazhi.core.models import AuditEvent, CalendarYear, HolidayOverride
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.selectors.deadlines import deadline_compute
from fazhi.core.services.calendar import (
    HolidayDataError,
    calendar_year_declare,
    holiday_override_delete,
    holiday_override_set,
    holidays_load_file,
    holidays_load_files,
)

NOTICE_2027 = {
    "year": 2027,
    "days": [
        {
            "name": "元旦",
            "date": "2026-12-31",
            "isOffDay": True,
        },  # a December day of the year before
        {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
        {"name": "春节", "date": "2027-02-06", "isOffDay": False},
        {"name": "春节", "date": "2027-02-08", "isOffDay": True},
    ],
}


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_override_set_is_audited_and_idempotent(staff_user):
    # when
    holiday_override_set(day=date(2025, 10, 9), is_off_day=True, name="本地调整", actor=staff_user)
    holiday_override_set(day=date(2025, 10, 9), is_off_day=True, name="本地调整", actor=staff_user)
    # then
    assert HolidayOverride.objects.count() == 1
    event = AuditEvent.objects.get(action="core.holiday_override.set")
    assert event.data["is_off_day"] is True and event.data["previous"] is None
    # and a change is a second event
    holiday_override_set(day=date(2025, 10, 9), is_off_day=False, actor=staff_user)
    assert AuditEvent.objects.filter(action="core.holiday_override.set").count() == 2


@pytest.mark.django_db
def test_cached_calendar_follows_changes(staff_user):
    before = work_calendar()
    assert work_calendar() is before  # cached
    override = holiday_override_set(day=date(2025, 10, 9), is_off_day=True, actor=staff_user)
    assert not work_calendar().is_working_day(date(2025, 10, 9))
    holiday_override_set(day=date(2025, 10, 9), is_off_day=False, actor=staff_user)
    assert work_calendar().is_working_day(date(2025, 10, 9))
    holiday_override_delete(override=override, actor=staff_user)
    assert work_calendar().is_working_day(date(2025, 10, 9))
    assert AuditEvent.objects.filter(action="core.holiday_override.delete").count() == 1


@pytest.mark.django_db
def test_loading_a_notice_makes_its_year_computable(tmp_path, staff_user):
    path = _write(tmp_path, "2027.json", NOTICE_2027)
    # before the notice the period is counted provisionally (暂定), not refused
    assert deadline_compute(code="penalty.payment", start=date(2027, 1, 20)).provisional
    # when
    summary = holidays_load_file(path=path, actor=staff_user)
    # then
    assert (summary.created, summary.updated, summary.declared) == (4, 0, True)
    assert summary.other_year_days == ["2026-12-31"]
    assert CalendarYear.objects.get(year=2027).source == "holiday-cn 2027.json"
    # 15 days from 01-20 is Thursday 02-04
    after = deadline_compute(code="penalty.payment", start=date(2027, 1, 20))
    assert (after.due, after.provisional) == (date(2027, 2, 4), False)
    # working Saturday 02-06 counts, 02-08 is off
    assert deadline_compute(code="penalty.service", start=date(2027, 2, 5)).due == date(2027, 2, 16)
    assert not work_calendar().is_working_day(date(2026, 12, 31))
    assert AuditEvent.objects.filter(action="core.holidays.load").count() == 1


@pytest.mark.django_db
def test_loading_twice_changes_nothing(tmp_path, staff_user):
    path = _write(tmp_path, "2027.json", NOTICE_2027)
    holidays_load_file(path=path, actor=staff_user)
    events = AuditEvent.objects.count()
    # when
    again = holidays_load_file(path=path, actor=staff_user)
    # then
    assert (again.created, again.updated, again.unchanged, again.declared) == (0, 0, 4, False)
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_an_empty_file_does_not_declare_its_year(tmp_path, staff_user):
    path = _write(tmp_path, "2028.json", {"year": 2028, "papers": [], "days": []})
    summary = holidays_load_file(path=path, actor=staff_user)
    assert summary.is_empty and not summary.declared
    assert not CalendarYear.objects.exists()
    assert not AuditEvent.objects.exists()
    assert 2028 not in work_calendar().known_years


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "content"),
    [
        ("not JSON", "{"),
        ("no days", json.dumps({"year": 2027})),
        (
            "bad date",
            json.dumps({"year": 2027, "days": [{"date": "2027-02-30", "isOffDay": True}]}),
        ),
        (
            "isOffDay not boolean",
            json.dumps({"year": 2027, "days": [{"date": "2027-02-03", "isOffDay": "yes"}]}),
        ),
    ],
)
def test_a_bad_file_is_refused_and_writes_nothing(_case, content, tmp_path, staff_user):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(HolidayDataError):
        holidays_load_file(path=path, actor=staff_user)
    assert not HolidayOverride.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_later_notice_wins_a_day_two_files_list(tmp_path, staff_user):
    older = _write(
        tmp_path,
        "a.json",
        {"year": 2026, "days": [{"name": "x", "date": "2026-12-31", "isOffDay": False}]},
    )
    newer = _write(tmp_path, "b.json", NOTICE_2027)
    holidays_load_files(paths=[newer, older], actor=staff_user)  # given in the wrong order
    assert HolidayOverride.objects.get(day=date(2026, 12, 31)).is_off_day is True


@pytest.mark.django_db
def test_declare_refuses_a_year_with_no_days_entered(staff_user):
    with pytest.raises(HolidayDataError, match="2029年尚未录入"):
        calendar_year_declare(year=2029, source="国办发明电〔2028〕1号", actor=staff_user)
    with pytest.raises(HolidayDataError, match="依据"):
        calendar_year_declare(year=2029, source=" ", actor=staff_user)
    assert not CalendarYear.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_declare_after_entering_days(staff_user):
    holiday_override_set(day=date(2027, 1, 1), is_off_day=True, name="元旦", actor=staff_user)
    row = calendar_year_declare(year=2027, source="国办发明电〔2026〕1号", actor=staff_user)
    assert calendar_year_declare(year=2027, source="重复", actor=staff_user) == row
    assert AuditEvent.objects.filter(action="core.calendar_year.declare").count() == 1
    assert 2027 in work_calendar().known_years
