"""The demo: items, ~2,000 employers, two 2019 draws with results, 100% coverage; idempotent."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.scenario import demo_load
from fazhi.inspections import selectors
from fazhi.inspections.models import Draw, Employer

pytestmark = pytest.mark.django_db


def test_demo_loads_and_is_idempotent():
    demo_load(today=date(2019, 12, 20))
    counts = (Employer.objects.count(), Draw.objects.count())
    demo_load(today=date(2019, 12, 20))
    assert (Employer.objects.count(), Draw.objects.count()) == counts
    if not Draw.objects.exists():
        pytest.skip("powers or officers demo not available")
    assert counts == (2000, 2)
    rows, rate = selectors.coverage(year=2019)
    assert rate == 1.0 and len(rows) == 5
    for draw in Draw.objects.all():
        assert selectors.draw_verification(draw).ok
