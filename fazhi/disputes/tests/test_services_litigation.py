"""Litigation services along the seed's workflow."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.domain.litigation import Instance, Outcome, Step
from fazhi.disputes.models import LitigationCase
from fazhi.disputes.services import litigation as lit

pytestmark = pytest.mark.django_db


def register(people, **overrides):
    values = {
        "org_unit": people["units"]["zhidui"],
        "court": "天津市和平区人民法院",
        "case_number": "（2019）津0101行初12号",
        "instance": Instance.FIRST,
        "plaintiff": "某公司",
        "act": "劳动保障监察行政处罚决定书",
        "claims": "撤销处罚决定",
        "received_on": date(2019, 4, 1),
        "actor": people["legal"],
        "handler": people["legal"],
    }
    values.update(overrides)
    return lit.litigation_register(**values)


def test_the_whole_workflow_with_deadlines_and_audit(people):
    case = register(people)
    answer = Deadline.objects.get(subject_id=str(case.pk), rule_code="litigation.answer")
    assert answer.due == date(2019, 4, 16)  # 15 calendar days
    lit.litigation_approve(
        case=case,
        approver=people["leader"],
        agent="孙法规",
        on=date(2019, 4, 3),
        actor=people["legal"],
    )
    case = lit.litigation_answer(case=case, on=date(2019, 4, 12), actor=people["legal"])
    assert not case.answer_late
    lit.litigation_hearing(
        case=case,
        on=date(2019, 5, 20),
        head_appeared=True,
        head_name="钱局长",
        actor=people["legal"],
    )
    case = lit.litigation_judge(
        case=case,
        outcome=Outcome.REVOKE,
        served_on=date(2019, 6, 10),
        error_cause="procedure",
        actor=people["legal"],
    )
    appeal = Deadline.objects.get(subject_id=str(case.pk), rule_code="litigation.appeal_judgment")
    assert appeal.due == date(2019, 6, 25) and case.is_lost
    with pytest.raises(Refused, match="第八十五条"):
        lit.litigation_perform(
            case=case, on=date(2019, 6, 20), note="已重作", actor=people["legal"]
        )
    case = lit.litigation_perform(
        case=case, on=date(2019, 7, 1), note="已重新作出处理决定", actor=people["legal"]
    )
    assert case.step == Step.PERFORMED
    appeal.refresh_from_db()
    assert appeal.status == DeadlineStatus.CANCELLED
    assert AuditEvent.objects.filter(action__startswith="disputes.litigation.").count() == 6


def test_a_late_answer_is_flagged_with_the_article(people):
    case = register(people)
    lit.litigation_approve(
        case=case,
        approver=people["leader"],
        agent="孙法规",
        on=date(2019, 4, 3),
        actor=people["legal"],
    )
    case = lit.litigation_answer(case=case, on=date(2019, 4, 17), actor=people["legal"])
    assert case.answer_late
    event = AuditEvent.objects.get(action="disputes.litigation.answer")
    assert event.data["late"] is True and "第六十七条" in event.data["basis"]


def test_refusals_write_nothing(people):
    case = register(people)
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        lit.litigation_approve(
            case=case,
            approver=people["legal"],
            agent="x",
            on=date(2019, 4, 3),
            actor=people["legal"],
        )
    with pytest.raises(Refused):
        lit.litigation_answer(case=case, on=date(2019, 4, 5), actor=people["legal"])
    with pytest.raises(Refused):
        register(people)  # same case number
    assert AuditEvent.objects.count() == before
    assert LitigationCase.objects.get().step == Step.RECEIVED


def test_absence_needs_a_reason_and_a_stand_in(people):
    case = register(people)
    lit.litigation_approve(
        case=case,
        approver=people["leader"],
        agent="孙法规",
        on=date(2019, 4, 3),
        actor=people["legal"],
    )
    lit.litigation_answer(case=case, on=date(2019, 4, 12), actor=people["legal"])
    with pytest.raises(Refused, match="第八条"):
        lit.litigation_hearing(
            case=case,
            on=date(2019, 5, 20),
            head_appeared=False,
            stand_in="律师",
            actor=people["legal"],
        )
    # issue 17 item 17: an outside lawyer, or anyone not on the agency's staff, is refused
    events = AuditEvent.objects.count()
    for outsider in ("天津某律师事务所王律师", "王某"):
        with pytest.raises(Refused) as info:
            lit.litigation_hearing(
                case=case,
                on=date(2019, 5, 20),
                head_appeared=False,
                stand_in=outsider,
                absence_reason="official_duty",
                actor=people["legal"],
            )
        assert info.value.code == "litigation_lawyer_alone"
        assert "第三条第三款" in info.value.basis
    assert AuditEvent.objects.count() == events
    assert LitigationCase.objects.get().step != Step.HEARD
    case = lit.litigation_hearing(
        case=case,
        on=date(2019, 5, 20),
        head_appeared=False,
        stand_in="officer",  # an officer of the bureau (the test account's name)
        absence_reason="official_duty",
        actor=people["legal"],
    )
    assert case.head_appeared is False and case.stand_in == "officer"
