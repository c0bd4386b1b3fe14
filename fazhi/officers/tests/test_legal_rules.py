"""Issue 17 item 10: a card needs an exam and training on record; a long-expired card is not
"renewed"; the public check shows an expired card as 已过期; a first-time 法制审核 reviewer
holds the 法律职业资格 (行政处罚法 2021 第五十八条第二款)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.officers.models import Certificate, LegalQualification
from fazhi.officers.selectors import certificate_public, reviewer_qualification_problem
from fazhi.officers.services import certificates as cards
from fazhi.officers.services import training
from fazhi.officers.tests.conftest import make_officer
from fazhi.officers.tests.test_services import assert_refused_writes_nothing

pytestmark = pytest.mark.django_db


def _issue(officer, staff, on=date(2019, 5, 1), number="1200001900060"):
    return lambda: cards.certificate_issue(
        officer=officer, number=number, area="天津市", issued_on=on, actor=staff["manager"]
    )


def test_a_card_is_not_issued_without_exam_and_training_on_record(staff):
    officer = make_officer(staff, "赵振华", qualified_on=None)
    assert_refused_writes_nothing(_issue(officer, staff), "没有执法资格考试合格记录")
    training.exam_result_add(
        officer=officer,
        exam="资格考试",
        taken_on=date(2019, 4, 1),
        passed=True,
        actor=staff["manager"],
    )
    assert_refused_writes_nothing(_issue(officer, staff), "没有上岗培训记录")
    # a training after the issue day does not count
    training.training_record_add(
        officer=officer,
        attended_on=date(2019, 6, 1),
        course="岗前",
        hours=8,
        actor=staff["manager"],
    )
    assert_refused_writes_nothing(_issue(officer, staff), "没有上岗培训记录")
    training.training_record_add(
        officer=officer,
        attended_on=date(2019, 4, 20),
        course="岗前",
        hours=8,
        actor=staff["manager"],
    )
    assert _issue(officer, staff)().number == "1200001900060"


def test_the_legal_qualification_can_stand_for_the_exam_not_the_training(staff):
    user = make_user("lawyer", unit=staff["units"]["zhidui"], roles=["执法人员"])
    officer = make_officer(staff, "钱律", qualified_on=None, user=user)
    cards.legal_qualification_record(
        user=user, certificate_number="A2015", obtained_on=date(2015, 9, 1), actor=staff["manager"]
    )
    assert_refused_writes_nothing(_issue(officer, staff), "没有上岗培训记录")
    training.training_record_add(
        officer=officer,
        attended_on=date(2019, 4, 2),
        course="岗前",
        hours=8,
        actor=staff["manager"],
    )
    assert _issue(officer, staff)().officer == officer


def test_a_card_expired_four_years_ago_is_not_renewed(staff, pair):
    old = pair[0].certificates.get()  # valid to 2022-01-10
    assert_refused_writes_nothing(
        lambda: cards.certificate_renew(
            certificate=old,
            number="1200002600001",
            issued_on=date(2026, 1, 12),
            actor=staff["manager"],
        ),
        "超过6个月未换证",
    )
    old.refresh_from_db()
    assert old.status == Certificate.Status.VALID


def test_the_public_check_shows_an_expired_card_as_expired(staff, pair):
    found = certificate_public(number="1200001900001", today=date(2026, 12, 7))
    assert found["status_label"] == "已过期" and not found["usable"]
    assert (
        certificate_public(number="1200001900001", today=date(2020, 1, 1))["status_label"] == "有效"
    )


def test_a_first_time_reviewer_needs_the_legal_qualification(staff):
    reviewer = make_user("shenhe2", unit=staff["units"]["fagui"], roles=["法制审核人员"])
    assert "法律职业资格" in reviewer_qualification_problem(user=reviewer, on=date(2025, 3, 3))
    assert reviewer_qualification_problem(user=reviewer, on=date(2019, 3, 3)) is None  # 2017 law
    LegalQualification.objects.create(
        user=reviewer, certificate_number="A2018", obtained_on=date(2018, 12, 1)
    )
    assert reviewer_qualification_problem(user=reviewer, on=date(2025, 3, 3)) is None
