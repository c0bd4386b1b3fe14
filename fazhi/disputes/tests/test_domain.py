"""Pure rules, no database."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.domain.calendar import WorkCalendar
from fazhi.core.domain.time_limits import due_date
from fazhi.disputes.domain import litigation as lit
from fazhi.disputes.domain import rates
from fazhi.disputes.domain import reconsideration as rc
from fazhi.disputes.domain.errors import Refused

CAL = WorkCalendar.from_chinese_calendar()


@pytest.mark.parametrize(
    ("_case", "known_on", "received_on", "ok"),
    [
        ("day 60 is in time", date(2019, 3, 1), date(2019, 4, 30), True),
        ("day 61 is late", date(2019, 3, 1), date(2019, 5, 1), False),
        ("day 60 on National Day rolls to 10-08", date(2024, 8, 2), date(2024, 10, 8), True),
        ("after the roll-forward it is late", date(2024, 8, 2), date(2024, 10, 9), False),
    ],
)
def test_application_period_is_60_days_from_knowing(_case, known_on, received_on, ok):
    act, who = "工伤认定决定书", "和平区人社局"
    if ok:
        rc.check_application(
            received_on=received_on, known_on=known_on, act=act, respondent=who, calendar=CAL
        )
    else:
        with pytest.raises(Refused) as err:
            rc.check_application(
                received_on=received_on, known_on=known_on, act=act, respondent=who, calendar=CAL
            )
        assert "第二十条" in str(err.value) or "第九条" in str(err.value)


def test_the_article_cited_follows_the_law_of_the_application_date():
    with pytest.raises(Refused, match=r"2017年修正.*第九条"):
        rc.check_application(
            received_on=date(2019, 9, 1),
            known_on=date(2019, 1, 1),
            act="工伤认定决定书",
            respondent="区局",
            calendar=CAL,
        )
    with pytest.raises(Refused, match=r"2023年修订.*第二十条"):
        rc.check_application(
            received_on=date(2024, 9, 1),
            known_on=date(2024, 1, 1),
            act="工伤认定决定书",
            respondent="区局",
            calendar=CAL,
        )


def test_an_application_without_an_identifiable_act_is_refused():
    with pytest.raises(Refused, match=r"具体的行政行为.*第三十条"):
        rc.check_application(
            received_on=date(2024, 3, 1),
            known_on=date(2024, 2, 1),
            act="不服",
            respondent="市人社局",
            calendar=CAL,
        )


def test_deadlines_follow_the_law_in_force_on_the_application_date():
    # 2017: the ten-day reply is calendar days; 2023: working days.
    assert due_date("reconsideration.reply", date(2019, 4, 1), CAL).due == date(2019, 4, 11)
    assert due_date("reconsideration.reply", date(2024, 4, 1), CAL).due == date(2024, 4, 16)
    assert rc.decision_rule(simplified=True, received_on=date(2024, 2, 1)).endswith(
        "simplified_decision"
    )
    with pytest.raises(Refused):
        rc.decision_rule(simplified=True, received_on=date(2019, 2, 1))


def test_suspension_keeps_the_remaining_days():
    due = rc.resumed_due(
        original_due=date(2019, 6, 30), suspended_on=date(2019, 6, 10), resumed_on=date(2019, 8, 1)
    )
    assert due == date(2019, 8, 21)


def test_transitions_refuse_a_decision_before_acceptance():
    with pytest.raises(Refused):
        rc.check_transition(rc.Status.RECEIVED, rc.Status.DECIDED)


def test_litigation_steps_and_appeal_periods():
    lit.check_step(lit.Step.RECEIVED, lit.Step.APPROVED)
    with pytest.raises(Refused):
        lit.check_step(lit.Step.RECEIVED, lit.Step.JUDGED)
    assert lit.appeal_rule(lit.kind_of(lit.Outcome.REVOKE)) == "litigation.appeal_judgment"
    assert lit.appeal_rule(lit.kind_of(lit.Outcome.WITHDRAWN)) == "litigation.appeal_ruling"
    assert lit.answer_is_late(
        received_on=date(2019, 3, 1), answered_on=date(2019, 3, 19), due=date(2019, 3, 18)
    )
    with pytest.raises(Refused, match="第八条"):
        lit.check_appearance(head_appeared=False, head_name="", stand_in="", reason="")


def test_rates_on_a_hand_checked_example():
    # Unit A: 4 reconsiderations, 3 decided, 1 of them corrected; 2 suits judged, 1 lost;
    # 2 hearings, the head at 1. Unit B: 1 suit withdrawn, no hearing. A made 200 acts.
    recons = [
        rates.ReconRow("A", True, True),
        rates.ReconRow("A", True, False),
        rates.ReconRow("A", True, False),
        rates.ReconRow("A", False, False),
    ]
    suits = [
        rates.SuitRow("A", True, True, True, True),
        rates.SuitRow("A", True, False, True, False),
        rates.SuitRow("B", True, False, False, False),
    ]
    out = rates.figures(recons, suits, acts={"A": 200})
    a, b = out["A"], out["B"]
    assert (a.correction_rate.numerator, a.correction_rate.denominator) == (1, 3)
    assert a.correction_rate.percent == "33.3%"
    assert a.reconsideration_rate.percent == "2.0%"
    assert a.loss_rate.percent == "50.0%"
    assert a.appearance_rate.percent == "50.0%"
    assert b.reconsideration_rate is None
    assert b.loss_rate.percent == "0.0%" and b.appearance_rate.percent == "—"
    whole = rates.total(out)
    assert whole.lost == 1 and whole.judged == 3 and whole.loss_rate.percent == "33.3%"
