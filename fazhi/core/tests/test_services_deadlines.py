"""Opening, closing, extending and recomputing deadlines."""

from datetime import date

import pytest

from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.time_limits import RuleNotExtendable, UnknownRule
from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadlines_for_subject, deadlines_for_user
from fazhi.core.services.calendar import holiday_override_set
from fazhi.core.services.deadlines import (
    DeadlineStateError,
    deadline_cancel,
    deadline_extend,
    deadline_meet,
    deadline_open,
    deadlines_recompute,
)


@pytest.fixture
def subject(org_tree):
    return org_tree["zhidui"]  # any saved record can carry deadlines


def _open(subject, user, code="licensing.correction_notice", start=date(2025, 9, 26), **kw):
    return deadline_open(subject=subject, rule_code=code, start=start, actor=user, owner=user, **kw)


@pytest.mark.django_db
def test_open_computes_the_due_date_and_audits(subject, staff_user):
    # when
    deadline = _open(subject, staff_user)
    # then: 5 working days from Friday 2025-09-26, counting the 调休 Sunday 09-28
    assert deadline.due == date(2025, 10, 10)
    assert deadline.subject_type == "accounts.orgunit"
    assert deadline.subject_id == str(subject.pk)
    assert deadline.org_unit == staff_user.org_unit
    event = AuditEvent.objects.get(action="core.deadline.open", target_id=str(deadline.pk))
    assert event.actor == staff_user
    assert event.data["due"] == "2025-10-10"
    assert event.data["rule"] == "licensing.correction_notice"
    assert list(deadlines_for_subject(subject=subject)) == [deadline]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "code", "start", "extended", "error"),
    [
        ("unknown rule", "penalty.nope", date(2025, 9, 26), False, UnknownRule),
        ("rule not in force yet", "penalty.decision", date(2020, 9, 1), False, UnknownRule),
        ("no calendar for 2031", "penalty.payment", date(2031, 9, 1), False, CalendarDataMissing),
        ("not extendable", "penalty.payment", date(2025, 9, 1), True, RuleNotExtendable),
    ],
)
def test_a_refused_open_writes_nothing(_case, code, start, extended, error, subject, staff_user):
    with pytest.raises(error):
        _open(subject, staff_user, code=code, start=start, extended=extended)
    assert not Deadline.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("met_on", "status"),
    [(date(2025, 10, 10), DeadlineStatus.MET), (date(2025, 10, 11), DeadlineStatus.MISSED)],
)
def test_meet_compares_with_the_due_date(met_on, status, subject, staff_user):
    deadline = _open(subject, staff_user)
    # when
    deadline = deadline_meet(deadline=deadline, met_on=met_on, actor=staff_user)
    # then
    assert (deadline.status, deadline.met_on) == (status, met_on)
    event = AuditEvent.objects.get(action="core.deadline.meet")
    assert event.data["status"] == status


@pytest.mark.django_db
def test_closed_deadline_cannot_be_met_again(subject, staff_user):
    deadline = deadline_meet(
        deadline=_open(subject, staff_user), met_on=date(2025, 10, 9), actor=staff_user
    )
    events = AuditEvent.objects.count()
    with pytest.raises(DeadlineStateError, match="不能再办结"):
        deadline_meet(deadline=deadline, met_on=date(2025, 10, 20), actor=staff_user)
    deadline.refresh_from_db()
    assert deadline.met_on == date(2025, 10, 9)
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_extend_applies_the_statutory_extension_once(subject, staff_user):
    deadline = _open(subject, staff_user, code="licensing.decision", start=date(2025, 9, 16))
    assert deadline.due == date(2025, 10, 20)
    # when
    deadline = deadline_extend(deadline=deadline, actor=staff_user, reason="情况复杂")
    # then
    assert (deadline.extended, deadline.due) == (True, date(2025, 11, 3))
    event = AuditEvent.objects.get(action="core.deadline.extend")
    assert (event.data["from"], event.data["to"]) == ("2025-10-20", "2025-11-03")
    with pytest.raises(DeadlineStateError):
        deadline_extend(deadline=deadline, actor=staff_user)
    assert AuditEvent.objects.filter(action="core.deadline.extend").count() == 1


@pytest.mark.django_db
def test_extending_a_fixed_period_is_refused_and_changes_nothing(subject, staff_user):
    deadline = _open(subject, staff_user, code="penalty.payment", start=date(2025, 9, 16))
    with pytest.raises(RuleNotExtendable):
        deadline_extend(deadline=deadline, actor=staff_user)
    deadline.refresh_from_db()
    assert (deadline.extended, deadline.due) == (False, date(2025, 10, 9))
    assert not AuditEvent.objects.filter(action="core.deadline.extend").exists()


@pytest.mark.django_db
def test_cancel(subject, staff_user):
    deadline = deadline_cancel(
        deadline=_open(subject, staff_user), actor=staff_user, reason="撤回申请"
    )
    assert deadline.status == DeadlineStatus.CANCELLED
    assert AuditEvent.objects.get(action="core.deadline.cancel").data == {"reason": "撤回申请"}
    assert deadlines_for_user(user=staff_user, today=date(2025, 10, 1)) == []


@pytest.mark.django_db
def test_recompute_after_a_local_day_off(subject, staff_user):
    # given an open deadline due 2025-10-10 and a closed one
    deadline = _open(subject, staff_user)
    closed = _open(subject, staff_user)
    deadline_cancel(deadline=closed, actor=staff_user)
    # when the city declares 2025-10-09 a day off
    holiday_override_set(day=date(2025, 10, 9), is_off_day=True, name="本地调整", actor=staff_user)
    changed = deadlines_recompute(actor=staff_user)
    # then only the open one moves, and a second run changes nothing
    assert changed == 1
    deadline.refresh_from_db()
    closed.refresh_from_db()
    assert deadline.due == date(2025, 10, 11)  # the 调休 Saturday
    assert closed.due == date(2025, 10, 10)
    event = AuditEvent.objects.get(action="core.deadline.recompute")
    assert (event.target_id, event.data["to"]) == (str(deadline.pk), "2025-10-11")
    assert deadlines_recompute(actor=staff_user) == 0


@pytest.mark.django_db
def test_deadlines_for_user_classifies_urgency(subject, staff_user, org_tree):
    from fazhi.accounts.tests.factories import make_user

    other = make_user("other", unit=org_tree["district"])
    late = _open(subject, staff_user, start=date(2025, 9, 1))  # due 2025-09-08
    soon = _open(subject, staff_user, start=date(2025, 9, 8))  # due 2025-09-15
    later = _open(subject, staff_user, code="licensing.decision", start=date(2025, 9, 8))
    _open(subject, other)
    # when
    rows = deadlines_for_user(user=staff_user, today=date(2025, 9, 10))
    # then
    assert [r.deadline for r in rows] == [late, soon, later]
    assert [r.css_class for r in rows] == ["overdue", "due-soon", "ok"]
    assert rows[0].remaining.label == "已逾期2日"
    assert rows[1].remaining.label == "剩余3个工作日"
    assert rows[0].rule_title == "一次告知补正材料期限"


@pytest.mark.django_db
def test_configured_override_changes_an_unverified_rule_only(settings, subject, staff_user):
    from django.core.exceptions import ImproperlyConfigured

    from fazhi.core.selectors.deadlines import deadline_compute

    settings.FAZHI = {**settings.FAZHI, "TIME_LIMIT_OVERRIDES": {"normdoc.filing": 15}}
    assert deadline_compute(code="normdoc.filing", start=date(2025, 3, 3)).due == date(2025, 3, 18)
    settings.FAZHI = {**settings.FAZHI, "TIME_LIMIT_OVERRIDES": {"penalty.decision": 30}}
    with pytest.raises(ImproperlyConfigured, match="不能覆盖"):
        _open(subject, staff_user, code="penalty.decision", start=date(2025, 3, 3))
    assert not Deadline.objects.exists()
