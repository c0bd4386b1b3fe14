"""The gate on every 双随机一公开 write service: anonymous, another unit's officer and a role
without the right are refused with nothing written; the plan's own unit (or a bureau-wide role)
acts; 谁检查、谁录入 (国发〔2019〕5号): only an inspector drawn for the check, or an
administrator, enters and publishes its result. Plus the defects of issue 18.1 through the pages."""

from __future__ import annotations

import io
from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.testing.gate import check_gate, row_counts
from fazhi.accounts.tests.factories import make_user
from fazhi.inspections.models import CheckResult, Draw
from fazhi.inspections.services import checks, draws, plans
from fazhi.inspections.services.directory import employer_import, relation_register
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms
from fazhi.publicity.testing import on_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def others(people, org_tree):
    return [
        make_user("hp_zf", unit=org_tree["district_team"], roles=["执法人员"]),  # another unit
        people["clerk"],  # a role without the right
    ]


def test_items_and_plans(people, others, power_item):
    manager = people["manager"]
    item = check_gate(
        lambda actor: plans.inspection_item_create(
            power_item=power_item,
            code="SJ-09",
            name="工资支付情况检查",
            basis="《劳动保障监察条例》第十一条",
            method="实地核查",
            shares={"A": "0.2"},
            actor=actor,
        ),
        responsible=manager,
        outsiders=others,
    )
    item = check_gate(
        lambda actor: plans.inspection_item_publish(item=item, on=date(2019, 1, 10), actor=actor),
        responsible=manager,
        outsiders=others,
        obj=item,
    )
    check_gate(
        lambda actor: plans.plan_create(
            year=2019,
            title="计划",
            items=[item],
            shares={"A": "0.2"},
            org_unit=people["units"]["zongdui"],
            actor=actor,
        ),
        responsible=manager,
        outsiders=others,
    )


def test_directory_and_relations(world, others):
    csv = "统一社会信用代码,单位名称,所在区,抽查分层,行业\n".encode()
    check_gate(
        lambda actor: employer_import(fileobj=io.BytesIO(csv), file_name="e.csv", actor=actor),
        responsible=world["manager"],
        outsiders=others[1:],
    )
    check_gate(
        lambda actor: relation_register(
            officer=world["officers"][0],
            employer=world["employers"][0],
            relation="近亲属任职",
            since=date(2018, 1, 1),
            actor=actor,
        ),
        responsible=world["manager"],
        outsiders=others,
    )


def test_each_draw_step(world, others):
    manager, plan = world["manager"], world["plan"]
    draw = check_gate(
        lambda actor: draws.draw_commit(plan=plan, on=DRAW_DAY, actor=actor, **beacon_terms()),
        responsible=manager,
        outsiders=others,
        obj=plan,
    )
    draw = check_gate(
        lambda actor: draws.draw_execute(draw=draw, actor=actor, beacon=BEACON_VALUE),
        responsible=manager,
        outsiders=others,
        obj=draw,
    )
    check_gate(
        lambda actor: draws.draw_reveal(draw=draw, actor=actor),
        responsible=manager,
        outsiders=others,
        obj=draw,
    )
    other = draws.draw_commit(
        plan=plan,
        on=date(2019, 6, 3),
        actor=manager,
        **beacon_terms(),
        redraw_reason="名录库更新后重新抽取",
    )
    check_gate(
        lambda actor: draws.draw_cancel(draw=other, reason="计划调整", actor=actor),
        responsible=manager,
        outsiders=others,
        obj=other,
    )
    check_gate(
        lambda actor: draws.draw_run(
            plan=plan,
            on=date(2019, 7, 1),
            actor=actor,
            **beacon_terms(),
            beacon=BEACON_VALUE,
            redraw_reason="上次抽取作废后重新抽取",
        ),
        responsible=manager,
        outsiders=others,
    )


def _inspector_user(check, n: int = 1):
    officer = (check.first_inspector if n == 1 else check.second_inspector).officer
    officer.user = make_user(f"jcy{check.pk}-{n}", unit=officer.org_unit, roles=["执法人员"])
    officer.save(update_fields=["user"])
    return officer.user


def _publish_on(result, day, actor):
    with on_day(day):  # the 公示日期 is the clock's
        return checks.check_result_publish(result=result, actor=actor)


def test_who_checks_enters_the_result(world, others):
    draw = draws.draw_execute(
        draw=draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms()),
        actor=SYSTEM,
        beacon=BEACON_VALUE,
    )
    check = draw.checks.order_by("index").first()
    inspector = _inspector_user(check)
    # the plan's own manager, an officer of the same unit, is not this check's inspector
    same_unit = make_user("zd_zf", unit=world["units"]["zhidui"], roles=["执法人员"])
    outsiders = [*others, world["manager"], same_unit]
    result = check_gate(
        lambda actor: checks.check_result_enter(
            check=check, outcome="no_problem", checked_on=date(2019, 5, 20), actor=actor
        ),
        responsible=inspector,
        outsiders=outsiders,
        obj=check,
    )
    check_gate(
        lambda actor: _publish_on(result, date(2019, 5, 30), actor),
        responsible=_inspector_user(check, 2),  # the second inspector of the pair may publish
        outsiders=outsiders,
        obj=result,
    )
    # an administrator may enter any check's result
    admin = make_user("sysadmin", unit=world["units"]["bureau"], roles=["系统管理员"])
    second = draw.checks.order_by("index")[1]
    checks.check_result_enter(
        check=second, outcome="no_problem", checked_on=date(2019, 5, 20), actor=admin
    )


# --- the defects of issue 18.1, through the staff pages -------------------------------------------


def test_a_district_officer_cannot_commit_or_draw_on_another_unit_s_plan(client, world, others):
    client.force_login(others[0])
    before = row_counts()
    client.post(f"/staff/inspections/plans/{world['plan'].pk}/commit/", {"on": "2019-05-06"})
    assert row_counts() == before and not Draw.objects.exists()
    draw = draws.draw_commit(
        plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
    )
    before = row_counts()
    client.post(f"/staff/inspections/draws/{draw.pk}/draw/")
    assert row_counts() == before
    assert Draw.objects.get(pk=draw.pk).status == Draw.Status.COMMITTED
    # the plan page offers no commit form to them
    page = client.get(f"/staff/inspections/plans/{world['plan'].pk}/").content.decode()
    assert f"/staff/inspections/plans/{world['plan'].pk}/commit/" not in page


def test_an_officer_cannot_enter_another_inspector_s_result(client, world):
    draw = draws.draw_execute(
        draw=draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms()),
        actor=SYSTEM,
        beacon=BEACON_VALUE,
    )
    check = draw.checks.order_by("index").first()
    client.force_login(world["manager"])
    before = row_counts()
    client.post(
        f"/staff/inspections/checks/{check.pk}/result/",
        {"outcome": "no_problem", "checked_on": "2019-05-20"},
    )
    assert row_counts() == before and not CheckResult.objects.exists()
    client.force_login(_inspector_user(check))
    client.post(
        f"/staff/inspections/checks/{check.pk}/result/",
        {"outcome": "no_problem", "checked_on": "2019-05-20"},
    )
    assert CheckResult.objects.filter(check_record=check).exists()
