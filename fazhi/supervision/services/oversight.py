"""Writes of 督办: the 监督文书 to a unit, its reply, 复查 and closure, escalation when late."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    SUPERVISION_OVERSEE,
    SUPERVISION_OVERSIGHT_REPLY,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.services import audit
from fazhi.core.services.numbering import take_serial
from fazhi.supervision.domain import oversight
from fazhi.supervision.models import (
    Oversight,
    Warning,
)


def _oversight(item: Oversight) -> Oversight:
    return Oversight.objects.select_for_update().select_related("org_unit").get(pk=item.pk)


def _number(year: int) -> str:
    """人社执法监督〔YYYY〕N号 from core's locked counter (issue 18.2: ``count() + 1`` gave two
    督办 issued at once the same number); the counter starts after the numbers already used."""

    def used() -> int:
        prefix = f"人社执法监督〔{year}〕"
        tails = Oversight.objects.filter(number__startswith=prefix).values_list("number", flat=True)
        serials = (n[len(prefix) :].removesuffix("号") for n in tails)
        return max((int(t) for t in serials if t.isdigit()), default=0)

    return f"人社执法监督〔{year}〕{take_serial('supervision.oversight', year, floor=used)}号"


@transaction.atomic
def oversight_issue(
    *, org_unit, subject: str, demand: str, deadline: date, actor, warning: Warning | None = None
) -> Oversight:
    """Issue a 监督文书 to ``org_unit``; the issue date is today (set by the system)."""
    require(actor, SUPERVISION_OVERSEE)
    today = timezone.localdate()
    if not subject.strip() or not demand.strip():
        raise Refused("请填写督办事项和督办要求", oversight.BASIS, code="oversight_empty")
    oversight.check_deadline(issued_on=today, deadline=deadline)
    item = Oversight.objects.create(
        number=_number(today.year),
        org_unit=org_unit,
        warning=warning,
        subject=subject.strip(),
        demand=demand.strip(),
        issued_on=today,
        deadline=deadline,
        issued_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="supervision.oversight.issue",
        target=item,
        data={"unit": org_unit.code, "deadline": deadline.isoformat()},
    )
    return item


@transaction.atomic
def oversight_reply(*, item: Oversight, text: str, actor) -> Oversight:
    """The unit's written reply; refused once the matter is closed."""
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSIGHT_REPLY, unit=item.org_unit)
    oversight.check_reply(item.status, text)
    item.reply, item.replied_on, item.status = text.strip(), timezone.localdate(), "replied"
    item.save()
    audit.record(actor=actor, action="supervision.oversight.reply", target=item)
    return item


@transaction.atomic
def oversight_recheck_request(*, item: Oversight, reason: str, actor) -> Oversight:
    """The unit asks for 复查 (within 10 working days; decided within 15)."""
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSIGHT_REPLY, unit=item.org_unit)
    if not reason.strip():
        raise Refused("请写明申请复查的理由", oversight.BASIS_RECHECK, code="oversight_reason")
    today = timezone.localdate()
    due = oversight.check_recheck_request(
        status=item.status, issued_on=item.issued_on, today=today, cal=work_calendar()
    )
    item.recheck_reason, item.recheck_requested_on, item.recheck_due = reason.strip(), today, due
    item.status = "recheck"
    item.save()
    audit.record(
        actor=actor,
        action="supervision.oversight.recheck_request",
        target=item,
        data={"due": due.isoformat()},
    )
    return item


@transaction.atomic
def oversight_recheck_decide(*, item: Oversight, result: str, actor) -> Oversight:
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSEE)
    if item.status != "recheck":
        raise Refused(
            "该督办事项没有待决定的复查申请", oversight.BASIS_RECHECK, code="oversight_no_recheck"
        )
    if not result.strip():
        raise Refused("请填写复查决定", oversight.BASIS_RECHECK, code="oversight_reason")
    item.recheck_result, item.recheck_decided_on = result.strip(), timezone.localdate()
    item.status = "replied" if item.replied_on else "issued"
    item.save()
    audit.record(actor=actor, action="supervision.oversight.recheck_decide", target=item)
    return item


@transaction.atomic
def oversight_close(*, item: Oversight, note: str, actor) -> Oversight:
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSEE)
    if item.status != "replied":
        raise Refused("单位书面回复后方可办结", oversight.BASIS, code="oversight_not_replied")
    item.status, item.closed_on, item.close_note = "closed", timezone.localdate(), note.strip()
    item.save()
    audit.record(actor=actor, action="supervision.oversight.close", target=item)
    return item


def oversight_escalate_overdue(*, today: date, actor=None) -> int:
    """Mark every 督办 past its deadline without a reply as escalated (通报, 第十七条); the
    daily job (``actor=None``) or 法规处. Returns how many were escalated now."""
    if actor is not None:
        require(actor, SUPERVISION_OVERSEE)
    n = 0
    for item in Oversight.objects.filter(
        status="issued", escalated_on__isnull=True, deadline__lt=today
    ):
        with transaction.atomic():
            item = _oversight(item)
            if not oversight.is_overdue(status=item.status, deadline=item.deadline, today=today):
                continue
            item.escalated_on = today
            item.save(update_fields=["escalated_on"])
            audit.record(actor=actor, action="supervision.oversight.escalate", target=item)
            n += 1
    return n
