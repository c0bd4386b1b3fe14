"""The case state machine (no database): every illegal transition is refused."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain import acts
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain.case_flow import TRANSITIONS, Action, Source, Status

PAIRS = [(s, a) for s in Status for a in Action]


@pytest.mark.parametrize(("status", "action"), PAIRS)
def test_every_transition_is_allowed_only_from_its_sources(status, action):
    transition = TRANSITIONS[action]
    if status in transition.sources:
        assert flow.check_transition(status, action) == transition.target
    else:
        with pytest.raises(flow.IllegalTransition) as exc:
            flow.check_transition(status, action)
        assert "依据" in str(exc.value) and flow.STATUS_LABELS[status] in str(exc.value)


def test_archived_case_allows_nothing():
    assert flow.allowed_actions(Status.ARCHIVED) == []


def test_decision_cannot_skip_notification():
    # given a filed case, when proposing a decision straight away, then 告知 (第四十四条) is missing
    with pytest.raises(Refused, match="第四十四条"):
        flow.check_transition(Status.FILED, Action.PROPOSE, date(2022, 3, 1))
    # a 2019 case cites the 2017 text: 告知 第三十一条, 负责人 decision 第三十八条
    with pytest.raises(Refused, match="（2017年修正）第三十一条、第三十八条"):
        flow.check_transition(Status.FILED, Action.PROPOSE, date(2019, 3, 1))


def test_only_the_proposal_reaches_the_decision():
    """The officer proposes, the 负责人 decides: no decision straight from 告知 or 审核."""
    for status in (Status.NOTIFIED, Status.HEARD, Status.REVIEWED):
        with pytest.raises(Refused, match="第三十八条"):
            flow.check_transition(status, Action.DECIDE, date(2019, 6, 3))
        assert flow.check_transition(status, Action.PROPOSE) == Status.PROPOSED
    assert flow.check_transition(Status.PROPOSED, Action.DECIDE) == Status.DECIDED
    assert flow.check_transition(Status.PROPOSED, Action.SEND_BACK) == Status.RETURNED


def test_review_with_problems_goes_round_again():
    assert flow.check_transition(Status.REVIEW, Action.REVIEW_PROBLEMS) == Status.RETURNED
    assert flow.check_transition(Status.RETURNED, Action.SUBMIT_REVIEW) == Status.REVIEW


@pytest.mark.parametrize("source", [Source.RANDOM, Source.PATROL, Source.REFERRAL])
def test_only_complaints_and_reports_are_accepted(source):
    with pytest.raises(Refused, match="第十八条"):
        flow.check_source_needs_acceptance(source, Action.ACCEPT)


def test_complaint_must_be_accepted_before_filing():
    with pytest.raises(Refused, match="须先经受理审查"):
        flow.check_filing_from(Status.RECEIVED, Source.COMPLAINT)
    flow.check_filing_from(Status.RECEIVED, Source.PATROL)


def test_rejection_needs_a_reason():
    with pytest.raises(Refused):
        flow.check_rejection_reason("  ")


def test_av_record_required_for_seizure_only():
    with pytest.raises(Refused, match="118号"):
        acts.check_av(kind="onsite_coercion", mime_types=["application/pdf"])
    acts.check_av(kind="onsite_coercion", mime_types=["audio/wav"])
    acts.check_av(kind="inspection", mime_types=[])


def test_notice_needs_an_investigation_record():
    with pytest.raises(Refused, match="调查取证"):
        acts.check_investigated(0)


def test_court_application_waits_ten_days_after_reminder():
    from fazhi.enforcement.domain import execution

    served = date(2018, 11, 20)  # remedy periods end 2019-05-20
    with pytest.raises(Refused, match="催告"):
        execution.check_court_application(
            served_on=served, reminded_on=None, applied_on=date(2019, 6, 1)
        )
    with pytest.raises(Refused, match="十日"):
        execution.check_court_application(
            served_on=served, reminded_on=date(2019, 6, 1), applied_on=date(2019, 6, 10)
        )
    execution.check_court_application(
        served_on=served, reminded_on=date(2019, 6, 1), applied_on=date(2019, 6, 11)
    )


def test_fine_outside_range_needs_reason():
    from decimal import Decimal

    with pytest.raises(Refused, match="第三十四条"):
        acts.check_fine(fine=Decimal(1), needs_reason=True, reason="")
    acts.check_fine(fine=Decimal(1), needs_reason=True, reason="当事人主动消除危害后果")
