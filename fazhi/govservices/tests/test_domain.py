"""Pure rules: reduction formulas, the 无人审批 rule language, the procedure (no database)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.govservices.domain import auto_approval as auto
from fazhi.govservices.domain import licensing as lic
from fazhi.govservices.domain.catalogue import (
    ItemFacts,
    MaterialFacts,
    catalogue_figures,
    compare_catalogues,
    reduction_percent,
)


@pytest.mark.parametrize(
    ("_case", "old", "new", "expected"),
    [
        ("halved", 8, 4, Decimal(50)),
        ("rounds half up", 97, 68, Decimal(30)),  # 29.896…
        ("growth is negative", 4, 5, Decimal(-25)),
        ("unchanged", 3, 3, Decimal(0)),
    ],
)
def test_reduction_percent(_case, old, new, expected):
    assert reduction_percent(old, new) == expected


def test_reduction_of_nothing_is_none():
    assert reduction_percent(0, 0) is None


def test_materials_count_only_what_the_applicant_hands_in():
    item = ItemFacts(
        "A",
        "甲",
        "licensing",
        5,
        (
            MaterialFacts("申请书"),
            MaterialFacts("营业执照", is_shared=True),
            MaterialFacts("照片", is_required=False),
        ),
    )
    assert catalogue_figures([item]).materials == 1


def test_comparison_lists_removed_merged_and_added_items():
    old = [
        ItemFacts("X", "甲", "licensing", 20),
        ItemFacts("Y", "乙", "licensing", 20, merged_into="X"),
        ItemFacts("Z", "丙", "licensing", 20),
    ]
    new = [ItemFacts("X", "甲", "licensing", 2), ItemFacts("N", "新", "public_service", 0)]
    result = compare_catalogues(old, new)
    assert [i.code for i in result.removed] == ["Z"]
    assert [(i.code, into) for i, into in result.merged] == [("Y", "X")]
    assert [i.code for i in result.added] == ["N"]
    assert result.reduction("licensing_items").percent == Decimal(67)
    # (20 − 1) / 20 = 95%: the mean of the unrounded totals
    assert result.reduction("average_promised_days").percent == Decimal(95)


FACTS = {
    "materials_complete": True,
    "uscc_valid": True,
    "registered_capital_yuan": 2000000,
    "credit_blacklisted": False,
    "revoked_within_3_years": False,
}


def test_lwpq_rule_approves_exactly_at_two_million():
    assert auto.evaluate(auto.RULES["lwpq"], FACTS).passed
    low = auto.evaluate(auto.RULES["lwpq"], {**FACTS, "registered_capital_yuan": 1999999})
    assert low.failed_labels == ["注册资本不少于人民币二百万元"]
    assert "第五十七条" in low.results[2].basis


def test_a_missing_fact_is_a_failure_not_a_guess():
    facts = {k: v for k, v in FACTS.items() if k != "revoked_within_3_years"}
    result = auto.evaluate(auto.RULES["lwpq"], facts)
    assert not result.passed
    assert result.as_dict()["inputs"]["revoked_within_3_years"] is None


@pytest.mark.parametrize("expression", ["x => 1", "x >= true", "1x == 2", "x == maybe"])
def test_rule_language_rejects_bad_conditions(expression):
    with pytest.raises(auto.RuleSyntaxError):
        auto.parse_condition(expression)


def test_evaluation_records_rule_version_and_inputs():
    record = auto.evaluate(auto.RULES["rlzy"], {**FACTS, "full_time_staff": 3}).as_dict()
    assert record["rule_id"] == "rlzy" and record["rule_version"] == 1 and record["passed"]
    assert record["inputs"]["full_time_staff"] == 3


def test_second_correction_notice_for_new_materials_is_refused():
    with pytest.raises(Refused, match="首次未列明"):
        lic.check_correction_notice(
            missing=["章程"],
            previous_notice=["申请书"],
            notice_on=date(2019, 3, 4),
            received_on=date(2019, 3, 1),
            notice_due=date(2019, 3, 8),
        )


def test_late_correction_notice_is_refused():
    with pytest.raises(Refused, match="逾期不告知"):
        lic.check_correction_notice(
            missing=["章程"],
            previous_notice=None,
            notice_on=date(2019, 3, 11),
            received_on=date(2019, 3, 1),
            notice_due=date(2019, 3, 8),
        )


def test_bundle_status_derives_from_parts():
    S = lic.Status
    assert lic.bundle_status([S.CORRECTION, S.GRANTED]) == lic.BundleStatus.CORRECTION
    assert lic.bundle_status([S.GRANTED, S.GRANTED]) == lic.BundleStatus.GRANTED
    assert lic.bundle_status([S.REFUSED, S.REFUSED]) == lic.BundleStatus.REFUSED
