"""Working-day arithmetic (no database)."""

import doctest
from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.core.domain import calendar as calendar_module
from fazhi.core.domain.calendar import CalendarDataMissing, WorkCalendar, chinese_calendar_years

CAL = WorkCalendar.from_chinese_calendar()


def test_module_doctests_pass():
    result = doctest.testmod(calendar_module)
    assert result.attempted > 0
    assert result.failed == 0


def test_covered_years_come_from_the_package_data():
    years = chinese_calendar_years()
    assert min(years) == min(chinese_calendar.holidays).year
    assert max(years) == max(chinese_calendar.holidays).year
    assert years == frozenset(range(min(years), max(years) + 1))
    assert CAL.known_years == years


@pytest.mark.parametrize(
    ("_case", "day", "working"),
    [
        ("调休 Saturday before 春节 2019", date(2019, 2, 2), True),
        ("调休 Sunday before 春节 2019", date(2019, 2, 3), True),
        ("调休 Saturday after 国庆 2019", date(2019, 10, 12), True),
        ("国庆 weekday 2019", date(2019, 10, 7), False),
        ("ordinary Saturday", date(2019, 10, 19), False),
        ("leap day 2020, a Saturday", date(2020, 2, 29), False),
        ("leap day 2024, a Thursday", date(2024, 2, 29), True),
        ("春节 extended for COVID-19", date(2020, 1, 31), False),
    ],
)
def test_day_status(_case, day, working):
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize(
    ("_case", "start", "days", "due"),
    [
        ("lands on a 调休 Saturday", date(2019, 2, 1), 1, date(2019, 2, 2)),
        ("jumps the 春节 week after the 调休 Sunday", date(2019, 2, 3), 1, date(2019, 2, 11)),
        ("after 国庆 the 调休 Saturday counts", date(2019, 10, 11), 1, date(2019, 10, 12)),
        ("start on a holiday is not counted", date(2019, 10, 1), 1, date(2019, 10, 8)),
        ("over the 2020 leap day", date(2020, 2, 27), 2, date(2020, 3, 2)),
        ("over the 2024 leap day", date(2024, 2, 28), 1, date(2024, 2, 29)),
        ("across the year end", date(2025, 12, 30), 3, date(2026, 1, 5)),
    ],
)
def test_add_working_days(_case, start, days, due):
    assert CAL.add_working_days(start, days) == due


@pytest.mark.parametrize(
    ("_case", "start", "days", "due"),
    [
        ("day 15 is 国庆 2025: next working day", date(2025, 9, 16), 15, date(2025, 10, 9)),
        ("day 15 is 国庆 2019", date(2019, 9, 16), 15, date(2019, 10, 8)),
        ("ends on a 调休 Saturday: no roll", date(2019, 9, 27), 15, date(2019, 10, 12)),
        ("ends on 2020-02-29 (Saturday)", date(2020, 2, 28), 1, date(2020, 3, 2)),
        ("ends on 2024-02-29 (Thursday)", date(2024, 1, 30), 30, date(2024, 2, 29)),
        ("ends on a plain working day", date(2025, 3, 3), 10, date(2025, 3, 13)),
    ],
)
def test_calendar_days_end(_case, start, days, due):
    assert CAL.calendar_days_end(start, days) == due


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.is_working_day(date(2031, 5, 6)),
        lambda: CAL.add_working_days(date(2031, 5, 6), 5),
        lambda: CAL.calendar_days_end(date(2031, 5, 6), 15),
        lambda: CAL.subtract_working_days(date(2031, 5, 6), 7),
    ],
)
def test_a_year_without_data_is_refused(call):
    with pytest.raises(CalendarDataMissing) as info:
        call()
    assert info.value.year == 2031
    assert str(info.value).startswith("2031年的放假安排尚未录入")


def test_a_period_running_into_an_unknown_year_is_refused():
    last = max(CAL.known_years)
    with pytest.raises(CalendarDataMissing) as info:
        CAL.add_working_days(date(last, 12, 24), 10)
    assert info.value.year == last + 1
    with pytest.raises(CalendarDataMissing):
        CAL.calendar_days_end(date(last, 12, 20), 15)


def test_a_gap_year_is_never_skipped():
    cal = WorkCalendar(known_years={2025, 2027})
    with pytest.raises(CalendarDataMissing) as info:
        cal.add_working_days(date(2025, 12, 29), 5)
    assert info.value.year == 2026


def test_staff_overrides_win_and_declared_years_answer():
    # given an extra local day off in 2025 and a declared 2027 with its notice entered
    overrides = {
        date(2025, 10, 9): True,
        date(2027, 1, 1): True,
        date(2027, 2, 6): False,  # a Saturday made a working day
        date(2019, 10, 12): True,  # and a 调休 Saturday undone
    }
    cal = WorkCalendar.from_chinese_calendar(overrides=overrides, declared_years={2027})
    # then
    assert cal.add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 10)
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert cal.is_working_day(date(2027, 2, 6))
    assert not cal.is_working_day(date(2019, 10, 12))
    assert 2028 not in cal.known_years


def test_working_days_before_a_hearing():
    # 2025-10-13 (Mon): the 调休 Saturday 10-11 counts, the 国庆 week does not
    assert CAL.subtract_working_days(date(2025, 10, 13), 7) == date(2025, 9, 26)


def test_calendar_days_before_moves_earlier_not_later():
    # 2025-10-10 minus 7 days is 10-03 (国庆): the notice must go out before the holiday
    assert CAL.calendar_days_before(date(2025, 10, 10), 7) == date(2025, 9, 30)


def test_non_positive_day_counts_are_programming_errors():
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2025, 1, 6), 0)


def _naive_add(start, days):
    current = start
    while days:
        current += timedelta(days=1)
        if chinese_calendar.is_workday(current):
            days -= 1
    return current


def _naive_end(start, days):
    end = start + timedelta(days=days)
    while not chinese_calendar.is_workday(end):
        end += timedelta(days=1)
    return end


starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2025, 9, 30))


@settings(max_examples=300, deadline=None)
@given(start=starts, days=st.integers(min_value=1, max_value=90))
def test_index_agrees_with_a_day_by_day_count(start, days):
    assert CAL.add_working_days(start, days) == _naive_add(start, days)
    assert CAL.calendar_days_end(start, days) == _naive_end(start, days)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2004, 2, 1), max_value=date(2025, 9, 30)),
    days=st.integers(min_value=1, max_value=60),
)
def test_counting_forward_and_back_round_trips(start, days):
    due = CAL.add_working_days(start, days)
    assert CAL.working_days_between(start, due) == days
    assert CAL.subtract_working_days(due, days) == CAL.previous_working_day(start)
