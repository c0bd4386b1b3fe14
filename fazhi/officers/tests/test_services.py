"""Services: each change is audited; each refusal writes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.officers.models import (
    Certificate,
    CertificateReview,
    CertificateSuspension,
    ExamResult,
    Officer,
    TrainingRecord,
)
from fazhi.officers.services import certificates as cards
from fazhi.officers.services import officers as people
from fazhi.officers.services import training
from fazhi.officers.tests.conftest import make_officer

pytestmark = pytest.mark.django_db


def _snapshot():
    return tuple(
        m.objects.count()
        for m in (
            AuditEvent,
            Officer,
            Certificate,
            CertificateReview,
            CertificateSuspension,
            TrainingRecord,
            ExamResult,
        )
    ) + tuple(Certificate.objects.order_by("pk").values_list("status", "revoked_on"))


def assert_refused_writes_nothing(call, text: str):
    before = _snapshot()
    with pytest.raises(Refused) as exc:
        call()
    assert text in str(exc.value)
    assert _snapshot() == before


def test_issue_is_audited_and_computes_the_expiry(staff):
    officer = make_officer(staff, "王立新")
    card = cards.certificate_issue(
        officer=officer,
        number=" 1200001900009 ",
        area="天津市",
        issued_on=date(2016, 2, 29),
        actor=staff["manager"],
    )
    assert card.number == "1200001900009" and card.expires_on == date(2019, 2, 28)
    event = AuditEvent.objects.get(action="officers.certificate.issue")
    assert event.actor == staff["manager"] and event.data["number"] == "1200001900009"
    assert AuditEvent.objects.filter(action="officers.officer.create").count() == 1


def test_issue_refusals_write_nothing(staff, pair):
    first, _second = pair
    other = make_officer(staff, "赵振华")
    assert_refused_writes_nothing(
        lambda: cards.certificate_issue(
            officer=other,
            number="1200001900001",
            area="天津市",
            issued_on=date(2019, 2, 1),
            actor=staff["manager"],
        ),
        "已被使用",
    )
    assert_refused_writes_nothing(
        lambda: cards.certificate_issue(
            officer=first,
            number="1200001900099",
            area="天津市",
            issued_on=date(2019, 2, 1),
            actor=staff["manager"],
        ),
        "一人只能持有一个有效执法证",
    )
    people.officer_deactivate(
        officer=other, on=date(2019, 2, 1), reason="调离", actor=staff["manager"]
    )
    assert_refused_writes_nothing(
        lambda: cards.certificate_issue(
            officer=other,
            number="1200001900098",
            area="天津市",
            issued_on=date(2019, 3, 1),
            actor=staff["manager"],
        ),
        "已离岗",
    )


def test_renew_replaces_the_old_card(staff, pair):
    officer = pair[0]
    old = officer.certificates.get()
    new = cards.certificate_renew(
        certificate=old,
        number="1200002200001",
        issued_on=date(2021, 12, 20),
        actor=staff["manager"],
    )
    old.refresh_from_db()
    assert old.status == "revoked" and old.status_reason == "换证"
    assert old.revoked_on == date(2021, 12, 20)
    assert new.renewed_from == old and new.expires_on == date(2024, 12, 20)
    assert AuditEvent.objects.filter(action="officers.certificate.renew").count() == 1
    assert_refused_writes_nothing(
        lambda: cards.certificate_renew(
            certificate=old,
            number="1200002200002",
            issued_on=date(2022, 1, 5),
            actor=staff["manager"],
        ),
        "已注销",
    )


def test_suspend_reinstate_revoke(staff, pair):
    card = pair[0].certificates.get()
    cards.certificate_suspend(
        certificate=card, on=date(2019, 5, 1), reason="接受调查", actor=staff["manager"]
    )
    assert_refused_writes_nothing(
        lambda: cards.certificate_suspend(
            certificate=card, on=date(2019, 5, 2), reason="again", actor=staff["manager"]
        ),
        "不能暂扣",
    )
    assert_refused_writes_nothing(
        lambda: cards.certificate_renew(
            certificate=card,
            number="1200001900077",
            issued_on=date(2019, 6, 1),
            actor=staff["manager"],
        ),
        "暂扣期间不能换证",
    )
    assert_refused_writes_nothing(
        lambda: cards.certificate_reinstate(
            certificate=card, on=date(2019, 4, 1), actor=staff["manager"]
        ),
        "不能早于暂扣日期",
    )
    cards.certificate_reinstate(certificate=card, on=date(2019, 6, 1), actor=staff["manager"])
    card.refresh_from_db()
    assert card.status == "valid"
    assert card.suspensions.get().until == date(2019, 6, 1)
    assert_refused_writes_nothing(
        lambda: cards.certificate_revoke(
            certificate=card, on=date(2019, 7, 1), reason=" ", actor=staff["manager"]
        ),
        "请填写注销原因",
    )
    cards.certificate_revoke(
        certificate=card, on=date(2019, 7, 1), reason="严重违纪", actor=staff["manager"]
    )
    card.refresh_from_db()
    assert card.status == "revoked" and card.revoked_on == date(2019, 7, 1)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "officers.certificate.suspend",
        "officers.certificate.reinstate",
        "officers.certificate.revoke",
    } <= actions


def test_review_pass_and_fail(staff, pair):
    card = pair[0].certificates.get()
    cards.certificate_review_record(
        certificate=card, reviewed_on=date(2020, 1, 5), passed=True, actor=staff["manager"]
    )
    card.refresh_from_db()
    assert card.last_reviewed_on == date(2020, 1, 5)
    assert_refused_writes_nothing(
        lambda: cards.certificate_review_record(
            certificate=card, reviewed_on=date(2021, 1, 5), passed=False, actor=staff["manager"]
        ),
        "须写明原因",
    )
    assert_refused_writes_nothing(
        lambda: cards.certificate_review_record(
            certificate=card, reviewed_on=date(2020, 1, 5), passed=True, actor=staff["manager"]
        ),
        "已有年审记录",
    )
    cards.certificate_review_record(
        certificate=card,
        reviewed_on=date(2021, 1, 5),
        passed=False,
        note="培训学时不足",
        actor=staff["manager"],
    )
    card.refresh_from_db()
    assert card.status == "suspended" and "年审不合格" in card.status_reason
    assert AuditEvent.objects.filter(action="officers.certificate.review").count() == 2


def test_training_and_exam(staff, pair):
    officer = pair[0]
    before = AuditEvent.objects.filter(
        action__in=["officers.training.add", "officers.exam.add"]
    ).count()
    row = training.training_record_add(
        officer=officer,
        attended_on=date(2019, 3, 14),
        course="行政处罚法培训",
        hours="24",
        actor=staff["manager"],
    )
    assert row.year == 2019 and str(row.hours) == "24.0"
    assert_refused_writes_nothing(
        lambda: training.training_record_add(
            officer=officer,
            attended_on=date(2019, 3, 14),
            course="行政处罚法培训",
            hours=2,
            actor=staff["manager"],
        ),
        "已登记",
    )
    assert_refused_writes_nothing(
        lambda: training.training_record_add(
            officer=officer,
            attended_on=date(2019, 3, 15),
            course="x",
            hours=0,
            actor=staff["manager"],
        ),
        "学时须大于0",
    )
    training.exam_result_add(
        officer=officer,
        exam="换证考核",
        taken_on=date(2019, 5, 1),
        score=88,
        passed=True,
        actor=staff["manager"],
    )
    assert_refused_writes_nothing(
        lambda: training.exam_result_add(
            officer=officer,
            exam="换证考核",
            taken_on=date(2019, 6, 1),
            score=101,
            passed=True,
            actor=staff["manager"],
        ),
        "0至100",
    )
    assert (
        AuditEvent.objects.filter(action__in=["officers.training.add", "officers.exam.add"]).count()
        == before + 2
    )


def test_officer_update_and_deactivate(staff, pair):
    officer = pair[1]
    people.officer_update(
        officer=officer,
        name="李海燕",
        org_unit=staff["units"]["district_team"],
        actor=staff["manager"],
    )
    officer.refresh_from_db()
    assert officer.org_unit == staff["units"]["district_team"]
    assert_refused_writes_nothing(
        lambda: people.officer_update(
            officer=officer, user=staff["officer_user"], actor=staff["manager"]
        ),
        "已关联其他执法人员",
    )
    people.officer_deactivate(
        officer=officer, on=date(2019, 9, 1), reason="退休", actor=staff["manager"]
    )
    card = officer.certificates.get()
    assert card.status == "revoked" and card.revoked_on == date(2019, 9, 1)
    assert "离岗" in card.status_reason
    assert_refused_writes_nothing(
        lambda: people.officer_deactivate(
            officer=officer, on=date(2019, 9, 2), reason="x", actor=staff["manager"]
        ),
        "已离岗",
    )
