"""Normative documents keep their 公平竞争审查 on the shared review of the decisions app: the
step writes it, the page shows it, and the old rows were moved by migration 0002."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from fazhi.decisions.models import CompetitionReview
from fazhi.normdocs import services
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.tests.factories import make_document


@pytest.mark.django_db
def test_the_step_writes_the_shared_review(people):
    doc = make_document(people, Stage.DELIBERATION)
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    # the factory's 不涉及: a review of a measure outside business activity, passing
    assert (review.affects_market, review.conclusion) == (False, "passes")
    assert review.title == doc.title and review.org_unit_id == doc.org_unit_id
    assert review.reviewed_on is not None


@pytest.mark.django_db
def test_a_failing_review_sends_the_draft_back_and_is_kept_as_failed(people):
    doc = make_document(people, Stage.FAIR_COMPETITION)
    doc = services.document_review_competition(
        document=doc,
        conclusion="non_compliant",
        explanation="限定了特定培训机构",
        actor=people["clerk"],
        on=doc.legality_reviews.get().reviewed_on,
    )
    review = CompetitionReview.objects.get(matter_type="normdoc", matter_id=doc.pk)
    assert (review.affects_market, review.conclusion) == (True, "fails")
    assert doc.stage == Stage.REVISING


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
