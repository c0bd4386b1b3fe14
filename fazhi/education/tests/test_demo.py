"""The demo: the seed's part 八 figures (4 + 11 清单 items, the base, the exam at 100%) come
out of the records, through the annual report's figure definitions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.scenario import demo_load
from fazhi.core.selectors.figures import compute
from fazhi.education.models import (
    Activity,
    DutyItem,
    EducationBase,
    Exam,
    PufaPlan,
    StageResult,
    StudyRecord,
)

pytestmark = pytest.mark.shared_demo(date(2025, 6, 16))  # loaded once (fazhi/conftest.py)


def test_demo_gives_the_seed_figures_and_is_idempotent(shared_demo):
    assert compute("education.duty_items_common", 2019).value == 4
    assert compute("education.duty_items_specific", 2019).value == 11
    assert EducationBase.objects.get().address == "河东区九经路25号"
    assert compute("education.bases", 2019).value == 1
    exam = Exam.objects.get(year=2019)
    assert compute("education.exam_participation", 2019).value == Decimal("100.00")
    assert compute("education.exam_pass", 2019).value == Decimal("100.00")
    assert exam.enrolments.count() == 7  # every demo account holding a staff role
    # the 2019 普法 activities and the competition (18 teams, 5 selected, a national 三等奖)
    assert compute("education.competition_teams", 2019).value == 18
    assert compute("education.competition_advanced", 2019).value == 5
    assert compute("education.activities", 2019).value == 5
    assert StageResult.objects.get(stage__level="全国").award == "三等奖"
    assert PufaPlan.objects.get(year=2019).issued_on == date(2019, 3, 15)
    assert StudyRecord.objects.filter(year=2019).count() > 0
    demo_load(today=date(2025, 6, 16))
    assert DutyItem.objects.count() == 15
    assert Activity.objects.filter(year=2019).count() == 5
