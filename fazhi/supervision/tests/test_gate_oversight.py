"""督办: issue, reply, 复查, closure, escalation; a reply after closure is refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fazhi.accounts.testing.gate import assert_refused, check_gate
from fazhi.supervision import services as s
from fazhi.supervision.domain import oversight

pytestmark = pytest.mark.django_db


def test_oversight_domain_doctests():
    import doctest

    assert doctest.testmod(oversight).failed == 0


def _issue(world, supervisors, days=15):
    return s.oversight_issue(
        org_unit=world["team"],
        subject="超期未作出处罚决定的案件",
        demand="请于期限内作出决定并书面报告。",
        deadline=timezone.localdate() + timedelta(days=days),
        actor=supervisors["legal"],
    )


def test_issue_reply_close_and_no_reply_after_closure(world, supervisors):
    legal, unit_user = supervisors["legal"], world["users"]["a"]
    item = check_gate(
        lambda a: (
            _issue(world, supervisors)
            if a == legal
            else s.oversight_issue(
                org_unit=world["team"],
                subject="x",
                demand="y",
                deadline=timezone.localdate() + timedelta(days=3),
                actor=a,
            )
        ),
        responsible=legal,
        outsiders=[unit_user],
    )
    assert item.number.startswith("人社执法监督〔") and item.issued_on == timezone.localdate()
    assert_refused(lambda a: s.oversight_close(item=item, note="", actor=a), legal, obj=item)
    check_gate(
        lambda a: s.oversight_reply(item=item, text="已于3日内作出决定并送达。", actor=a),
        responsible=unit_user,
        outsiders=[supervisors["district"]],
        obj=item,
    )
    check_gate(
        lambda a: s.oversight_close(item=item, note="整改到位", actor=a),
        responsible=legal,
        outsiders=[unit_user],
        obj=item,
    )
    item.refresh_from_db()
    assert item.status == "closed"
    assert_refused(
        lambda a: s.oversight_reply(item=item, text="补充回复", actor=a), unit_user, obj=item
    )


def test_recheck_requested_and_decided(world, supervisors):
    item = _issue(world, supervisors)
    unit_user, legal = world["users"]["a"], supervisors["legal"]
    assert_refused(
        lambda a: s.oversight_recheck_request(item=item, reason=" ", actor=a), unit_user, obj=item
    )
    item = check_gate(
        lambda a: s.oversight_recheck_request(item=item, reason="该案已依法延期", actor=a),
        responsible=unit_user,
        outsiders=[supervisors["district"]],
        obj=item,
    )
    assert item.status == "recheck" and item.recheck_due > timezone.localdate()
    assert_refused(lambda a: s.oversight_reply(item=item, text="x", actor=a), unit_user, obj=item)
    item = check_gate(
        lambda a: s.oversight_recheck_decide(item=item, result="维持督办意见", actor=a),
        responsible=legal,
        outsiders=[unit_user],
        obj=item,
    )
    assert item.status == "issued"


def test_a_late_recheck_request_is_refused(world, supervisors):
    item = _issue(world, supervisors)
    type(item).objects.filter(pk=item.pk).update(
        issued_on=timezone.localdate() - timedelta(days=40)
    )
    item.refresh_from_db()
    assert_refused(
        lambda a: s.oversight_recheck_request(item=item, reason="理由", actor=a),
        world["users"]["a"],
        obj=item,
    )


def test_escalation_past_the_deadline(world, supervisors):
    item = _issue(world, supervisors, days=5)
    today = timezone.localdate()
    assert s.oversight_escalate_overdue(today=today + timedelta(days=5)) == 0
    n = check_gate(
        lambda a: s.oversight_escalate_overdue(today=today + timedelta(days=6), actor=a),
        responsible=supervisors["legal"],
        outsiders=[world["users"]["a"]],
    )
    item.refresh_from_db()
    assert n == 1 and item.escalated_on == today + timedelta(days=6)
    assert s.oversight_escalate_overdue(today=today + timedelta(days=7)) == 0  # once
