"""Normative documents keep their 公平竞争审查 on the shared review of the decisions app: the
step writes it, the page shows it, and the old rows were moved by migration 0002."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from fazhi.core.domain.errors import Refused
from fazhi.core.models import Deadline
from fazhi.decisions.domain.competition import standards_on
from fazhi.decisions.models import CompetitionReview
from fazhi.decisions.services import RULE_EXCEPTION_TERM
from fazhi.normdocs import services
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.tests.factories import DAYS, make_document


@pytest.mark.django_db
def test_the_step_writes_the_shared_review(people):
    doc = make_document(people, Stage.DELIBERATION)
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    # the factory's 不涉及: a review of a measure outside business activity, passing
    assert (review.affects_market, review.conclusion) == (False, "passes")
    assert review.title == doc.title and review.org_unit_id == doc.org_unit_id
    assert review.reviewed_on is not None


def _answers(day, violated=()) -> dict:
    return {
        st.code: {"violates": st.code in violated, "reason": "逐条核对文件条文。"}
        for st in standards_on(day)
    }


HEARD = [{"who": "职业培训机构代表", "how": "座谈会", "on": "2025-04-10", "views": "无意见"}]


def _review(people, doc, **kwargs):
    kwargs = {
        "conclusion": "compliant",
        "affects_reason": "涉及培训机构参与补贴性培训",
        "explanation": "逐项审查，未发现排除、限制竞争的内容",
        "stakeholders": HEARD,
        "actor": people["clerk"],
        "on": DAYS["competition"],
        **kwargs,
    }
    return services.document_review_competition(document=doc, **kwargs)


@pytest.mark.django_db
def test_a_failing_review_sends_the_draft_back_and_is_kept_as_failed(people):
    doc = make_document(people, Stage.FAIR_COMPETITION)
    doc = _review(
        people,
        doc,
        conclusion="non_compliant",
        explanation="限定了特定培训机构",
        answers=_answers(DAYS["competition"], violated={"8.3"}),
    )
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    assert (review.affects_market, review.conclusion) == (True, "fails")
    assert review.answers["8.3"]["violates"] is True
    assert doc.stage == Stage.REVISING


@pytest.mark.django_db
def test_the_checklist_of_the_review_day_is_required_with_a_reason_each(people, unchanged):
    doc = make_document(people, Stage.FAIR_COMPETITION)
    day = DAYS["competition"]
    assert len(standards_on(day)) == 19  # 《公平竞争审查条例》第八条至第十一条
    missing_reason = _answers(day)
    missing_reason["10.2"]["reason"] = " "
    for answers in (None, missing_reason, _answers(date(2019, 6, 1))):  # 2016's 18 do not do
        with unchanged(), pytest.raises(Refused, match="第八条至第十一条"):
            _review(people, doc, answers=answers)
    with unchanged(), pytest.raises(Refused, match="第十六条"):
        _review(people, doc, answers=_answers(day), stakeholders=[])
    with unchanged(), pytest.raises(Refused, match="第十八条"):  # a violation cannot pass
        _review(people, doc, answers=_answers(day, violated={"9.3"}))
    doc.refresh_from_db()
    assert doc.stage == Stage.FAIR_COMPETITION
    doc = _review(people, doc, answers=_answers(day))
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    assert len(review.answers) == 19 and review.stakeholders[0]["who"] == "职业培训机构代表"
    assert review.affects_reason == "涉及培训机构参与补贴性培训"
    assert doc.stage == Stage.DELIBERATION


@pytest.mark.django_db
def test_an_exception_needs_ground_alternatives_and_a_term_which_goes_on_the_clock(
    people, unchanged
):
    doc = make_document(people, Stage.FAIR_COMPETITION)
    day = DAYS["competition"]
    exception = {
        "conclusion": "exception",
        "answers": _answers(day, violated={"10.2"}),
        "ground": "public_interest",
        "alternatives": "没有对公平竞争影响更小的替代方案",
    }
    with unchanged(), pytest.raises(Refused, match="第十二条"):
        _review(people, doc, **exception)  # no term
    _review(people, doc, **exception, term_end=date(2027, 4, 13))
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    assert (review.conclusion, review.term_end) == ("exception", date(2027, 4, 13))
    reminder = Deadline.objects.get(rule_code=RULE_EXCEPTION_TERM)
    assert (reminder.subject_id, reminder.due) == (str(review.pk), date(2027, 4, 13))


@pytest.mark.django_db
def test_a_document_without_a_conclusion_cannot_be_published(people, unchanged):
    doc = make_document(people, Stage.REGISTERED)
    CompetitionReview.objects.filter(matter_type="normdoc", matter_id=doc.pk).delete()
    with unchanged(), pytest.raises(Refused, match="第十八条"):
        services.document_publish(
            document=doc,
            interpretation_title="解读",
            interpretation_text="解读正文",
            actor=people["legal"],
            on=DAYS["published"],
        )
    doc.refresh_from_db()
    assert doc.stage == Stage.REGISTERED and doc.published_on is None


@pytest.mark.django_db
def test_the_step_form_on_the_page_lists_the_checklist_and_keeps_a_refused_input(client, people):
    doc = make_document(people, Stage.FAIR_COMPETITION)
    client.force_login(people["clerk"])
    page = client.get(reverse("normdocs:document_detail", args=[doc.pk])).content.decode()
    assert "10.2 不得给予特定经营者选择性、差异化的财政奖励或者补贴" in page
    step = reverse("normdocs:document_action", args=[doc.pk, "fair_competition"])
    day = DAYS["competition"].isoformat()
    post = {
        "fair_competition-on": day,
        "fair_competition-conclusion": "compliant",
        "fair_competition-affects_reason": "涉及培训机构",
        "fair_competition-explanation": "逐项审查",
        "fair_competition-consulted_who": "培训机构代表",
        "fair_competition-consulted_how": "座谈会",
        "fair_competition-consulted_on": day,
        **{f"fair_competition-v_{st.code}": "no" for st in standards_on(DAYS["competition"])},
        **{f"fair_competition-r_{st.code}": "无此内容" for st in standards_on(DAYS["competition"])},
    }
    refused = client.post(step, {**post, "fair_competition-r_11.4": ""})
    assert "11.4" in refused.content.decode() and "第八条至第十一条" in refused.content.decode()
    assert not CompetitionReview.objects.filter(matter_type="normdoc", matter_id=doc.pk).exists()
    assert client.post(step, post).status_code == 302
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    assert review.answers["11.4"] == {"violates": False, "reason": "无此内容"}
    assert review.stakeholders[0]["how"] == "座谈会"


@pytest.mark.django_db(transaction=True)
def test_migration_moves_old_rows_onto_the_shared_review(people):
    doc = make_document(people, Stage.FAIR_COMPETITION)
    executor = MigrationExecutor(connection)
    executor.migrate([("normdocs", "0001_lifecycle")])
    old_apps = executor.loader.project_state([("normdocs", "0001_lifecycle")]).apps
    Old = old_apps.get_model("normdocs", "FairCompetitionReview")
    Old.objects.create(
        document_id=doc.pk,
        reviewed_on=date(2019, 6, 3),
        reviewer_id=people["clerk"].pk,
        conclusion="non_compliant",
        explanation="限定了培训机构",
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    assert (review.conclusion, review.reviewed_on, review.explanation) == (
        "fails",
        date(2019, 6, 3),
        "限定了培训机构",
    )
    assert review.title == doc.title and review.reviewer_id == people["clerk"].pk
