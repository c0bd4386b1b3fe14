"""The time-limit table and due dates (no database)."""

import doctest
import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from fazhi.core.domain import time_limits
from fazhi.core.domain.calendar import CalendarDataMissing, WorkCalendar
from fazhi.core.domain.time_limits import (
    RULES,
    RuleNotExtendable,
    UnknownRule,
    Urgency,
    due_date,
    override_problems,
    remaining,
    rule_for,
)
from fazhi.core.domain.time_limits import formatting as formatting_module
from fazhi.core.domain.time_limits import urgency as urgency_module

CAL = WorkCalendar.from_chinese_calendar()
LAWS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "laws" / "LawRefBook"

REQUIRED = [
    "penalty.decision",
    "penalty.service",
    "penalty.payment",
    "penalty.hearing_request",
    "penalty.hearing_notice",
    "penalty.publicity",
    "penalty.publicity_withdrawal",
    "enforcement.other_publicity",
    "licensing.correction_notice",
    "licensing.decision",
    "labor_inspection.complaint_acceptance",
    "labor_inspection.investigation",
    "labor_inspection.investigation_extended",
    "inspection.result_publicity",
    "reconsideration.acceptance",
    "reconsideration.reply",
    "reconsideration.decision",
    "reconsideration.decision_extended",
    "reconsideration.simplified_decision",
    "litigation.answer",
    "litigation.appeal_judgment",
    "litigation.appeal_ruling",
    "normdoc.public_comment",
    "normdoc.legality_review",
    "normdoc.filing",
    "decision.public_comment",
    "decision.legality_review",
    "report.annual_submission",
]


@pytest.mark.parametrize("module", [time_limits, urgency_module, formatting_module])
def test_module_doctests_pass(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("code", REQUIRED)
def test_every_required_rule_is_in_force_in_2025(code):
    rule = rule_for(code, date(2025, 6, 2))
    assert rule.code == code
    assert rule.days > 0
    assert rule.unit in ("working", "calendar")
    assert rule.article in rule.basis and rule.law in rule.basis
    assert re.search(r"[\u4e00-\u9fff]", rule.title)


def test_versions_of_one_rule_do_not_overlap():
    for code in {r.code for r in RULES}:
        versions = sorted((r for r in RULES if r.code == code), key=lambda r: r.valid_from)
        for earlier, later in itertools.pairwise(versions):
            assert earlier.valid_to is not None and earlier.valid_to < later.valid_from, code


@pytest.mark.parametrize(
    ("code", "days_2017", "unit_2017", "days_2023", "unit_2023"),
    [
        ("reconsideration.acceptance", 5, "working", 5, "working"),
        ("reconsideration.reply", 10, "calendar", 10, "working"),
        ("reconsideration.decision", 60, "calendar", 60, "calendar"),
        ("reconsideration.decision_extended", 30, "calendar", 30, "calendar"),
    ],
)
def test_reconsideration_law_version_follows_the_start_date(
    code, days_2017, unit_2017, days_2023, unit_2023
):
    old, new = rule_for(code, date(2023, 12, 31)), rule_for(code, date(2024, 1, 1))
    assert ("2017" in old.law, old.days, old.unit) == (True, days_2017, unit_2017)
    assert ("2023" in new.law, new.days, new.unit) == (True, days_2023, unit_2023)


def test_reply_period_2017_calendar_days_vs_2023_working_days():
    # 2017 law: 10 calendar days; day 10 (2023-10-01) is 国庆, rolled to the 调休 Saturday 10-07
    assert due_date("reconsideration.reply", date(2023, 9, 21), CAL).due == date(2023, 10, 7)
    # 2023 law: 10 working days over 国庆 2024, counting the 调休 Sunday 09-29
    assert due_date("reconsideration.reply", date(2024, 9, 27), CAL).due == date(2024, 10, 16)


def test_simplified_procedure_exists_only_under_the_2023_law():
    assert rule_for("reconsideration.simplified_decision", date(2024, 1, 1)).days == 30
    with pytest.raises(UnknownRule, match="2024年1月1日起"):
        rule_for("reconsideration.simplified_decision", date(2023, 6, 1))


@pytest.mark.parametrize(
    ("_case", "code", "start", "due"),
    [
        (
            "15-day payment ends in 国庆 week",
            "penalty.payment",
            date(2025, 9, 16),
            date(2025, 10, 9),
        ),
        (
            "7 working days from a holiday, 调休 weekend counts",
            "penalty.service",
            date(2023, 10, 6),
            date(2023, 10, 13),
        ),
        ("90 days over a leap day", "penalty.decision", date(2023, 12, 1), date(2024, 2, 29)),
        ("60 working days", "labor_inspection.investigation", date(2025, 3, 3), date(2025, 5, 29)),
        (
            "20 working days over 春节, counting 2 调休 days",
            "licensing.decision",
            date(2019, 1, 25),
            date(2019, 2, 27),
        ),
        (
            "hearing notice is before the hearing",
            "penalty.hearing_notice",
            date(2025, 10, 13),
            date(2025, 9, 26),
        ),
        (
            "litigation answer rolls past a Sunday",
            "litigation.answer",
            date(2025, 3, 1),
            date(2025, 3, 17),
        ),
    ],
)
def test_due_dates(_case, code, start, due):
    assert due_date(code, start, CAL).due == due


def test_extension_counts_from_the_end_of_the_original_period():
    start = date(2025, 7, 16)
    original = due_date("reconsideration.decision", start, CAL)
    extended = due_date("reconsideration.decision", start, CAL, extended=True)
    follow_on = due_date("reconsideration.decision_extended", original.due, CAL)
    assert original.due == date(2025, 9, 15)  # day 60 is Sunday 09-14
    assert extended.due == follow_on.due == date(2025, 10, 15)
    assert extended.days == 90
    # 90 days straight from the start would give 10-14: the extension runs from 09-15


def test_working_day_extension_adds_the_statutory_days():
    result = due_date("licensing.decision", date(2025, 9, 16), CAL, extended=True)
    assert (result.days, result.due) == (30, date(2025, 11, 3))


def test_a_period_without_extension_cannot_be_extended():
    with pytest.raises(RuleNotExtendable, match="依法不能延长"):
        due_date("penalty.payment", date(2025, 9, 16), CAL, extended=True)


def test_overrides_apply_to_unverified_rules_only():
    overrides = {"normdoc.filing": 15, "penalty.payment": 30}
    assert not rule_for("normdoc.filing", date(2025, 3, 3)).verified
    assert due_date("normdoc.filing", date(2025, 3, 3), CAL, overrides=overrides).days == 15
    assert due_date("penalty.payment", date(2025, 3, 3), CAL, overrides=overrides).days == 15


def test_override_problems_are_reported():
    problems = override_problems({"normdoc.filing": 0, "penalty.decision": 30, "nope": 3})
    assert len(problems) == 3
    assert override_problems({"normdoc.filing": 20, "report.annual_submission": 59}) == []


def test_unknown_code_suggests_close_ones():
    with pytest.raises(UnknownRule, match=r"未找到期限规则“penalty\.paymnt”.*penalty\.payment"):
        rule_for("penalty.paymnt", date(2025, 1, 6))


def test_no_calendar_data_means_no_due_date():
    with pytest.raises(CalendarDataMissing):
        due_date("penalty.payment", date(2031, 1, 6), CAL)


def test_annual_report_date_in_a_leap_year_is_one_day_early():
    assert due_date("report.annual_submission", date(2023, 12, 31), CAL).due == date(2024, 2, 29)
    assert due_date("report.annual_submission", date(2022, 12, 31), CAL).due == date(2023, 3, 1)


@pytest.mark.parametrize(
    ("_case", "due", "today", "urgency", "label"),
    [
        ("overdue", date(2025, 9, 29), date(2025, 10, 2), Urgency.OVERDUE, "已逾期3日"),
        ("due today", date(2025, 9, 30), date(2025, 9, 30), Urgency.DUE_SOON, "今日届满"),
        (
            "3 working days over a weekend",
            date(2025, 9, 17),
            date(2025, 9, 12),
            Urgency.DUE_SOON,
            "剩余3个工作日",
        ),
        ("4 working days", date(2025, 9, 18), date(2025, 9, 12), Urgency.OK, "剩余4个工作日"),
        (
            "holiday week is not counted",
            date(2025, 10, 10),
            date(2025, 9, 30),
            Urgency.DUE_SOON,
            "剩余2个工作日",
        ),
    ],
)
def test_urgency(_case, due, today, urgency, label):
    left = remaining(due, today, CAL, warn_within=3)
    assert (left.urgency, left.label) == (urgency, label)


# --- the unit of each rule follows the law's own counting article -------------------------

NUMERALS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else NUMERALS[tens]) + "十" if tens else ""
    return text + (NUMERALS[ones] if ones else "")


LAW_FILES = {
    time_limits.PENALTY: ("行政法/行政处罚法(2021-01-22).md", "第八十五条"),
    time_limits.RECON_2017: ("诉讼与非诉讼程序法/行政复议法(2017-09-01).md", "第四十条"),
    time_limits.RECON_2023: ("诉讼与非诉讼程序法/行政复议法(2023-09-01).md", "第八十八条"),
    time_limits.LICENSING: ("行政法/行政许可法(2019-04-23).md", "第八十二条"),
    time_limits.LABOR: ("行政法规/劳动保障监察条例(2004-11-01).md", None),
    time_limits.LITIGATION: ("诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md", None),
    time_limits.DECISIONS: ("行政法规/重大行政决策程序暂行条例(2019-04-20).md", None),
}


def _article(text: str, number: str) -> str:
    match = re.search(
        rf"^{number}[ 　].*?(?=^第[一二三四五六七八九十百零]+条[ 　]|\Z)", text, re.M | re.S
    )
    assert match, f"{number} not found"
    return match.group(0)


@pytest.mark.skipif(not LAWS.is_dir(), reason="LawRefBook texts not available")
@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.law in LAW_FILES], ids=lambda r: f"{r.code}@{r.law[-9:]}"
)
def test_rule_matches_the_law_text(rule):
    path, counting_article = LAW_FILES[rule.law]
    text = (LAWS / path).read_text(encoding="utf-8")
    article = _article(text, re.match(r"第[一二三四五六七八九十百零]+条", rule.article).group(0))
    spelled = {f"{_chinese(rule.days)}日", f"{rule.days}日", f"{rule.days}个工作日"}
    assert any(s in article for s in spelled), f"{rule.days} days not in {rule.article}"
    if counting_article is None:  # the period's own words say whether it is working days
        assert (f"{rule.days}个工作日" in article) == (rule.unit == "working")
    elif counting_article == "第八十二条":  # 行政许可法: every period is working days
        assert rule.unit == "working"
    else:
        listed = f"“{_chinese(rule.days)}日”" in _article(text, counting_article)
        assert listed == (rule.unit == "working"), (
            f"{rule.code}: unit disagrees with {counting_article}"
        )
