"""Decisions: the five procedures as gates, counsel opinions, fair-competition review."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.testing.gate import assert_refused
from fazhi.core.domain.errors import Refused
from fazhi.decisions import services as s
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import Decision
from fazhi.decisions.tests.conftest import SPEAKERS, answers_2016, close_gates, give_opinion, start
from fazhi.publicity.testing import on_day

pytestmark = pytest.mark.django_db


def _discuss(people, decision, on=date(2019, 10, 20), speakers=SPEAKERS, **kw):
    return s.decision_discuss(
        decision=decision,
        meeting="局长办公会议",
        speakers=speakers,
        adopted=True,
        outcome="通过",
        actor=people["head"],
        on=on,
        **kw,
    )


def test_a_decision_runs_every_procedure_then_is_published_executed_evaluated_archived(
    people, counsel
):
    decision = start(people)
    close_gates(people, counsel, decision)
    decision = _discuss(people, decision)
    assert decision.stage == "decided" and decision.speakers.count() == 4
    s.decision_publish(
        decision=decision,
        channel="局政府网站",
        opinions_explained="采纳5条。",
        actor=people["clerk"],
        on=date(2019, 10, 25),
    )
    s.decision_report_execution(
        decision=decision, notes="已执行", actor=people["clerk"], on=date(2019, 11, 1)
    )
    s.decision_archive(decision=decision, actor=people["clerk"], on=date(2019, 11, 18))
    decision = s.decision_evaluate(
        decision=decision,
        trigger="本机关认为有必要",
        evaluator="某大学",
        conclusion="效果良好",
        actor=people["clerk"],
        on=date(2020, 12, 1),
    )
    assert decision.stage == "evaluated" and decision.archived_on == date(2019, 11, 18)


@pytest.mark.parametrize(
    "missing,label",
    [
        ("comment", "公众参与"),
        ("experts", "专家论证"),
        ("risk", "风险评估"),
        ("review", "合法性审查"),
    ],
)
def test_discussion_is_refused_naming_the_open_gate_and_article(people, counsel, missing, label):
    decision = start(people)
    clerk = people["clerk"]
    if missing != "comment":
        s.decision_open_comment(
            decision=decision, opens=date(2019, 9, 2), closes=date(2019, 10, 1), actor=clerk
        )
        s.decision_adoption_report(
            decision=decision, report="无意见", actor=clerk, on=date(2019, 10, 8)
        )
    if missing != "experts":
        s.decision_waive(decision=decision, gate="experts", reason="非专业性事项", actor=clerk)
    if missing != "risk":
        s.decision_waive(decision=decision, gate="risk", reason="不涉及社会稳定", actor=clerk)
    if missing != "review":
        review = s.decision_submit_review(
            decision=decision, materials="草案", actor=clerk, on=date(2019, 10, 8)
        )
        s.decision_review(
            review=review,
            conclusion="lawful",
            opinion="合法",
            counsel_opinion=give_opinion(people, counsel, decision),
            actor=people["reviewer"],
            on=date(2019, 10, 17),
        )
    with pytest.raises(Refused) as caught:
        _discuss(people, decision)
    assert caught.value.code == Code.GATE_OPEN and label in caught.value.message
    assert "重大行政决策程序暂行条例" in caught.value.basis
    assert_refused(lambda a: _discuss(people, decision), people["head"], obj=decision)


def test_before_september_2019_the_refusal_cites_the_tianjin_rule(people):
    decision = start(people)
    with pytest.raises(Refused) as caught:
        _discuss(people, decision, on=date(2019, 6, 1))
    assert "令第5号" in caught.value.basis


def test_a_step_dated_after_the_day_of_entry_is_refused_and_writes_nothing(people):
    """Issue 18.5: a typed step date never lies after the day it is entered."""
    from datetime import timedelta

    from django.utils import timezone

    from fazhi.core.models import AuditEvent

    tomorrow = timezone.localdate() + timedelta(days=1)
    before = (Decision.objects.count(), AuditEvent.objects.count())
    with pytest.raises(Refused, match="不能晚于录入当日") as caught:
        s.decision_start(
            org_unit=people["units"]["zongdui"],
            title="工伤保险待遇调整方案",
            actor=people["clerk"],
            on=tomorrow,
        )
    assert "津政办发〔2021〕42号" in caught.value.basis
    assert (Decision.objects.count(), AuditEvent.objects.count()) == before


def test_a_comment_period_under_30_days_needs_a_reason(people):
    decision = start(people)
    call = lambda a: s.decision_open_comment(  # noqa: E731
        decision=decision, opens=date(2019, 9, 2), closes=date(2019, 9, 30), actor=a
    )
    assert_refused(call, people["clerk"], obj=decision)
    s.decision_open_comment(
        decision=decision,
        opens=date(2019, 9, 2),
        closes=date(2019, 9, 30),
        short_reason="上级部署限期完成",
        actor=people["clerk"],
    )


def test_a_review_given_before_the_7th_working_day_is_refused(people, counsel):
    decision = start(people)
    review = s.decision_submit_review(
        decision=decision, materials="草案", actor=people["clerk"], on=date(2019, 9, 26)
    )
    assert review.earliest_on == date(2019, 10, 11)  # 调休 Sunday 9-29 counts, 国庆 does not
    opinion = give_opinion(people, counsel, decision)
    call = lambda a, on: s.decision_review(  # noqa: E731
        review=review,
        conclusion="lawful",
        opinion="合法",
        counsel_opinion=opinion,
        actor=a,
        on=on,
    )
    assert_refused(lambda a: call(a, date(2019, 10, 10)), people["reviewer"], obj=review)
    call(people["reviewer"], date(2019, 10, 11))


def test_a_review_without_a_signed_counsel_opinion_is_refused(people, counsel):
    decision = start(people)
    review = s.decision_submit_review(
        decision=decision, materials="草案", actor=people["clerk"], on=date(2019, 10, 8)
    )
    unsigned = s.counsel_request(
        matter_type="decision",
        matter_id=decision.pk,
        matter_title="x",
        org_unit=decision.org_unit,
        counsel=counsel["lawyer"],
        question="q",
        materials="m",
        due_on=date(2019, 10, 20),
        actor=people["clerk"],
        on=date(2019, 10, 8),
    )
    with pytest.raises(Refused) as caught:
        s.decision_review(
            review=review,
            conclusion="lawful",
            opinion="合法",
            counsel_opinion=unsigned,
            actor=people["reviewer"],
            on=date(2019, 10, 20),
        )
    assert caught.value.code == Code.COUNSEL_OPINION_MISSING and "第二十八条" in caught.value.basis


def test_head_must_speak_last_and_dissent_must_be_minuted(people, counsel):
    decision = start(people)
    close_gates(people, counsel, decision)
    head_first = [{**SPEAKERS[3], "order": 0}, *SPEAKERS[:3]]
    assert_refused(
        lambda a: _discuss(people, decision, speakers=head_first), people["head"], obj=decision
    )
    silent = [SPEAKERS[0], {**SPEAKERS[1], "remarks": ""}, SPEAKERS[2], SPEAKERS[3]]
    with pytest.raises(Refused) as caught:
        _discuss(people, decision, speakers=silent)
    assert caught.value.code == Code.DISSENT_NOT_MINUTED


def test_a_market_decision_needs_a_fair_competition_conclusion(people, counsel):
    decision = start(people, affects_market=True)
    close_gates(people, counsel, decision)
    with pytest.raises(Refused) as caught:
        _discuss(people, decision)
    assert caught.value.code == Code.NO_COMPETITION_CONCLUSION
    review = s.competition_open(
        matter_type="decision",
        matter_id=decision.pk,
        title=decision.title,
        org_unit=decision.org_unit,
        affects_reason="涉及用人单位缴费",
        actor=people["clerk"],
    )
    s.competition_consult(
        review=review,
        who="市企业联合会",
        how="座谈会",
        views="无异议",
        on=date(2019, 10, 10),
        actor=people["clerk"],
    )
    s.competition_conclude(
        review=review,
        answers=answers_2016(),
        conclusion="passes",
        explanation="不违反审查标准",
        actor=people["clerk"],
        on=date(2019, 10, 12),
    )
    assert _discuss(people, decision).stage == "decided"


def test_comment_after_the_period_is_refused_and_comments_wait_for_moderation(people):
    from datetime import UTC, datetime

    decision = start(people)
    s.decision_open_comment(
        decision=decision, opens=date(2019, 9, 2), closes=date(2019, 10, 1), actor=people["clerk"]
    )
    comment = s.comment_submit(
        decision=decision,
        text="建议提高标准",
        ip="10.0.0.1",
        contact="13800000000",
        at=datetime(2019, 9, 5, 2, tzinfo=UTC),
    )
    assert comment.approved is None
    with pytest.raises(Refused) as caught:
        s.comment_submit(
            decision=decision,
            text="晚到的意见",
            ip="10.0.0.1",
            at=datetime(2019, 10, 3, 2, tzinfo=UTC),
        )
    assert caught.value.code == Code.COMMENT_CLOSED
    with pytest.raises(Refused):  # too long (normdocs' length check)
        s.comment_submit(
            decision=decision,
            text="长" * 5001,
            ip="10.0.0.2",
            at=datetime(2019, 9, 6, 2, tzinfo=UTC),
        )


def test_a_conflicted_counsel_is_refused(people, counsel):
    decision = start(people)
    s.counsel_declare_conflict(
        counsel=counsel["lawyer"],
        matter_type="decision",
        matter_id=decision.pk,
        description="曾代理相关企业",
        actor=people["lawyer_user"],
    )
    with pytest.raises(Refused) as caught:
        give_opinion(people, counsel, decision)
    assert caught.value.code == Code.COUNSEL_CONFLICT


def test_only_the_chief_signs_and_counsel_see_only_their_own(people, counsel):
    from fazhi.decisions.selectors import opinions_visible_to

    decision = start(people)
    opinion = s.counsel_request(
        matter_type="decision",
        matter_id=decision.pk,
        matter_title="x",
        org_unit=decision.org_unit,
        counsel=counsel["chief"],
        question="q",
        materials="m",
        due_on=date(2019, 10, 20),
        actor=people["clerk"],
        on=date(2019, 10, 8),
    )
    assert not opinions_visible_to(people["lawyer_user"]).filter(pk=opinion.pk).exists()
    assert opinions_visible_to(people["chief_user"]).filter(pk=opinion.pk).exists()
    s.counsel_answer(
        opinion=opinion,
        facts="f",
        legal_basis="b",
        conclusion="risk",
        text="t",
        actor=people["reviewer"],
    )
    with pytest.raises(Refused) as caught:
        s.counsel_sign_off(opinion=opinion, actor=people["reviewer"])
    assert caught.value.code == Code.NOT_CHIEF
    s.counsel_sign_off(opinion=opinion, actor=people["chief_user"])
    with pytest.raises(Refused):
        s.counsel_adoption(opinion=opinion, adopted=False, actor=people["clerk"])
    assert (
        s.counsel_adoption(
            opinion=opinion, adopted=False, reason="已另行处理", actor=people["clerk"]
        ).adopted
        is False
    )


def test_an_exception_without_a_term_is_refused_and_2024_uses_19_standards(people):
    from fazhi.decisions.domain.competition import STANDARDS_2024
    from fazhi.decisions.selectors import exceptions_ending

    review = s.competition_open(
        matter_type="normdoc",
        matter_id=1,
        title="就业补贴办法",
        org_unit=people["units"]["zongdui"],
        affects_reason="补贴经营者",
        actor=people["clerk"],
    )
    s.competition_consult(
        review=review,
        who="行业协会",
        how="书面",
        views="同意",
        on=date(2024, 9, 1),
        actor=people["clerk"],
    )
    answers = {st.code: {"violates": False, "reason": "不涉及"} for st in STANDARDS_2024}
    answers["10.2"] = {"violates": True, "reason": "对重点群体就业给予补贴"}
    call = lambda a, **kw: s.competition_conclude(  # noqa: E731
        review=review,
        answers=answers,
        conclusion="exception",
        explanation="例外",
        ground="public_interest",
        alternatives="无影响更小的方案",
        actor=a,
        on=date(2024, 9, 2),
        **kw,
    )
    assert_refused(call, people["clerk"], obj=review)
    with pytest.raises(Refused):  # the 2016 checklist is not the one in force in 2024
        s.competition_conclude(
            review=review,
            answers=answers_2016(),
            conclusion="passes",
            explanation="x",
            actor=people["clerk"],
            on=date(2024, 9, 2),
        )
    call(people["clerk"], term_end=date(2026, 9, 1))
    assert list(exceptions_ending(date(2026, 8, 1))) == [review]
    from fazhi.core.selectors.deadlines import deadlines_for_subject

    assert deadlines_for_subject(subject=review).get().due == date(2026, 9, 1)


def test_catalogue_published_after_party_agreement_adjusted_with_reasons(people):
    legal, bureau = people["legal"], people["units"]["bureau"]
    cat = s.catalogue_draft(org_unit=bureau, year=2019, actor=legal)
    item = s.catalogue_add_item(
        catalogue=cat, title="工伤保险待遇调整", sponsor=people["units"]["zongdui"], actor=legal
    )
    s.catalogue_publish(
        catalogue=cat, party_agreed_on=date(2019, 3, 1), actor=legal, on=date(2019, 3, 5)
    )
    assert_refused(
        lambda a: s.catalogue_add_item(catalogue=cat, title="新增", sponsor=bureau, actor=a), legal
    )
    s.catalogue_add_item(
        catalogue=cat, title="新增", sponsor=bureau, reason="市政府部署", actor=legal
    )
    assert_refused(
        lambda a: s.catalogue_withdraw_item(item=item, reason="", actor=a), legal, obj=item
    )
    assert s.catalogue_withdraw_item(item=item, reason="条件变化", actor=legal).withdrawn_on
    assert Decision.objects.count() == 0


def test_the_review_minimum_is_a_setting(people, settings):
    settings.FAZHI = {**settings.FAZHI, "DECISIONS_MIN_REVIEW_WORKING_DAYS": 10}
    decision = start(people)
    review = s.decision_submit_review(
        decision=decision, materials="草案", actor=people["clerk"], on=date(2019, 9, 26)
    )
    # 7 working days → 10-11; then 调休 Saturday 10-12, 10-14, 10-15
    assert review.earliest_on == date(2019, 10, 15)


def test_archive_and_exception_terms_are_deadlines_on_the_clock(people, counsel):
    from fazhi.core.selectors.deadlines import deadlines_for_subject

    decision = start(people)
    close_gates(people, counsel, decision)
    decision = _discuss(people, decision)
    archive = deadlines_for_subject(subject=decision).get()
    assert archive.due == date(2019, 11, 19) and archive.met_on is None
    with on_day(date(2019, 11, 1)):  # entered the day it was done: met (issue 18.5)
        s.decision_archive(decision=decision, actor=people["clerk"], on=date(2019, 11, 1))
    archive.refresh_from_db()
    assert archive.status == "met"
