"""The card rules without a database: validity, leap days, annual review, rates, hours."""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.officers.domain import certificates as rules
from fazhi.officers.domain.certificates import CardFacts, CardPolicy, Unusable

NO_REVIEW = CardPolicy(review_cycle_months=0)
YEARLY = CardPolicy(review_cycle_months=12)


def card(**kw) -> CardFacts:
    values = {"status": "valid", "issued_on": date(2019, 3, 1), "expires_on": date(2022, 3, 1)}
    values.update(kw)
    return CardFacts(**values)


def test_doctests():
    assert doctest.testmod(rules).failed == 0


def test_usable_on_the_last_day_and_expired_the_day_after():
    # given a card valid through 2022-03-01
    # then it is usable on that day and not the next
    assert rules.unusable_reason(card(), on=date(2022, 3, 1), policy=NO_REVIEW) is None
    assert rules.unusable_reason(card(), on=date(2022, 3, 2), policy=NO_REVIEW) is Unusable.EXPIRED


def test_not_usable_before_issue():
    reason = rules.unusable_reason(card(), on=date(2019, 2, 28), policy=NO_REVIEW)
    assert reason is Unusable.NOT_YET_ISSUED


@pytest.mark.parametrize(
    ("_case", "issued", "years", "expected"),
    [
        ("leap day, non-leap end year", date(2016, 2, 29), 3, date(2019, 2, 28)),
        ("leap day, leap end year", date(2016, 2, 29), 4, date(2020, 2, 29)),
        ("ordinary day", date(2019, 3, 1), 3, date(2022, 3, 1)),
        ("month end", date(2019, 1, 31), 1, date(2020, 1, 31)),
    ],
)
def test_expiry_for(_case, issued, years, expected):
    assert rules.expiry_for(issued, CardPolicy(validity_years=years)) == expected


def test_leap_day_card_expires_on_the_28th():
    expires = rules.expiry_for(date(2016, 2, 29), CardPolicy(validity_years=3))
    c = card(issued_on=date(2016, 2, 29), expires_on=expires)
    assert rules.is_usable(c, on=date(2019, 2, 28), policy=NO_REVIEW)
    assert rules.unusable_reason(c, on=date(2019, 3, 1), policy=NO_REVIEW) is Unusable.EXPIRED


def test_review_overdue_after_the_cycle_and_cured_by_a_review():
    c = card()
    assert rules.is_usable(c, on=date(2020, 3, 1), policy=YEARLY)
    assert rules.unusable_reason(c, on=date(2020, 3, 2), policy=YEARLY) is Unusable.REVIEW_OVERDUE
    reviewed = card(reviews=(date(2020, 2, 20),))
    assert rules.is_usable(reviewed, on=date(2021, 2, 20), policy=YEARLY)
    assert rules.unusable_reason(reviewed, on=date(2021, 2, 21), policy=YEARLY) == "未年审"
    # a review after the day in question does not count for that day
    late = card(reviews=(date(2020, 4, 1),))
    assert rules.unusable_reason(late, on=date(2020, 3, 15), policy=YEARLY) == "未年审"
    assert rules.is_usable(late, on=date(2020, 4, 1), policy=YEARLY)


def test_no_review_cycle_configured_means_no_review_needed():
    assert rules.is_usable(card(), on=date(2021, 12, 1), policy=NO_REVIEW)


def test_suspension_and_revocation_follow_their_dates():
    suspended = card(status="suspended", suspensions=((date(2019, 6, 1), None),))
    assert rules.is_usable(suspended, on=date(2019, 5, 31), policy=NO_REVIEW)
    assert rules.unusable_reason(suspended, on=date(2019, 6, 1), policy=NO_REVIEW) == "暂扣"
    lifted = card(suspensions=((date(2019, 6, 1), date(2019, 7, 1)),))
    assert rules.unusable_reason(lifted, on=date(2019, 6, 30), policy=NO_REVIEW) == "暂扣"
    assert rules.is_usable(lifted, on=date(2019, 7, 1), policy=NO_REVIEW)
    revoked = card(status="revoked", revoked_on=date(2019, 9, 1))
    assert rules.is_usable(revoked, on=date(2019, 8, 31), policy=NO_REVIEW)
    assert rules.unusable_reason(revoked, on=date(2019, 9, 1), policy=NO_REVIEW) == "注销"
    assert (
        rules.unusable_reason(card(status="revoked"), on=date(2019, 5, 1), policy=NO_REVIEW)
        == "注销"
    )


@settings(deadline=None)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=1, max_value=36),
)
def test_review_cutoff_is_the_inverse_of_review_due(on, months):
    policy = CardPolicy(review_cycle_months=months)
    cutoff = rules.review_cutoff(on, policy)
    assert rules.review_due(cutoff, policy) >= on
    assert rules.review_due(cutoff - timedelta(days=1), policy) < on


def test_rate_and_percent():
    assert rules.certification_rate(certified=136, posts=136).percent == "100.0%"
    assert rules.certification_rate(certified=2, posts=3).percent == "66.7%"
    assert rules.certification_rate(certified=0, posts=0).value is None
    with pytest.raises(ValueError):
        rules.certification_rate(certified=3, posts=2)


def test_training_shortfall():
    short = rules.training_shortfall(Decimal("52.5"), CardPolicy(min_training_hours=60))
    assert short.is_short and short.missing == Decimal("7.5")
    assert not rules.training_shortfall(64, CardPolicy()).is_short


def test_bad_policy_and_numbers_are_rejected():
    with pytest.raises(ValueError):
        CardPolicy(validity_years=0)
    with pytest.raises(ValueError):
        rules.normalise_number("津证 12")
    assert rules.normalise_number(" ab-12 34 ") == "AB-1234"


def test_messages_name_people_and_reasons():
    text = rules.unqualified_message([("张三", "已过期"), ("李四", "暂扣")])
    assert "张三（已过期）" in text and "李四（暂扣）" in text
