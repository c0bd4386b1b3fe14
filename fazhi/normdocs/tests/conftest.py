from __future__ import annotations

import pytest

from fazhi.core.models import AuditEvent, Deadline
from fazhi.decisions.models import CompetitionReview
from fazhi.laws.models import LegalDocument
from fazhi.normdocs.models import (
    CleanupAssessment,
    CleanupCampaign,
    Deliberation,
    DocumentArticle,
    LegalityReview,
    NormativeDocument,
    NumberCounter,
    PublicComment,
)
from fazhi.normdocs.tests.factories import make_people


@pytest.fixture
def people(org_tree):
    return make_people(org_tree)


def _rows(model) -> list:
    return sorted((tuple(sorted(r.items())) for r in model.objects.values()), key=str)


def snapshot() -> dict:
    """Every row a step could write, so a refusal can be shown to have written nothing."""
    models = (
        AuditEvent,
        Deadline,
        LegalDocument,
        NormativeDocument,
        DocumentArticle,
        PublicComment,
        LegalityReview,
        CompetitionReview,
        Deliberation,
        NumberCounter,
        CleanupCampaign,
        CleanupAssessment,
    )
    return {model.__name__: _rows(model) for model in models}


@pytest.fixture
def unchanged():
    """``with unchanged(): refused_call()`` asserts the call changed no row at all."""
    from contextlib import contextmanager

    @contextmanager
    def check():
        before = snapshot()
        yield
        assert snapshot() == before

    return check
