"""Rules 6, 10 and 12 without a database: 先行登记保存, the push deadline, year-end counts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.supervision.domain import warnings as w
from fazhi.supervision.tests.test_domain import CAL

T = w.parse_thresholds({})


def fired(today, **facts):
    f = w.CaseFacts("general", **facts)
    return {(x.rule, x.level) for x in w.evaluate(f, today=today, thresholds=T, cal=CAL)}


def test_preservation_needs_a_decision_within_seven_working_days_across_national_day():
    # Fri 27 Sep 2019 + 7 working days: Sun 29 Sep (调休), Mon 30 Sep, 8–11 Oct, Sat 12 Oct (调休)
    saved = date(2019, 9, 27)
    assert CAL.add_working_days(saved, 7) == date(2019, 10, 12)
    assert fired(date(2019, 10, 12), preservations=((saved, None),)) == set()
    assert fired(date(2019, 10, 13), preservations=((saved, None),)) == {
        ("preservation_late", "red")
    }
    assert fired(date(2019, 11, 1), preservations=((saved, date(2019, 10, 12)),)) == set()
    assert fired(date(2019, 11, 1), preservations=((saved, date(2019, 10, 14)),)) == {
        ("preservation_late", "red")
    }
    # two registrations, the second late: one finding
    found = w.evaluate(
        w.CaseFacts(
            "general",
            preservations=((date(2019, 3, 1), date(2019, 3, 4)), (date(2019, 4, 30), None)),
        ),
        today=date(2019, 5, 31),
        thresholds=T,
        cal=CAL,
    )
    assert [f.rule for f in found] == ["preservation_late"] and "2019-04-30" in found[0].message


def test_push_deadline_counts_calendar_days_from_each_event():
    filed = date(2021, 12, 25)
    due = date(2022, 1, 1)  # seven days, across New Year's Day: calendar days, configurable
    assert fired(due, pushes=(("立案信息", filed, None),)) == set()
    assert fired(date(2022, 1, 2), pushes=(("立案信息", filed, None),)) == {("push_late", "red")}
    assert fired(date(2022, 3, 1), pushes=(("立案信息", filed, due),)) == set()
    late = fired(date(2022, 3, 1), pushes=(("立案信息", filed, date(2022, 1, 2)),))
    assert late == {("push_late", "red")}  # accepted late stays a finding, like a late service
    found = w.evaluate(
        w.CaseFacts(
            "general",
            pushes=(
                ("立案信息", filed, date(2021, 12, 26)),
                ("处罚决定信息", date(2022, 2, 1), None),
            ),
        ),
        today=date(2022, 3, 1),
        thresholds=T,
        cal=CAL,
    )
    assert len(found) == 1 and "处罚决定信息" in found[0].message and "立案" not in found[0].message


def test_push_events_before_the_platform_rules_are_not_checked_and_the_start_is_configurable():
    old = (("立案信息", date(2019, 3, 1), None),)
    assert fired(date(2019, 12, 31), pushes=old) == set()
    t = w.parse_thresholds({"push_late": {"from_date": "2019-01-01", "days": "3"}})
    f = w.CaseFacts("general", pushes=old)
    assert [x.rule for x in w.evaluate(f, today=date(2019, 3, 5), thresholds=t, cal=CAL)] == [
        "push_late"
    ]
    assert w.evaluate(f, today=date(2019, 3, 4), thresholds=t, cal=CAL) == []
    with pytest.raises(Refused):
        w.parse_thresholds({"push_late": {"from_date": "2021-02-30"}})


def test_year_end_counts_are_checked_after_the_year_and_red_once_the_report_is_due():
    yb = {"处罚决定（件）": 37, "罚没金额（万元）": Decimal("69.2200")}
    pf = {"处罚决定（件）": 37, "罚没金额（万元）": Decimal("69.0200")}

    def levels(today, year=2022, platform=pf):
        found = w.year_counts_findings(
            year, yearbook=yb, platform=platform, today=today, thresholds=T
        )
        return [(f.rule, f.level) for f in found]

    assert levels(date(2022, 12, 31)) == []  # the year is not over
    assert levels(date(2023, 1, 1)) == [("year_counts_differ", "yellow")]
    assert levels(date(2023, 1, 31)) == [("year_counts_differ", "yellow")]  # due that day
    assert levels(date(2023, 2, 1)) == [("year_counts_differ", "red")]
    assert levels(date(2023, 2, 1), platform=yb) == []
    assert levels(date(2023, 2, 1), platform={}) == [("year_counts_differ", "red")]
    assert levels(date(2021, 2, 1), year=2020) == []  # before the platform held whole years
    with pytest.raises(Refused):
        w.parse_thresholds({"year_counts_differ": {"from_year": "二〇二一"}})


def test_every_rule_is_evaluated_now():
    assert w.NOT_EVALUATED == {}


def _cases():
    """Facts touching every time-driven rule, with awkward days (National Day, month ends)."""
    yield w.CaseFacts("general", filed_on=date(2019, 7, 31))
    yield w.CaseFacts("labor_inspection", filed_on=date(2019, 8, 30))
    yield w.CaseFacts("labor_inspection", filed_on=date(2019, 6, 3), extended=True)
    yield w.CaseFacts("general", preservations=((date(2019, 9, 27), None),))
    yield w.CaseFacts(
        "general", decided_on=date(2019, 9, 28), decision_officers=2, filed_on=date(2019, 9, 1)
    )
    yield w.CaseFacts("general", publicity_due=date(2019, 10, 9))
    yield w.CaseFacts(
        "general",
        publicity_due=date(2019, 4, 11),
        published_on=date(2019, 4, 11),
        changed_on=date(2019, 9, 27),
    )
    yield w.CaseFacts("general", pushes=(("立案信息", date(2019, 9, 30), None),))
    for reminded in (None, date(2019, 9, 1)):
        yield w.CaseFacts(
            "general",
            decided_on=date(2019, 6, 1),
            served_on=date(2019, 6, 2),
            decision_officers=2,
            filed_on=date(2019, 5, 1),
            fine=Decimal("3000"),
            payment_due=date(2019, 8, 31),
            reminded_on=reminded,
        )


def test_next_change_is_exact_nothing_changes_before_it_and_something_on_it():
    t = w.parse_thresholds({"push_late": {"from_date": "2019-01-01"}})
    for facts in _cases():
        today = date(2019, 6, 1)
        seen_change = 0
        while today < date(2020, 12, 31):
            now = {
                (f.rule, f.level, f.message)
                for f in w.evaluate(facts, today=today, thresholds=t, cal=CAL)
            }
            nxt = w.next_change(facts, today=today, thresholds=t, cal=CAL)
            end = nxt or date(2020, 12, 31)
            day = today + timedelta(days=1)
            while day < end:  # every day before it answers the same
                same = {
                    (f.rule, f.level, f.message)
                    for f in w.evaluate(facts, today=day, thresholds=t, cal=CAL)
                }
                assert same == now, (facts, day)
                day += timedelta(days=7) if (end - day).days > 8 else timedelta(days=1)
            if nxt is None:
                break
            then = {
                (f.rule, f.level, f.message)
                for f in w.evaluate(facts, today=nxt, thresholds=t, cal=CAL)
            }
            seen_change += then != now
            today = nxt
        assert seen_change >= 1, facts
