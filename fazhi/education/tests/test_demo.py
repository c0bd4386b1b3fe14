"""The demo: the seed's part 八 figures (4 + 11 清单 items, the base, the exam at 100%) come
out of the records, through the annual report's figure definitions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.core.demo import demo_load
from fazhi.education.models import DutyItem, EducationBase, Exam
from fazhi.reports.figures import compute

pytestmark = pytest.mark.django_db


def test_demo_gives_the_seed_figures_and_is_idempotent():
    demo_load(today=date(2025, 6, 16))
    assert compute("education.duty_items_common", 2019).value == 4
    assert compute("education.duty_items_specific", 2019).value == 11
    assert EducationBase.objects.get().address == "河东区九经路25号"
    assert compute("education.bases", 2019).value == 1
    exam = Exam.objects.get(year=2019)
    assert compute("education.exam_participation", 2019).value == Decimal("100.00")
    assert compute("education.exam_pass", 2019).value == Decimal("100.00")
    assert exam.enrolments.count() == 7  # every demo account holding a staff role
    demo_load(today=date(2025, 6, 16))
    assert DutyItem.objects.count() == 15
