"""The demo: the seed's 2019 figures come out of the register; a second run adds nothing."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.scenario import demo_load
from fazhi.disputes.models import LitigationCase, ReconsiderationCase
from fazhi.disputes.selectors import feedback_figures, year_counts

TODAY = date(2025, 6, 16)
pytestmark = pytest.mark.shared_demo(TODAY)  # loaded once (fazhi/conftest.py)


class _Everyone:
    is_authenticated = is_active = is_superuser = True
    pk = None


def test_demo_gives_the_seed_counts_and_is_idempotent(shared_demo):
    counts = year_counts(year=2019)
    assert counts["reconsideration_accepted"] == 141  # seed report 六: 受理行政复议案件141件
    assert counts["litigation_handled"] == 107  # seed report 六: 办理行政应诉案件107件
    assert counts["reconsideration_received"] > counts["reconsideration_accepted"]
    _rows, total = feedback_figures(user=_Everyone(), year=2019)
    assert 0 < total.corrected < total.decided and 0 < total.lost < total.judged
    assert 0 < total.head_appeared < total.heard
    assert ReconsiderationCase.objects.filter(decided_late=False, status="served").exists()
    assert LitigationCase.objects.filter(reconsideration__decision="uphold").exists()
    before = (ReconsiderationCase.objects.count(), LitigationCase.objects.count())
    demo_load(today=TODAY)
    assert (ReconsiderationCase.objects.count(), LitigationCase.objects.count()) == before
