"""The demo: the seed's 2019 decision figures come out of the records; loading twice adds none."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.scenario import DemoContext, _ensure_units, _ensure_users
from fazhi.accounts.services import roles_ensure
from fazhi.core.selectors.figures import compute
from fazhi.decisions import demo
from fazhi.decisions import services as s
from fazhi.decisions.models import CompetitionReview, Decision

pytestmark = pytest.mark.django_db


def _ctx():
    roles_ensure(actor=SYSTEM)
    created: Counter[str] = Counter()
    units = _ensure_units(created)
    users = _ensure_users(units, created)
    return DemoContext(actor=users["admin"], today=date(2025, 6, 16), units=units, users=users)


def test_demo_gives_the_2019_decision_figures_and_is_idempotent():
    ctx = _ctx()
    demo.load(ctx)
    demo.load(ctx)
    assert Decision.objects.count() == 3 and set(
        Decision.objects.values_list("stage", flat=True)
    ) == {"published"}
    assert compute("decisions.major_decisions", 2019).value == 3
    # seed 三(三): 所有重大行政决策全部经首席法律顾问审核
    assert compute("decisions.counsel_review_rate", 2019).value == Decimal("100.00")
    assert (
        compute("decisions.fair_competition_reviews", 2019).value
        == CompetitionReview.objects.count()
        == 2
    )
    first = Decision.objects.get(title__contains="劳动能力鉴定")
    assert first.reviews.get().submitted_on < date(2019, 9, 1)  # under the Tianjin rule
    # issue 18.5: the demo's staff enter each step the day it is done: every typed date is
    # logged beside its entry, none flagged, and the 归档 clocks are met by that day
    from django.db.models import F

    from fazhi.core.models import Deadline
    from fazhi.decisions.models import DecisionDateEntry

    entries = DecisionDateEntry.objects.all()
    assert entries.filter(step="archive").count() == 3 and entries.count() > 3 * 8
    assert not entries.filter(flagged=True).exists()
    assert not entries.exclude(typed_on=F("entered_on")).exists()
    archive = Deadline.objects.filter(rule_code=s.RULE_ARCHIVE)
    assert archive.count() == 3 and not archive.exclude(status="met").exists()


def test_demo_2019_has_an_adjusted_catalogue_a_hearing_and_moderated_comments():
    from fazhi.decisions.models import Catalogue, Hearing
    from fazhi.decisions.selectors import catalogue_adjustments

    demo.load(_ctx())
    adjustments = catalogue_adjustments(Catalogue.objects.get(year=2019))
    assert [(a["on"], a["kind"]) for a in adjustments] == [(date(2019, 7, 1), "增加")]
    first = Decision.objects.get(title__contains="劳动能力鉴定")
    hearing = Hearing.objects.get()
    assert hearing.decision == first and (hearing.held_on - hearing.notice_on).days >= 7
    assert sorted(first.comments.values_list("approved", flat=True)) == [False, True]
    assert first.comments.get(approved=False).moderation_reason
