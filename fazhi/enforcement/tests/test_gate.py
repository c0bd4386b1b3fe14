"""The gate matrix for every enforcement write service (fazhi.accounts.testing.gate).

Each service is called by the anonymous user, an officer of another unit (和平区's team: the
case is 监察一支队's), a role without the right, and then the responsible role: the first three
are refused with nothing written, the last succeeds. Read with
``fazhi/accounts/tests/test_gate_matrix.py``, which fails when a write service is missing here.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.permissions import NotPermitted
from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.enforcement.models import ArrearsCase, Case, CaseCounter, DiscretionBenchmarkSet
from fazhi.enforcement.services import arrears, discretion
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_archive as archive
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.services import cases_execution as execution
from fazhi.enforcement.tests.conftest import (
    BENCHMARKS,
    FACTS,
    SEVEN_OK,
    filed_case,
    investigated_case,
    notified_case,
    register,
    two,
)
from fazhi.enforcement.tests.test_rules_services import VALID_USCC

pytestmark = pytest.mark.django_db


@pytest.fixture
def gate(world):
    """Who is refused: another unit's officer, and roles without the right to handle cases."""
    units = world["units"]
    return {
        "outsider": world["users"]["outsider"],
        # bureau-wide scope, but not a case handler
        "legal": make_user("fagui_staff", unit=units["fagui"], roles=["法规处工作人员"]),
        # the case's own unit, but not a case handler
        "clerk": make_user("clerk", unit=world["team"], roles=["业务处室经办人"]),
    }


def handle(world, gate, call, *, obj=None, responsible=None):
    return check_gate(
        call,
        responsible=responsible or world["users"]["a"],
        outsiders=[gate["outsider"], gate["legal"], gate["clerk"]],
        obj=obj,
    )


def reviewed(world) -> Case:
    case = notified_case(world)
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


def _propose(case, actor) -> Case:
    return decision.case_propose(
        case=case,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(45000),
        text="决定",
        actor=actor,
    )


def proposed(world) -> Case:
    return _propose(reviewed(world), world["users"]["a"])


def decided(world) -> Case:
    return decision.case_decide(
        case=proposed(world), on=date(2019, 4, 1), actor=world["users"]["leader"]
    )


def served(world) -> Case:
    return execution.case_serve(
        case=decided(world),
        on=date(2019, 4, 2),
        method="direct",
        recipient="李四",
        actor=world["users"]["a"],
    )


# --- intake ---------------------------------------------------------------------------------


def test_case_register_checks_the_target_unit_and_spends_no_number(world, gate):
    def case_register(actor):
        return intake.case_register(
            power_item=world["items"]["CF-JC-26"],
            org_unit=world["team"],
            source="patrol",
            received_on=date(2019, 3, 4),
            cause="拖欠劳动者工资",
            party_name="天津某建筑工程有限公司",
            actor=actor,
        )

    handle(world, gate, case_register)
    # nothing refused took a serial: the first registered case has serial 1 (和平区's officer
    # registering in 一支队 was refused before the counter was touched)
    assert CaseCounter.objects.get(key=world["team"].code, year=2019).last_serial == 1


def test_case_accept(world, gate):
    case = register(world)
    handle(
        world, gate, lambda u: intake.case_accept(case=case, on=date(2019, 3, 6), actor=u), obj=case
    )


def test_case_reject(world, gate):
    case = register(world)
    handle(
        world,
        gate,
        lambda u: intake.case_reject(
            case=case, on=date(2019, 3, 6), reason="不属于本部门管辖", actor=u
        ),
        obj=case,
    )


def test_case_file(world, gate):
    u = world["users"]
    case = intake.case_accept(case=register(world), on=date(2019, 3, 6), actor=u["a"])
    handle(
        world,
        gate,
        lambda actor: intake.case_file(
            case=case, on=date(2019, 3, 6), approver=u["leader"], officers=two(world), actor=actor
        ),
        obj=case,
    )


def test_case_extend(world, gate):
    case = filed_case(world)
    handle(
        world,
        gate,
        lambda u: intake.case_extend(
            case=case,
            approver=world["users"]["leader"],
            reason="情况复杂",
            on=date(2019, 5, 20),
            actor=u,
        ),
        obj=case,
    )


def test_case_withdraw(world, gate):
    case = filed_case(world)
    handle(
        world,
        gate,
        lambda u: intake.case_withdraw(
            case=case, on=date(2019, 3, 8), reason="未发现违法行为", actor=u
        ),
        obj=case,
    )


# --- acts and orders ------------------------------------------------------------------------


def test_case_record_act(world, gate):
    case = filed_case(world)
    handle(
        world,
        gate,
        lambda u: acts.case_record_act(
            case=case,
            kind="inspection",
            on=date(2019, 3, 8),
            summary="现场检查",
            officers=two(world),
            actor=u,
        ),
        obj=case,
    )


def _order(world, case, actor):
    return acts.case_order_correction(
        case=case,
        on=date(2019, 3, 8),
        due_on=date(2019, 3, 15),
        items="支付工资",
        officers=two(world),
        actor=actor,
    )


def test_case_order_correction(world, gate):
    case = filed_case(world)
    handle(world, gate, lambda u: _order(world, case, u), obj=case)


def test_case_order_followup(world, gate):
    case = filed_case(world)
    order = _order(world, case, world["users"]["a"])
    handle(
        world,
        gate,
        lambda u: acts.case_order_followup(
            order=order,
            on=date(2019, 3, 14),
            complied=True,
            summary="已支付",
            officers=two(world),
            actor=u,
        ),
        obj=order,
    )


# --- towards the decision -------------------------------------------------------------------


def test_case_notify(world, gate):
    case = investigated_case(world)
    handle(
        world,
        gate,
        lambda u: decision.case_notify(
            case=case,
            on=date(2019, 3, 20),
            outcome="penalty",
            fine=Decimal(45000),
            text="经查，当事人拖欠工资。",
            facts=FACTS,
            actor=u,
        ),
        obj=case,
    )


def _hearing_requested(world) -> Case:
    case = notified_case(world)
    decision.case_hearing_request(case=case, on=date(2019, 3, 22), actor=world["users"]["a"])
    case.refresh_from_db()
    return case


def test_case_hearing_request(world, gate):
    case = notified_case(world)
    handle(
        world,
        gate,
        lambda u: decision.case_hearing_request(case=case, on=date(2019, 3, 22), actor=u),
        obj=case,
    )


def _notice(world, case, actor):
    return decision.case_hearing_notice(
        case=case,
        presiding=world["users"]["reviewer"],
        notice_on=date(2019, 3, 25),
        hearing_on=date(2019, 4, 10),
        place="听证室",
        actor=actor,
    )


def test_case_hearing_notice(world, gate):
    case = _hearing_requested(world)
    handle(world, gate, lambda u: _notice(world, case, u), obj=case)


def test_case_hearing_record_and_close(world, gate):
    case = _hearing_requested(world)
    _notice(world, case, world["users"]["a"])
    handle(
        world,
        gate,
        lambda u: decision.case_hearing_record(
            case=case, held_on=date(2019, 4, 10), summary="当事人陈述", actor=u
        ),
        obj=case,
    )
    handle(
        world,
        gate,
        lambda u: decision.case_hearing_close(case=case, on=date(2019, 4, 10), actor=u),
        obj=case,
    )


def test_case_review_submit(world, gate):
    case = notified_case(world)
    handle(
        world,
        gate,
        lambda u: decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=u),
        obj=case,
    )


def test_case_review_is_the_reviewers_not_the_admin(world, gate):
    """法制审核 (行政处罚法 第五十八条): the 法制审核人员 only; the case's officers, the leader and
    the system administrator (a superuser) are refused."""
    case = notified_case(world)
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=world["users"]["a"])
    admin = make_user("root", unit=world["units"]["bureau"], roles=["系统管理员"])
    admin.is_superuser = True
    admin.save()
    check_gate(
        lambda u: decision.case_review(
            case=case,
            on=date(2019, 3, 29),
            points=SEVEN_OK,
            opinion="agree",
            comments="",
            actor=u,
        ),
        responsible=world["users"]["reviewer"],
        outsiders=[world["users"]["a"], world["users"]["leader"], admin, gate["legal"]],
        obj=case,
    )


def test_case_discuss(world, gate):
    case = reviewed(world)
    handle(
        world,
        gate,
        lambda u: decision.case_discuss(
            case=case, on=date(2019, 3, 30), attendees="局长、副局长", conclusion="同意", actor=u
        ),
        obj=case,
        responsible=world["users"]["leader"],
    )


def test_case_propose(world, gate):
    case = reviewed(world)
    handle(world, gate, lambda u: _propose(case, u), obj=case)


def _decision_gate(world, gate, call, case):
    """The 负责人 decides (行政处罚法 第五十七条): the case's own officers are refused too."""
    check_gate(
        call,
        responsible=world["users"]["leader"],
        outsiders=[gate["outsider"], gate["legal"], gate["clerk"], world["users"]["a"]],
        obj=case,
    )


def test_case_send_back(world, gate):
    case = proposed(world)
    _decision_gate(
        world,
        gate,
        lambda u: decision.case_send_back(
            case=case, on=date(2019, 4, 2), reason="事实不清", actor=u
        ),
        case,
    )


def test_case_decide(world, gate):
    case = proposed(world)
    _decision_gate(
        world, gate, lambda u: decision.case_decide(case=case, on=date(2019, 4, 1), actor=u), case
    )


# --- after the decision ---------------------------------------------------------------------


def test_case_serve(world, gate):
    case = decided(world)
    handle(
        world,
        gate,
        lambda u: execution.case_serve(
            case=case, on=date(2019, 4, 2), method="direct", recipient="李四", actor=u
        ),
        obj=case,
    )


def test_case_remind_apply_court_pay_close_archive(world, gate):
    case = served(world)
    for call in (
        lambda u: execution.case_remind(case=case, on=date(2019, 5, 20), actor=u),
        # after the 复议/诉讼 periods (行政强制法 第五十三条)
        lambda u: execution.case_apply_court(case=case, on=date(2019, 10, 10), actor=u),
        lambda u: execution.case_pay(case=case, on=date(2019, 10, 20), actor=u),
        lambda u: execution.case_close(case=case, on=date(2019, 10, 21), note="已缴清", actor=u),
        lambda u: execution.case_archive(case=case, on=date(2019, 10, 25), actor=u),
    ):
        handle(world, gate, call, obj=case)
        case.refresh_from_db()
    assert case.status == "archived"


def test_case_export(world, gate):
    """导出案卷: the case's officers and the 法制 staff; not another unit, not a clerk."""
    case = notified_case(world)
    check_gate(
        lambda u: archive.case_export(case=case, actor=u, out=io.BytesIO()),
        responsible=gate["legal"],
        outsiders=[gate["outsider"], gate["clerk"]],
        obj=case,
    )


# --- 社保欠费 -----------------------------------------------------------------------------------


def _arrears(world, actor, reference="津人社欠〔2019〕1号"):
    return arrears.arrears_case_register(
        reference=reference,
        employer_name="天津某公司",
        employer_uscc=VALID_USCC,
        period_from=date(2019, 1, 1),
        period_to=date(2019, 1, 31),
        principal=Decimal(86000),
        due_date=date(2019, 2, 15),
        org_unit=world["team"],
        actor=actor,
    )


def test_arrears_case_register_in_the_actors_units_only(world, gate):
    case = handle(world, gate, lambda u: _arrears(world, u))
    assert case.org_unit == world["team"] and ArrearsCase.objects.count() == 1


def test_arrears_step_record(world, gate):
    case = _arrears(world, world["users"]["a"])
    handle(
        world,
        gate,
        lambda u: arrears.arrears_step_record(
            case=case, kind="order", on=date(2019, 3, 1), deadline=date(2019, 3, 16), actor=u
        ),
        obj=case,
    )


# --- 裁量基准 (bureau-wide, unscoped) -----------------------------------------------------------


def test_discretion_set_import_publish_copy_and_tier_update(world, gate):
    """The bureau's benchmarks: 法规处, 法制审核, 局领导, 系统管理员; an officer is refused."""
    officer, legal = world["users"]["a"], gate["legal"]
    outsiders = [officer, gate["outsider"], gate["clerk"]]
    draft = check_gate(
        lambda u: discretion.discretion_set_import(path=BENCHMARKS / "2017.toml", actor=u),
        responsible=legal,
        outsiders=outsiders,
    )
    copy = check_gate(
        lambda u: discretion.discretion_set_copy(source=draft, version="2017b", title="", actor=u),
        responsible=legal,
        outsiders=outsiders,
    )
    tier = copy.items.first().tiers.first()
    check_gate(
        lambda u: discretion.discretion_tier_update(
            tier=tier, low=tier.low, high=tier.high, conditions="调整", actor=u
        ),
        responsible=legal,
        outsiders=outsiders,
        obj=tier,
    )
    published = check_gate(
        lambda u: discretion.discretion_set_publish(
            benchmark_set=copy, effective_from=date(2030, 1, 1), actor=u
        ),
        responsible=legal,
        outsiders=outsiders,
        obj=copy,
    )
    assert published.status == DiscretionBenchmarkSet.Status.PUBLISHED


def test_refusal_names_the_rule(world, gate):
    case = register(world)
    with pytest.raises(NotPermitted) as exc:
        intake.case_accept(case=case, on=date(2019, 3, 6), actor=gate["outsider"])
    assert exc.value.code == "enforcement.handle" and "不在您的办理范围内" in str(exc.value)
