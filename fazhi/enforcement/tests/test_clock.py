"""Which decision clock a case gets: 60 working days (劳动保障监察), 90 days (一般程序 from
2021-07-15), or none for general cases filed under the 2017 text."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import Deadline
from fazhi.core.selectors.deadlines import deadlines_for_user
from fazhi.enforcement import selectors
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.tests.conftest import register, two
from fazhi.officers.models import Certificate, CertificateReview

pytestmark = pytest.mark.django_db


def _file(world, on: date, **overrides):
    case = register(world, source="patrol", complainant="", received_on=on, **overrides)
    return intake.case_file(
        case=case,
        on=on,
        approver=world["users"]["leader"],
        officers=two(world),
        actor=world["users"]["a"],
    )


def test_general_case_filed_in_2019_has_no_decision_clock(world):
    case = _file(world, date(2019, 5, 6), procedure="general")
    assert not Deadline.objects.filter(subject_id=str(case.pk)).exists()
    assert "2017年修正的行政处罚法" in selectors.clock_note(case)


def test_general_case_filed_after_2021_07_15_gets_90_days(world):
    for card in Certificate.objects.all():
        CertificateReview.objects.create(
            certificate=card, reviewed_on=date(2021, 1, 4), passed=True
        )
    case = _file(world, date(2021, 8, 2), procedure="general")
    deadline = Deadline.objects.get(subject_id=str(case.pk), subject_type="enforcement.case")
    assert (deadline.rule_code, deadline.due) == (
        "penalty.decision",
        date(2021, 11, 1),
    )  # 10-31 is a Sunday
    assert selectors.clock_note(case) == ""


def test_labour_inspection_case_gets_60_working_days(world):
    case = _file(world, date(2019, 5, 6))
    deadline = Deadline.objects.get(subject_id=str(case.pk), subject_type="enforcement.case")
    assert deadline.rule_code == "labor_inspection.investigation"
    assert deadline.due == date(2019, 7, 30)  # 端午 (6-7) is not a working day


def test_case_deadlines_go_to_the_lead_officers_home(world):
    """受理 to whoever registered the complaint; from 立案 on, the officer named first (主办) —
    the case, the correction order and the later clocks all appear on their 我的期限."""
    u = world["users"]
    case = register(world, actor=u["c"])
    mine = deadlines_for_user(user=u["c"], today=date(2019, 3, 5))
    assert [(r.deadline.rule_code, r.url) for r in mine] == [
        ("labor_inspection.complaint_acceptance", f"/staff/enforcement/cases/{case.pk}/")
    ]
    case = intake.case_accept(case=case, on=date(2019, 3, 6), actor=u["c"])
    intake.case_file(
        case=case,
        on=date(2019, 3, 6),
        approver=u["leader"],
        officers=[world["officers"]["b"], world["officers"]["a"]],
        actor=u["c"],
    )
    acts.case_order_correction(
        case=case,
        on=date(2019, 3, 8),
        due_on=date(2019, 3, 18),
        items="立即支付拖欠的工资",
        officers=two(world),
        actor=u["a"],
    )
    lead = deadlines_for_user(user=u["b"], today=date(2019, 3, 8))
    assert [r.deadline.rule_code for r in lead] == [
        "enforcement.correction_order",
        "labor_inspection.investigation",
    ]
    assert deadlines_for_user(user=u["a"], today=date(2019, 3, 8)) == []
