"""Case services: each step audits itself; every refusal names its article and writes nothing."""

from __future__ import annotations

import io
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline, EvidenceFile
from fazhi.enforcement.models import Case, CaseAct, Hearing, LegalReview
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.services import cases_execution as execution
from fazhi.enforcement.services.cases_common import StaleVersion
from fazhi.enforcement.testing import on_day
from fazhi.enforcement.tests.conftest import (
    FACTS,
    PNG,
    SEVEN_OK,
    WAV,
    decide,
    filed_case,
    investigated_case,
    notified_case,
    register,
    two,
)

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        AuditEvent.objects.count(),
        CaseAct.objects.count(),
        EvidenceFile.objects.count(),
        Deadline.objects.count(),
        LegalReview.objects.count(),
        Hearing.objects.count(),
        list(Case.objects.order_by("pk").values_list("status", "version")),
    )


@contextmanager
def refused(match: str):
    before = _snapshot()
    with pytest.raises((Refused, PermissionDenied), match=match):
        yield
    assert _snapshot() == before, "a refused action wrote something"


def test_register_audits_and_opens_acceptance_clock(world):
    case = register(world)
    assert case.status == "received" and case.reference == "JCZD-1-2019-0001"
    assert AuditEvent.objects.filter(
        action="enforcement.case.register", target_id=str(case.pk)
    ).exists()
    assert Deadline.objects.get(subject_id=str(case.pk)).due == date(2019, 3, 11)


def test_case_only_under_an_enforcement_power_item(world):
    with refused("权责事项"):
        register(world, power_item=world["items"]["XK-01"])


def test_patrol_case_is_filed_without_acceptance(world):
    case = register(world, source="patrol", complainant="")
    with refused("只有投诉、举报需要受理审查"):
        intake.case_accept(case=case, on=date(2019, 3, 5), actor=world["users"]["a"])
    case = intake.case_file(
        case=case,
        on=date(2019, 3, 5),
        approver=world["users"]["leader"],
        officers=two(world),
        actor=world["users"]["a"],
    )
    assert case.status == "filed"


def test_reject_needs_reason_and_meets_acceptance_clock(world):
    case = register(world)
    with refused("理由"):
        intake.case_reject(case=case, on=date(2019, 3, 5), reason="", actor=world["users"]["a"])
    with on_day(date(2019, 3, 5)):  # entered the day it was done: the clock is met
        case = intake.case_reject(
            case=case, on=date(2019, 3, 5), reason="超过两年", actor=world["users"]["a"]
        )
    assert case.status == "rejected"
    assert Deadline.objects.get(subject_id=str(case.pk)).status == "met"


def test_complaint_cannot_skip_acceptance(world):
    case = register(world)
    with refused("须先经受理审查"):
        intake.case_file(
            case=case,
            on=date(2019, 3, 5),
            approver=world["users"]["leader"],
            officers=two(world),
            actor=world["users"]["a"],
        )


def test_filing_needs_leader_and_two_certified_officers(world):
    u, o = world["users"], world["officers"]
    case = intake.case_accept(case=register(world), on=date(2019, 3, 5), actor=u["a"])
    with refused("负责人"):
        intake.case_file(
            case=case, on=date(2019, 3, 5), approver=u["a"], officers=two(world), actor=u["a"]
        )
    with refused("第三十七条"):
        intake.case_file(
            case=case, on=date(2019, 3, 5), approver=u["leader"], officers=[o["a"]], actor=u["a"]
        )
    with refused("第三十七条"):
        intake.case_file(
            case=case,
            on=date(2019, 3, 5),
            approver=u["leader"],
            officers=[o["a"], o["c"]],
            actor=u["a"],
        )


def test_act_refusals(world, settings):
    case = filed_case(world)
    # the A/V rule of 查封、扣押, on an item whose basis (here, by configuration) grants it
    grant = {case.power_item.code: {"measures": ["seizure"], "basis": "（测试：假定设定依据授予）"}}
    settings.FAZHI = {**settings.FAZHI, "ENFORCEMENT_COERCION_GRANTS": grant}
    u, o = world["users"], world["officers"]
    with refused("第三十七条"):
        acts.case_record_act(
            case=case,
            kind="interview",
            on=date(2019, 3, 8),
            summary="询问",
            officers=[o["a"]],
            actor=u["a"],
        )
    with refused("第三十七条"):  # the second officer has no certificate
        acts.case_record_act(
            case=case,
            kind="interview",
            on=date(2019, 3, 8),
            summary="询问",
            officers=[o["a"], o["c"]],
            actor=u["a"],
        )
    with refused("118号"):  # 查封扣押 without audio-video
        acts.case_record_act(
            case=case,
            kind="seizure",
            on=date(2019, 3, 8),
            summary="扣押账册",
            officers=two(world),
            actor=u["a"],
            uploads=[(io.BytesIO(PNG), "照片.png")],
        )
    act = acts.case_record_act(
        case=case,
        kind="seizure",
        on=date(2019, 3, 8),
        summary="扣押账册",
        officers=two(world),
        actor=u["a"],
        uploads=[(io.BytesIO(WAV), "录音.wav")],
    )
    assert act.evidence.get().mime_type.startswith("audio/")
    event = AuditEvent.objects.get(action="enforcement.case.act")
    assert event.data["kind"] == "seizure" and len(event.data["officers"]) == 2


def test_altered_evidence_file_is_refused(world):
    case = investigated_case(world)
    evidence = EvidenceFile.objects.get()
    storage = storages["evidence"]
    storage.delete(evidence.storage_name)
    storage.save(evidence.storage_name, io.BytesIO(PNG + b"tampered"))
    with refused("哈希与入库时不一致"):
        acts.case_record_act(
            case=case,
            kind="evidence",
            on=date(2019, 3, 9),
            summary="再次调取",
            officers=two(world),
            existing=[evidence],
            actor=world["users"]["a"],
        )
    case = decision.case_notify(
        case=case,
        on=date(2019, 3, 20),
        outcome="penalty",
        fine=Decimal(45000),
        text="拖欠工资",
        facts=FACTS,
        actor=world["users"]["a"],
    )
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=world["users"]["a"])
    decision.case_review(
        case=case,
        on=date(2019, 3, 29),
        points=SEVEN_OK,
        opinion="agree",
        comments="",
        actor=world["users"]["reviewer"],
    )
    with refused("哈希"):
        decide(
            case=case,
            on=date(2019, 4, 1),
            outcome="penalty",
            fine=Decimal(45000),
            text="决定",
            actor=world["users"]["leader"],
        )


def test_notify_needs_investigation_record(world):
    case = filed_case(world)
    with refused("尚无调查取证记录"):
        decision.case_notify(
            case=case,
            on=date(2019, 3, 20),
            outcome="penalty",
            fine=Decimal(45000),
            text="拖欠工资",
            facts=FACTS,
            actor=world["users"]["a"],
        )


def test_decision_needs_required_review(world):
    case = notified_case(world)  # 45000元 ≥ 30000元: large_fine
    with refused("（2017年修正）第三十八条第三款"):
        decide(
            case=case,
            on=date(2019, 4, 1),
            outcome="penalty",
            fine=Decimal(45000),
            text="决定",
            actor=world["users"]["leader"],
        )


def test_decision_waits_for_the_hearing_request_period(world):
    case = notified_case(world)
    decision.case_review_submit(case=case, on=date(2019, 3, 21), actor=world["users"]["a"])
    decision.case_review(
        case=case,
        on=date(2019, 3, 22),
        points=SEVEN_OK,
        opinion="agree",
        comments="",
        actor=world["users"]["reviewer"],
    )
    with refused("要求听证的期限尚未届满"):
        decide(
            case=case,
            on=date(2019, 3, 25),
            outcome="penalty",
            fine=Decimal(45000),
            text="决定",
            actor=world["users"]["leader"],
        )


def test_reviewer_rules_and_round_again(world):
    case = notified_case(world)
    u = world["users"]
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=u["a"])
    with refused("限法制审核人员"):  # the gate (a PermissionDenied), not a rule of the case
        decision.case_review(
            case=case,
            on=date(2019, 3, 29),
            points=SEVEN_OK,
            opinion="agree",
            comments="",
            actor=u["leader"],
        )
    from django.contrib.auth.models import Group

    u["a"].groups.add(Group.objects.get(name="法制审核人员"))
    u["a"] = type(u["a"]).objects.get(pk=u["a"].pk)  # roles are cached per instance (request)
    with refused("调查人员不得担任"):
        decision.case_review(
            case=case,
            on=date(2019, 3, 29),
            points=SEVEN_OK,
            opinion="agree",
            comments="",
            actor=u["a"],
        )
    review = decision.case_review(
        case=case,
        on=date(2019, 3, 29),
        points={**SEVEN_OK, "documents": (False, "告知书未载明听证权利期限")},
        opinion="problems",
        comments="",
        actor=u["reviewer"],
    )
    case.refresh_from_db()
    assert case.status == "returned" and review.opinion == "problems"
    with refused("不能“提出处理意见报负责人审查”"):
        decide(
            case=case,
            on=date(2019, 4, 1),
            outcome="penalty",
            fine=Decimal(45000),
            text="决定",
            actor=u["leader"],
        )
    decision.case_review_submit(case=case, on=date(2019, 4, 1), actor=u["b"])
    second = decision.case_review(
        case=case,
        on=date(2019, 4, 2),
        points=SEVEN_OK,
        opinion="agree",
        comments="",
        actor=u["reviewer"],
    )
    assert second.round == 2


def _reviewed(world, fine=Decimal(45000)):
    case = notified_case(world, fine=fine)
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=world["users"]["a"])
    decision.case_review(
        case=case,
        on=date(2019, 3, 29),
        points=SEVEN_OK,
        opinion="agree",
        comments="",
        actor=world["users"]["reviewer"],
    )
    case.refresh_from_db()
    return case


def test_fine_outside_range_needs_reason_and_no_heavier_than_notified(world):
    case = _reviewed(world)
    leader = world["users"]["leader"]
    with refused("（2017年修正）第四条、第五条"):
        decide(
            case=case,
            on=date(2019, 4, 1),
            outcome="penalty",
            fine=Decimal(40000),
            text="决定",
            actor=leader,
        )
    with refused("（2017年修正）第三十二条"):
        decide(
            case=case,
            on=date(2019, 4, 1),
            outcome="penalty",
            fine=Decimal(50000),
            text="决定",
            actor=leader,
        )
    case = decide(
        case=case,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(40000),
        text="决定",
        departure_reason="当事人已部分支付",
        actor=leader,
    )
    assert case.departure_reason and case.decision_number.endswith("〔2019〕1号")


def test_serious_case_needs_collective_discussion(world):
    case = _reviewed(world)
    Case.objects.filter(pk=case.pk).update(is_serious=True)
    case.refresh_from_db()
    decision.case_propose(
        case=case,
        on=date(2019, 3, 29),
        outcome="penalty",
        fine=Decimal(45000),
        text="决定",
        actor=world["users"]["a"],
    )
    with refused("（2017年修正）第三十八条第二款"):
        decision.case_decide(case=case, on=date(2019, 4, 1), actor=world["users"]["leader"])
    decision.case_discuss(
        case=case,
        on=date(2019, 3, 30),
        attendees="局长、副局长",
        conclusion="同意",
        actor=world["users"]["leader"],
    )
    case = decide(
        case=case,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(45000),
        text="决定",
        actor=world["users"]["leader"],
    )
    assert case.status == "decided"


def test_hearing_cannot_close_without_record_and_presiding_not_investigator(world):
    case = notified_case(world)
    u = world["users"]
    decision.case_hearing_request(case=case, on=date(2019, 3, 22), actor=u["a"])
    with refused("非本案调查人员"):
        decision.case_hearing_notice(
            case=case,
            presiding=u["a"],
            notice_on=date(2019, 3, 25),
            hearing_on=date(2019, 4, 10),
            place="",
            actor=u["a"],
        )
    with refused("七日前"):
        decision.case_hearing_notice(
            case=case,
            presiding=u["reviewer"],
            notice_on=date(2019, 4, 8),
            hearing_on=date(2019, 4, 10),
            place="",
            actor=u["a"],
        )
    decision.case_hearing_notice(
        case=case,
        presiding=u["reviewer"],
        notice_on=date(2019, 3, 25),
        hearing_on=date(2019, 4, 10),
        place="听证室",
        actor=u["a"],
    )
    with refused("听证尚未举行"):
        decision.case_hearing_close(case=case, on=date(2019, 4, 10), actor=u["a"])
    decision.case_hearing_record(
        case=case, held_on=date(2019, 4, 10), summary="当事人陈述……", actor=u["a"]
    )
    case = decision.case_hearing_close(case=case, on=date(2019, 4, 10), actor=u["a"])
    assert case.status == "heard"


def test_late_payment_surcharge_and_court(world):
    case = _reviewed(world)
    u = world["users"]
    case = decide(
        case=case,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(45000),
        text="决定",
        actor=u["leader"],
    )
    case = execution.case_serve(
        case=case, on=date(2019, 4, 2), method="direct", recipient="李四", actor=u["a"]
    )
    with refused("缴纳期限届满前"):
        execution.case_remind(case=case, on=date(2019, 4, 10), actor=u["a"])
    with refused("尚未缴纳"):
        execution.case_close(case=case, on=date(2019, 4, 10), note="", actor=u["a"])
    execution.case_remind(case=case, on=date(2019, 5, 20), actor=u["a"])
    # issue 17 item 6: accepted 14 days after the 催告, while the periods to apply for 复议 (60
    # days) and to sue (6 months from service on 2019-04-02) were still running
    with refused("行政强制法》第五十三条"):
        execution.case_apply_court(case=case, on=date(2019, 6, 3), actor=u["a"])
    with refused("2019年10月3日起三个月内"):
        execution.case_apply_court(case=case, on=date(2019, 10, 2), actor=u["a"])
    execution.case_remind(case=case, on=date(2019, 9, 30), actor=u["a"])
    with refused("十日"):
        execution.case_apply_court(case=case, on=date(2019, 10, 8), actor=u["a"])
    with refused("三个月内"):  # too late: more than 3 months after the periods ran out
        execution.case_apply_court(case=case, on=date(2020, 1, 3), actor=u["a"])
    case = execution.case_apply_court(case=case, on=date(2019, 10, 10), actor=u["a"])
    case = execution.case_pay(case=case, on=date(2019, 10, 20), actor=u["a"])
    assert case.surcharge == Decimal(45000)  # 3% a day, capped at the fine


def test_extension_needs_leader_once(world):
    case = filed_case(world)
    u = world["users"]
    with refused("负责人批准"):
        intake.case_extend(
            case=case, approver=u["a"], reason="复杂", on=date(2019, 5, 1), actor=u["a"]
        )
    intake.case_extend(
        case=case, approver=u["leader"], reason="涉及人数多", on=date(2019, 5, 1), actor=u["a"]
    )
    with refused("已经延长过"):
        intake.case_extend(
            case=case, approver=u["leader"], reason="再延", on=date(2019, 5, 2), actor=u["a"]
        )


def test_correction_order_has_its_own_deadline(world):
    case = filed_case(world)
    u = world["users"]
    with refused("期限须晚于"):
        acts.case_order_correction(
            case=case,
            on=date(2019, 3, 8),
            due_on=date(2019, 3, 8),
            items="改正",
            officers=two(world),
            actor=u["a"],
        )
    order = acts.case_order_correction(
        case=case,
        on=date(2019, 3, 8),
        due_on=date(2019, 3, 15),
        items="支付工资",
        officers=two(world),
        actor=u["a"],
    )
    deadline = Deadline.objects.get(rule_code="enforcement.correction_order")
    assert deadline.due == date(2019, 3, 15)
    with refused("尚未届满"):
        acts.case_order_followup(
            order=order,
            on=date(2019, 3, 12),
            complied=False,
            summary="未改",
            officers=two(world),
            actor=u["a"],
        )
    order = acts.case_order_followup(
        order=order,
        on=date(2019, 3, 14),
        complied=True,
        summary="已支付",
        officers=two(world),
        actor=u["a"],
    )
    assert order.status == "complied"
    deadline.refresh_from_db()
    assert deadline.status == "met"


def test_stale_version_is_refused(world):
    case = register(world)
    with pytest.raises(StaleVersion, match="案件已被他人更新"):
        intake.case_accept(
            case=case, on=date(2019, 3, 5), actor=world["users"]["a"], seen_version=case.version + 1
        )
    intake.case_accept(
        case=case, on=date(2019, 3, 5), actor=world["users"]["a"], seen_version=case.version
    )


def test_decision_numbers_are_sequential_per_prefix(world):
    first = _reviewed(world)
    second = _reviewed(world)
    leader = world["users"]["leader"]
    n1 = decide(
        case=first,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(45000),
        text="决定",
        actor=leader,
    ).decision_number
    n2 = decide(
        case=second,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(45000),
        text="决定",
        actor=leader,
    ).decision_number
    assert (n1, n2) == ("津人社监罚〔2019〕1号", "津人社监罚〔2019〕2号")


def test_decision_numbers_follow_the_decision_dates(world):
    """Issue 17 item 13: 文号 in order of decision date — no backdated decision after a later
    one was numbered."""
    first, second = _reviewed(world), _reviewed(world)
    leader = world["users"]["leader"]
    decide(case=first, on=date(2019, 4, 5), fine=Decimal(45000), text="决定", actor=leader)
    decision.case_propose(
        case=second,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(45000),
        text="决定",
        actor=world["users"]["a"],
    )
    with refused("文号按决定日期顺序编排"):
        decision.case_decide(case=second, on=date(2019, 4, 2), actor=leader)
    second = decision.case_decide(case=second, on=date(2019, 4, 5), actor=leader)
    assert second.decision_number == "津人社监罚〔2019〕2号"
