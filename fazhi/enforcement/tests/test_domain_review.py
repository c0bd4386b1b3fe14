"""法制审核 triggers and the seven points; hearing rules (no database)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain import hearing
from fazhi.enforcement.domain import review as r

CATALOGUE = r.Catalogue()


@pytest.mark.parametrize(
    ("_case", "facts", "expected"),
    [
        ("small fine", r.ReviewFacts(fine=Decimal(1000)), []),
        ("org fine at threshold", r.ReviewFacts(fine=Decimal(30000)), ["large_fine"]),
        ("person fine", r.ReviewFacts(fine=Decimal(5000), party_kind="person"), ["large_fine"]),
        ("public interest", r.ReviewFacts(public_interest=True), ["public_interest"]),
        ("major rights without hearing", r.ReviewFacts(major_rights=True), []),
        (
            "major rights after hearing",
            r.ReviewFacts(major_rights=True, heard=True),
            ["major_rights_heard"],
        ),
        ("complex", r.ReviewFacts(complex_case=True), ["complex"]),
        ("confiscation", r.ReviewFacts(confiscation=Decimal(30000)), ["large_confiscation"]),
        ("suspend", r.ReviewFacts(measures=frozenset({"suspend_business"})), ["suspend_business"]),
        ("revoke", r.ReviewFacts(measures=frozenset({"revoke_licence"})), ["revoke_licence"]),
        ("mitigated", r.ReviewFacts(outcome="mitigated"), ["mitigated"]),
        ("no penalty", r.ReviewFacts(outcome="no_penalty"), ["no_penalty"]),
    ],
)
def test_review_triggers(_case, facts, expected):
    assert [t.code for t in r.review_triggers(facts, CATALOGUE)] == expected


def test_catalogue_is_configurable():
    catalogue = r.Catalogue.from_setting({"fine_org": 10000, "triggers": ["large_fine"]})
    assert [
        t.code
        for t in r.review_triggers(r.ReviewFacts(fine=Decimal(10000), complex_case=True), catalogue)
    ] == ["large_fine"]
    with pytest.raises(ValueError):
        r.Catalogue.from_setting({"triggers": ["nonsense"]})


OK = dict.fromkeys(r.POINT_CODES, (True, ""))


def test_opinion_needs_all_seven_points():
    with pytest.raises(Refused, match="七项"):
        r.check_opinion({"subject": (True, "")}, "agree", "")


def test_agree_only_when_every_point_passes():
    points = {**OK, "facts": (False, "证据不足")}
    with pytest.raises(Refused, match="不能出具“同意”"):
        r.check_opinion(points, "agree", "")
    result = r.check_opinion(points, "problems", "")
    assert result.problems == (dict(r.SEVEN_POINTS)["facts"],)


def test_problems_must_be_stated():
    with pytest.raises(Refused, match="写明"):
        r.check_opinion(OK, "problems", "")


def test_reviewer_must_hold_role_and_not_have_investigated():
    with pytest.raises(Refused, match="法制审核人员"):
        r.check_reviewer(is_reviewer=False, is_investigator=False)
    with pytest.raises(Refused, match="调查人员"):
        r.check_reviewer(is_reviewer=True, is_investigator=True)


def test_gate_refuses_decision_without_review():
    with pytest.raises(Refused, match="第五十八条"):
        r.check_review_done(required=[r.TRIGGERS["large_fine"]], agreed=False)
    r.check_review_done(required=[], agreed=False)


def test_hearing_triggers_by_party_kind_and_measure():
    t = hearing.Thresholds()
    assert hearing.hearing_triggers(
        fine=Decimal(1000), party_kind="person", measures=frozenset(), thresholds=t
    )
    assert not hearing.hearing_triggers(
        fine=Decimal(1000), party_kind="org", measures=frozenset(), thresholds=t
    )
    assert hearing.hearing_triggers(
        fine=Decimal(0), party_kind="org", measures=frozenset({"revoke_licence"}), thresholds=t
    ) == ["吊销许可证件"]
    assert hearing.Thresholds.from_setting({"org": "50000"}).org == Decimal(50000)


def test_hearing_request_rules():
    # a 2019 request is under the 2017 text (第四十二条), a 2022 one under the 2021 text
    with pytest.raises(Refused, match="（2017年修正）第四十二条"):
        hearing.check_request(
            has_right=False, requested_on=date(2019, 3, 1), last_day=date(2019, 3, 5)
        )
    with pytest.raises(Refused, match="（2021年修订）第六十三条"):
        hearing.check_request(
            has_right=False, requested_on=date(2022, 3, 1), last_day=date(2022, 3, 5)
        )
    with pytest.raises(Refused, match="逾期"):
        hearing.check_request(
            has_right=True, requested_on=date(2019, 3, 6), last_day=date(2019, 3, 5)
        )


def test_hearing_notice_and_presiding_and_record():
    with pytest.raises(Refused, match="七日前"):
        hearing.check_notice(
            notice_on=date(2019, 3, 10),
            hearing_on=date(2019, 3, 12),
            latest_notice=date(2019, 3, 1),
        )
    with pytest.raises(Refused, match="非本案调查人员"):
        hearing.check_presiding(presiding_is_investigator=True)
    with pytest.raises(Refused, match="笔录"):
        hearing.check_can_close(has_record=False, held=True, waived=False)
    hearing.check_can_close(has_record=False, held=False, waived=True)
