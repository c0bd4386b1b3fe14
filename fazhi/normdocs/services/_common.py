"""Shared steps of every service: lock, check the transition, write on the clock, audit."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.comments import SpamPolicy
from fazhi.core.domain.time_limits import UnknownRule
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services import audit
from fazhi.core.services.deadlines import (
    deadline_cancel,
    deadline_meet,
    deadline_open,
    deadline_open_fixed,
)
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import Action, Stage, next_stage
from fazhi.normdocs.domain.validity import ValidityPolicy
from fazhi.normdocs.models import NormativeDocument

RULE_COMMENT = "normdoc.public_comment"
RULE_REVIEW = "normdoc.legality_review"
RULE_FILING = "normdoc.filing"
RULE_EXPIRY = "normdoc.expiry_reminder"


def options() -> dict:
    return settings.FAZHI.get("NORMDOCS", {})


def validity_policy() -> ValidityPolicy:
    return ValidityPolicy(**options().get("VALIDITY", {}))


def spam_policy() -> SpamPolicy:
    return SpamPolicy(**options().get("COMMENT_SPAM", {}))


def filing_body() -> str:
    return options().get("FILING_BODY", "天津市人民政府（市司法局）")


def today(on: date | None) -> date:
    return on or timezone.localdate()


def lock(document: NormativeDocument) -> NormativeDocument:
    # Lock, then act: two clerks pressing the same button queue up and the second is refused.
    return NormativeDocument.objects.select_for_update().get(pk=document.pk)


def advance(document: NormativeDocument, action: Action, target: Stage | None = None) -> str:
    """Check the step against the transition table; return the previous stage."""
    previous = document.stage
    document.stage = next_stage(Stage(document.stage), action, target)
    return previous


def not_before(day: date, earlier: date | None, what: str) -> None:
    if earlier is not None and day < earlier:
        raise Refused("date_order", f"日期不能早于{what}（{earlier:%Y年%m月%d日}）。")


def record(*, actor, verb: str, document: NormativeDocument, previous: str, **data) -> None:
    audit.record(
        actor=actor,
        action=f"normdocs.document.{verb}",
        target=document,
        data={"from": previous, "to": document.stage, **data},
    )


def clock_open(
    *, document: NormativeDocument, rule: str, start: date, actor, owner=None
) -> Deadline:
    """Open a deadline (on ``owner``'s 我的期限 when given); a calendar that cannot answer
    refuses the whole step."""
    try:
        return deadline_open(
            subject=document,
            rule_code=rule,
            start=start,
            actor=actor,
            org_unit=document.org_unit,
            owner=owner,
        )
    except (CalendarDataMissing, UnknownRule) as exc:
        raise Refused("calendar", str(exc)) from exc


def open_deadline(document: NormativeDocument, rule: str) -> Deadline | None:
    return (
        deadlines_for_subject(subject=document)
        .filter(rule_code=rule, status=DeadlineStatus.OPEN)
        .order_by("-start", "-id")
        .first()
    )


def clock_meet(*, document: NormativeDocument, rule: str, on: date, actor) -> Deadline | None:
    deadline = open_deadline(document, rule)
    if deadline is not None:
        deadline_meet(deadline=deadline, met_on=max(on, deadline.start), actor=actor)
    return deadline


def clock_close_all(*, document: NormativeDocument, actor, reason: str) -> None:
    for deadline in deadlines_for_subject(subject=document).filter(status=DeadlineStatus.OPEN):
        deadline_cancel(deadline=deadline, actor=actor, reason=reason)


def expiry_reminder_open(*, document: NormativeDocument, due: date, actor) -> Deadline:
    """The evaluation reminder before the term ends ("届满前6个月"): a fixed day derived from
    the document's own term, often beyond any published holiday notice."""
    return deadline_open_fixed(
        subject=document,
        rule_code=RULE_EXPIRY,
        title="有效期届满前评估提醒",
        start=document.published_on,
        due=due,
        actor=actor,
        owner=audit.person(actor),
        org_unit=document.org_unit,
        basis="有效期届满前6个月评估",
    )
