"""Reconsideration services: the clock, audit events, and refusals that write nothing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.disputes.domain.errors import DisputeError, Refused
from fazhi.disputes.domain.reconsideration import DecisionType, Role, Status
from fazhi.disputes.models import ReconsiderationCase
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db


def _deadline(case, rule):
    return Deadline.objects.get(subject_id=str(case.pk), rule_code=rule)


def test_an_application_opens_the_acceptance_review_and_is_audited(people):
    case = apply(people)
    assert case.status == Status.RECEIVED and case.law == "2017"
    # 2019-03-20 (Wednesday) + 5 working days
    assert _deadline(case, "reconsideration.acceptance").due == date(2019, 3, 27)
    event = AuditEvent.objects.get(action="disputes.reconsideration.apply")
    assert event.target_id == str(case.pk) and event.actor == people["legal"]


@pytest.mark.parametrize(
    ("_case", "overrides", "match"),
    [
        ("out of time", {"act_known_on": date(2018, 12, 1)}, "第九条"),
        ("no act", {"act": "不服"}, "具体的行政行为"),
        ("bad attachment", {"attachments": ((io.BytesIO(b"MZ\x90\x00binary"), "证据.pdf"),)}, None),
    ],
)
def test_refused_applications_write_nothing(people, _case, overrides, match):
    with pytest.raises(Exception, match=match):
        apply(people, **overrides)
    assert not ReconsiderationCase.objects.exists()
    assert not AuditEvent.objects.exists()
    assert not Deadline.objects.exists()


def test_full_path_accept_reply_hearing_decide_serve(people):
    case = apply(people, handler=people["legal"])
    case = recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )
    assert _deadline(case, "reconsideration.acceptance").status == DeadlineStatus.MET
    # 2017 law: 60 calendar days from 03-25 = 05-24 (Friday)
    assert _deadline(case, "reconsideration.decision").due == date(2019, 5, 24)
    recon.reconsideration_send_copy(case=case, on=date(2019, 3, 26), actor=people["legal"])
    recon.reconsideration_reply(case=case, on=date(2019, 4, 3), actor=people["legal"])
    recon.reconsideration_add_record(
        case=case,
        kind="hearing",
        on=date(2019, 4, 20),
        summary="听证会，双方到场",
        actor=people["legal"],
    )
    case = recon.reconsideration_decide(
        case=case,
        decision=DecisionType.REVOKE,
        on=date(2019, 5, 20),
        actor=people["legal"],
        error_cause="facts_unclear",
    )
    case = recon.reconsideration_serve(case=case, on=date(2019, 5, 22), actor=people["legal"])
    assert case.status == Status.SERVED and case.is_corrected and not case.decided_late
    actions = list(
        AuditEvent.objects.filter(action__startswith="disputes.").values_list("action", flat=True)
    )
    assert actions[-1] == "disputes.reconsideration.serve" and len(actions) == 7


def test_suspension_stops_the_clock_and_resumption_restarts_it(people):
    case = apply(people)
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )
    case = recon.reconsideration_suspend(
        case=case, on=date(2019, 4, 24), reason="等待工伤鉴定结论", actor=people["legal"]
    )
    assert case.suspension_days_left == 30  # 05-24 − 04-24
    assert _deadline(case, "reconsideration.decision").status == DeadlineStatus.CANCELLED
    case = recon.reconsideration_resume(case=case, on=date(2019, 6, 3), actor=people["legal"])
    assert _deadline(case, "reconsideration.decision_resumed").due == date(2019, 7, 3)


def test_a_late_decision_is_flagged_and_extension_needs_a_leader(people):
    case = apply(people)
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        recon.reconsideration_extend(
            case=case, approver=people["legal"], reason="案情复杂", actor=people["legal"]
        )
    assert AuditEvent.objects.count() == before
    assert not ReconsiderationCase.objects.get(pk=case.pk).is_extended
    case = recon.reconsideration_decide(
        case=case, decision=DecisionType.UPHOLD, on=date(2019, 6, 10), actor=people["legal"]
    )
    assert case.decided_late
    assert _deadline(case, "reconsideration.decision").status == DeadlineStatus.MISSED


def test_extension_adds_thirty_days(people):
    case = apply(people)
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )
    recon.reconsideration_extend(
        case=case, approver=people["leader"], reason="案情复杂", actor=people["legal"]
    )
    assert _deadline(case, "reconsideration.decision").due == date(2019, 6, 24)
    with pytest.raises(Refused):
        recon.reconsideration_extend(
            case=case, approver=people["leader"], reason="再延", actor=people["legal"]
        )


def test_as_respondent_under_the_2023_law_the_reply_is_ten_working_days(people):
    case = apply(
        people,
        role=Role.RESPONDENT,
        org_unit=people["units"]["bureau"],
        respondent="市人社局",
        act_known_on=date(2024, 9, 1),
        received_on=date(2024, 9, 27),
    )
    assert case.law == "2023" and case.status == Status.ACCEPTED
    assert _deadline(case, "reconsideration.reply").due == date(2024, 10, 16)


def test_correction_then_rejection(people):
    case = apply(people)
    with pytest.raises(Refused):
        recon.reconsideration_review(
            case=case, outcome="reject", on=date(2019, 3, 21), actor=people["legal"]
        )
    recon.reconsideration_review(
        case=case,
        outcome="correct",
        on=date(2019, 3, 21),
        note="请补充身份证明",
        actor=people["legal"],
    )
    case = recon.reconsideration_corrected(case=case, on=date(2019, 3, 28), actor=people["legal"])
    assert case.status == Status.RECEIVED
    case = recon.reconsideration_review(
        case=case,
        outcome="reject",
        on=date(2019, 3, 29),
        note="不属于行政复议范围",
        actor=people["legal"],
    )
    assert case.status == Status.REJECTED


def test_a_2025_application_against_a_district_bureau_is_not_registered_as_body(people):
    # issue 17 item 7: 2023 第二十四条 — the district government is the 复议机关
    with pytest.raises(Refused) as info:
        apply(people, act_known_on=date(2025, 3, 1), received_on=date(2025, 3, 20))
    assert info.value.code == DisputeError.NOT_THE_BODY
    assert "第二十四条" in info.value.basis
    assert not ReconsiderationCase.objects.exists()
    assert not Deadline.objects.exists() and not AuditEvent.objects.exists()
    # under the 2017 law (received 2023) the bureau could be chosen (第十二条)
    assert (
        apply(people, act_known_on=date(2023, 12, 1), received_on=date(2023, 12, 20)).law == "2017"
    )


def test_the_service_refuses_a_bad_id_number_whatever_the_entry_point(people):
    # issue 17 item 15: staff form and API go through the same service
    with pytest.raises(Refused) as info:
        apply(people, applicant_id_number="120101199001011234")
    assert info.value.code == DisputeError.INVALID_IDENTIFIER
    assert "GB 11643" in info.value.basis
    with pytest.raises(Refused):
        apply(people, applicant_phone="1380000")
    assert not ReconsiderationCase.objects.exists() and not AuditEvent.objects.exists()
