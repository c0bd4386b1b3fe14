"""The demo: every stage present, the seed's cleanup figure comes out of the ledger, idempotent."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.scenario import demo_load
from fazhi.core.models import AuditEvent
from fazhi.normdocs.models import CleanupAssessment, NormativeDocument
from fazhi.normdocs.selectors import ledger_summary

TODAY = date(2025, 6, 16)
pytestmark = pytest.mark.shared_demo(TODAY)  # loaded once (fazhi/conftest.py)


class _Everyone:
    is_authenticated = is_active = is_superuser = True
    pk = None


def test_demo_builds_every_stage_and_the_seed_cleanup_count(shared_demo):
    # then
    summary = ledger_summary(user=_Everyone(), year=2019)
    assert summary.ended_by_cleanup == 78  # seed report 二(三): 宣布失效、废止78件
    assert summary.repealed and summary.invalidated
    stages = set(NormativeDocument.objects.values_list("stage", flat=True))
    assert {
        "drafting",
        "public_comment",
        "legality_review",
        "revising",
        "fair_competition",
        "deliberation",
        "approved",
        "registered",
        "published",
        "filed",
        "correction",
        "in_force",
        "repealed",
        "invalidated",
    } <= stages
    live = NormativeDocument.objects.get(title__contains="征求意见稿")
    assert live.stage == "public_comment" and live.comments.count() == 2


def test_demo_runs_twice_without_writing_again(shared_demo):
    counts = (
        NormativeDocument.objects.count(),
        CleanupAssessment.objects.count(),
        AuditEvent.objects.filter(action__startswith="normdocs.").count(),
    )
    # when
    demo_load(today=TODAY)
    # then
    assert counts == (
        NormativeDocument.objects.count(),
        CleanupAssessment.objects.count(),
        AuditEvent.objects.filter(action__startswith="normdocs.").count(),
    )
