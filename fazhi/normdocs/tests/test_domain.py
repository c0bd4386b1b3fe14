"""Pure rules: no database."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fazhi.core.domain import comments as core_comments
from fazhi.normdocs.domain import cleanup, comments, numbering, reviews, states, validity
from fazhi.normdocs.domain.articles import split_articles
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import Action, Stage

HAPPY_PATH = [
    (Stage.DRAFTING, Action.OPEN_COMMENT, None, Stage.PUBLIC_COMMENT),
    (Stage.PUBLIC_COMMENT, Action.SUBMIT_REVIEW, None, Stage.LEGALITY_REVIEW),
    (Stage.LEGALITY_REVIEW, Action.REVIEW, Stage.FAIR_COMPETITION, Stage.FAIR_COMPETITION),
    (Stage.FAIR_COMPETITION, Action.FAIR_COMPETITION, Stage.DELIBERATION, Stage.DELIBERATION),
    (Stage.DELIBERATION, Action.DELIBERATE, Stage.APPROVED, Stage.APPROVED),
    (Stage.APPROVED, Action.REGISTER, None, Stage.REGISTERED),
    (Stage.REGISTERED, Action.PUBLISH, None, Stage.PUBLISHED),
    (Stage.PUBLISHED, Action.FILE, None, Stage.FILED),
    (Stage.FILED, Action.FILING_RESULT, Stage.IN_FORCE, Stage.IN_FORCE),
]


@pytest.mark.parametrize(("current", "action", "target", "expected"), HAPPY_PATH)
def test_each_step_leads_to_the_next_stage(current, action, target, expected):
    assert states.next_stage(current, action, target) == expected


@pytest.mark.parametrize(
    ("_case", "current", "action"),
    [
        ("register a draft", Stage.DRAFTING, Action.REGISTER),
        ("review without comment period", Stage.DRAFTING, Action.REVIEW),
        ("deliberate before fair competition", Stage.LEGALITY_REVIEW, Action.DELIBERATE),
        ("deliberate after a failed review", Stage.REVISING, Action.DELIBERATE),
        ("publish before numbering", Stage.APPROVED, Action.PUBLISH),
        ("file before publishing", Stage.REGISTERED, Action.FILE),
        ("repeal a draft", Stage.DELIBERATION, Action.REPEAL),
        ("repeal twice", Stage.REPEALED, Action.REPEAL),
    ],
)
def test_a_step_cannot_be_skipped(_case, current, action):
    with pytest.raises(Refused) as caught:
        states.next_stage(current, action)
    assert caught.value.code == "illegal_transition"
    assert states.STAGE_LABELS[current] in caught.value.message


def test_an_outcome_outside_the_table_is_refused():
    with pytest.raises(Refused):
        states.next_stage(Stage.LEGALITY_REVIEW, Action.REVIEW, Stage.APPROVED)


@given(st.sampled_from(list(Stage)), st.sampled_from(list(Action)))
def test_every_allowed_action_has_a_target_and_others_are_refused(stage, action):
    if action in states.allowed_actions(stage):
        targets = states.TRANSITIONS[(stage, action)]
        assert states.next_stage(stage, action, next(iter(targets))) in targets
    else:
        with pytest.raises(Refused):
            states.next_stage(stage, action)


def test_ended_documents_allow_nothing():
    for stage in states.ENDED_STAGES:
        assert states.allowed_actions(stage) == []


def test_the_seven_points_of_115_are_listed_with_their_citation():
    assert len(reviews.LEGALITY_POINTS) == 7
    assert all("国办发〔2018〕115号（六）" in p.basis for p in reviews.LEGALITY_POINTS)


def test_lawful_needs_all_seven_points_and_a_failed_point_needs_another_conclusion():
    all_ok = dict.fromkeys(reviews.LEGALITY_POINT_CODES, True)
    reviews.check_legality_conclusion(all_ok, reviews.LegalityConclusion.LAWFUL)
    one_bad = {**all_ok, "procedure": False}
    with pytest.raises(Refused, match="制定程序"):
        reviews.check_legality_conclusion(one_bad, reviews.LegalityConclusion.LAWFUL)
    reviews.check_legality_conclusion(one_bad, reviews.LegalityConclusion.AMEND)
    with pytest.raises(Refused):
        reviews.check_legality_conclusion(all_ok, reviews.LegalityConclusion.UNLAWFUL)


@pytest.mark.parametrize(
    ("_case", "same", "address", "accepted", "flagged"),
    [
        ("first comment", 0, 0, True, False),
        ("second copy", 1, 0, True, True),
        ("third copy", 3, 0, False, True),
        ("busy address", 0, 5, True, True),
        ("flood", 0, 10, False, True),
    ],
)
def test_spam_verdicts(_case, same, address, accepted, flagged):
    verdict = core_comments.spam_verdict(
        same_text=same, from_address=address, policy=core_comments.SpamPolicy()
    )
    assert (verdict.accepted, verdict.flagged) == (accepted, flagged)


def test_same_text_ignores_width_space_and_punctuation():
    a = core_comments.text_fingerprint("建议增加 过渡期。")
    assert a == core_comments.text_fingerprint("建议增加过渡期!!")
    assert a != core_comments.text_fingerprint("建议取消过渡期")


def test_adoption_note_is_drafted_from_the_marks_and_needs_every_mark():
    marked = [
        comments.MarkedComment("第一条", core_comments.Adoption.ADOPTED, "已采纳", 1),
        comments.MarkedComment("第一条", core_comments.Adoption.REJECTED, "超出范围"),
    ]
    note = comments.draft_adoption_note("某办法", marked)
    assert "采纳1条" in note and "不采纳1条" in note and "超出范围" in note
    with pytest.raises(Refused, match="未标记"):
        comments.draft_adoption_note("某办法", [comments.MarkedComment("第一条", None, "")])
    with pytest.raises(Refused, match="理由"):
        comments.check_mark(core_comments.Adoption.REJECTED, "")


@pytest.mark.parametrize(
    ("title", "years"),
    [("就业办法", 5), ("工伤暂行办法", 2), ("补贴办法（试行）", 2)],
)
def test_validity_term_depends_on_the_title(title, years):
    assert validity.term_years(title, validity.ValidityPolicy()) == years


def test_validity_term_is_configurable():
    policy = validity.ValidityPolicy(default_years=3, provisional_years=1)
    assert validity.term_years("办法", policy) == 3


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 10))
def test_term_ends_the_day_before_the_anniversary(start, years):
    last = validity.valid_until(start, years)
    assert validity.add_months(start, 12 * years) == date.fromordinal(last.toordinal() + 1)
    assert validity.reminder_date(last, validity.ValidityPolicy()) < last


def test_number_format():
    assert numbering.format_number("津人社规字", 2019, 12) == "津人社规字〔2019〕12号"


def test_cleanup_needs_every_document_in_force():
    with pytest.raises(Refused, match="1件"):
        cleanup.check_complete({1, 2}, {1: cleanup.Outcome.KEEP})
    with pytest.raises(Refused, match="理由"):
        cleanup.check_assessment(cleanup.Outcome.REPEAL, "")
    assert cleanup.ending_action(cleanup.Outcome.KEEP) is None


def test_articles_need_at_least_one():
    with pytest.raises(Refused):
        split_articles("   \n ")
