"""Commit → draw → reveal through the services: audit, 回避, refusals that write nothing."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.inspections import selectors
from fazhi.inspections.domain import draw as algo
from fazhi.inspections.models import Check, Draw, DrawInspector
from fazhi.inspections.services import directory, draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms, make_officers

pytestmark = pytest.mark.django_db


def test_commit_draw_reveal_audited_and_verifiable(world):
    # given
    actor = world["manager"]
    # when
    draw = draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=actor, **beacon_terms())
    assert draw.status == Draw.Status.COMMITTED and selectors.public_seed(draw) == ""
    draw = draws.draw_execute(draw=draw, actor=actor, beacon=BEACON_VALUE)
    draw = draws.draw_reveal(draw=draw, actor=actor)
    # then: 20% of 20 in A, 10% of 20 in B
    assert draw.checks.filter(stratum="A").count() == 4
    assert draw.checks.filter(stratum="B").count() == 2
    assert DrawInspector.objects.filter(draw=draw).count() == 6
    actions = list(
        AuditEvent.objects.filter(action__startswith="inspections.draw").values_list(
            "action", flat=True
        )
    )
    assert actions == [
        "inspections.draw.commit",
        "inspections.draw.draw",
        "inspections.draw.reveal",
    ]
    assert selectors.public_seed(draw) == draw.seed_hex
    outcome = selectors.draw_verification(draw)
    assert outcome.ok, outcome.message
    for check in draw.checks.all():
        assert check.first_inspector_id != check.second_inspector_id


def test_relation_excludes_inspector(world):
    # given: every officer but two is related to the first employer
    employer = world["employers"][0]
    for officer in world["officers"][:4]:
        directory.relation_register(
            officer=officer,
            employer=employer,
            relation="近亲属任职",
            since=date(2018, 1, 1),
            actor=world["manager"],
        )
    plan = world["plan"]
    plan.shares = {"A": "1", "B": "0"}
    plan.save()
    # when
    draw = draws.draw_execute(
        draw=draws.draw_commit(plan=plan, on=DRAW_DAY, actor=SYSTEM, **beacon_terms()),
        actor=SYSTEM,
        beacon=BEACON_VALUE,
    )
    # then
    check = draw.checks.get(employer=employer)
    allowed = {o.pk for o in world["officers"][4:]}
    assert {check.first_inspector.officer_id, check.second_inspector.officer_id} == allowed


def test_not_twice_running(world):
    # given: a first draw of the item
    plan = world["plan"]
    plan.shares = {"A": "1", "B": "1"}
    plan.save()
    first = draws.draw_run(
        plan=plan, on=DRAW_DAY, actor=SYSTEM, **beacon_terms(), beacon=BEACON_VALUE
    )
    before = {
        c.uscc: {c.first_inspector.officer_id, c.second_inspector.officer_id}
        for c in first.checks.all()
    }
    # when
    second = draws.draw_run(
        plan=plan,
        on=date(2019, 9, 2),
        actor=SYSTEM,
        **beacon_terms(),
        beacon=BEACON_VALUE,
        redraw_reason="下半年再次抽取",
    )
    # then: nobody checks the same employer twice running
    for check in second.checks.all():
        now = {check.first_inspector.officer_id, check.second_inspector.officer_id}
        assert not now & before[check.uscc]
    assert second.exclusions == 2 * 40


def test_too_few_inspectors_refuses_and_writes_nothing(world):
    # given: five of six officers related to one employer
    employer = world["employers"][3]
    for officer in world["officers"][:5]:
        directory.relation_register(
            officer=officer,
            employer=employer,
            relation="本人持股",
            since=date(2018, 1, 1),
            actor=SYSTEM,
        )
    events = AuditEvent.objects.count()
    # when / then
    with pytest.raises(algo.TooFewInspectors) as refused:
        draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms())
    assert employer.name in str(refused.value) and "第十六条" in str(refused.value)
    assert Draw.objects.count() == 0 and DrawInspector.objects.count() == 0
    assert AuditEvent.objects.count() == events


def test_pool_of_one_refuses(plan, people):
    make_officers(people["units"]["zhidui"], 1)
    from fazhi.inspections.tests.conftest import make_employers

    make_employers(5)
    with pytest.raises(Refused, match="少于 2 名"):
        draws.draw_commit(plan=plan, on=DRAW_DAY, actor=SYSTEM, **beacon_terms())
    assert Draw.objects.count() == 0


def test_draw_step_refusal_writes_nothing(world, monkeypatch):
    draw = draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms())
    events = AuditEvent.objects.count()

    def refuse(*args, **kwargs):
        raise algo.TooFewInspectors(world["employers"][0].uscc, 1, 2)

    monkeypatch.setattr(algo, "draw", refuse)
    with pytest.raises(algo.TooFewInspectors, match="测试用人单位000"):
        draws.draw_execute(draw=draw, actor=SYSTEM, beacon=BEACON_VALUE)
    draw.refresh_from_db()
    assert draw.status == Draw.Status.COMMITTED and Check.objects.count() == 0
    assert AuditEvent.objects.count() == events


def test_second_execute_is_refused(world):
    draw = draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms())
    draws.draw_execute(draw=draw, actor=SYSTEM, beacon=BEACON_VALUE)
    with pytest.raises(Refused, match="已抽取"):
        draws.draw_execute(draw=draw, actor=SYSTEM, beacon=BEACON_VALUE)


def test_cancel_keeps_the_draw_public(world):
    draw = draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms())
    draws.draw_cancel(draw=draw, reason="检查人员名录有误", actor=world["manager"])
    draw.refresh_from_db()
    assert draw.status == Draw.Status.CANCELLED
    assert selectors.draw_list().filter(pk=draw.pk).exists()


def test_clerk_may_not_draw(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=world["clerk"], **beacon_terms())


def test_checks_carry_each_employers_id_and_name(world):
    draw = draws.draw_run(
        plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms(), beacon=BEACON_VALUE
    )
    by_uscc = {e.uscc: e for e in world["employers"]}
    for check in draw.checks.all():
        employer = by_uscc[check.uscc]
        assert (check.employer_id, check.employer_name) == (employer.pk, employer.name)


def test_drawn_employer_gone_from_directory_refuses_and_writes_nothing(world):
    # given: a committed draw whose frozen list names every employer, one then deleted
    # (the check's employer FK has no database constraint: the draw itself must notice)
    plan = world["plan"]
    plan.shares = {"A": "1", "B": "1"}
    plan.save()
    draw = draws.draw_commit(plan=plan, on=DRAW_DAY, actor=SYSTEM, **beacon_terms())
    gone = world["employers"][7]
    gone.delete()
    events = AuditEvent.objects.count()
    # when / then
    with pytest.raises(Refused, match=f"{gone.uscc}）已不在检查对象名录库中"):
        draws.draw_execute(draw=draw, actor=SYSTEM, beacon=BEACON_VALUE)
    draw.refresh_from_db()
    assert draw.status == Draw.Status.COMMITTED and Check.objects.count() == 0
    assert AuditEvent.objects.count() == events


def test_employer_with_checks_cannot_be_deleted(world):
    from django.db.models import ProtectedError

    draw = draws.draw_run(
        plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms(), beacon=BEACON_VALUE
    )
    employer = draw.checks.first().employer
    with pytest.raises(ProtectedError):
        employer.delete()
