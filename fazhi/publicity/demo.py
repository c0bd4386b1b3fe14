"""Demo publicity for `fazhi demo`: the records the other demos' decisions registered are
published as a clerk would, so the staff queue and the public pages show every state.

The publicity app owns no decisions: deciding a case (``fazhi.enforcement.publicity``) and
granting a licence (``fazhi.govservices.publicity``) register their records through
`publicity_register`, and those demos run before this one (INSTALLED_APPS order). Here:

* a pending record due by ``ctx.today`` that passes the pre-flight check is published on its
  due date (the deadline met), except
* the ``LATE`` most recently due ones, left unpublished: the overdue alarm, and the one before
  them, published a few working days late (a missed deadline);
* once, a recent published penalty is withdrawn with the reason (撤销 after 行政复议): when it
  came from an enforcement case, through the dispute itself — a reconsideration naming the case
  (the deciding unit as 被申请人) is decided 撤销 and served, and serving it withdraws
  the record (``fazhi.disputes.publicity``; the story is ``fazhi.disputes.demo_publicity``,
  registered here); a record with no case behind it is withdrawn directly.

A record failing the pre-flight check stays pending with its problems listed (an organisation's
penalty, for one: a case records no 法定代表人). Not yet due records stay pending, unalarmed.
Idempotent: only pending records are published, and a second run finds the late ones as the
last due again; the withdrawal happens only while no record is withdrawn.

Publication and withdrawal take their dates from the clock (the moment a record goes public or
is taken down), so the demo, which replays the bureau's past, runs each of them with the clock
set to the day it shows (``on_day``, time-machine: `fazhi demo` is a development command).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fazhi.core.demo import on_day
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.calendar import work_calendar
from fazhi.publicity.domain.enums import Change, Kind, Status
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.services import publicity_publish, publicity_withdraw

LATE = 2  # the most recently due valid records, left unpublished
LATE_BY = 3  # working days after its due date the one before them is published
# How a record of a source type is taken down in the story (source type -> revoke(ctx, record,
# decided=, served=), False when its source is gone). Disputes registers the 复议 path for
# enforcement cases from its AppConfig.ready: publicity sits below both apps.
Revoke = Callable[..., bool]
_REVOCATIONS: dict[str, Revoke] = {}


def register_revocation(source_type: str, revoke: Revoke) -> None:
    _REVOCATIONS[source_type] = revoke


WITHDRAWAL_REASON = (
    "当事人不服该处罚决定申请行政复议，复议机关以主要事实不清、证据不足为由决定撤销该处罚决定"
)


def publishable(*, today: date) -> list[PublicityRecord]:
    """Pending records due by ``today``, still in their publicity period, passing pre-flight;
    by due date."""
    pending = PublicityRecord.objects.filter(status=Status.PENDING, due_on__lte=today)
    return [
        r
        for r in pending.order_by("due_on", "pk")
        if (r.publicity_ends_on is None or r.due_on <= r.publicity_ends_on)
        and not validate(r.kind, r.as_data(), ends_on=r.publicity_ends_on)
    ]


def _publish(ctx) -> int:
    candidates = publishable(today=ctx.today)
    to_publish = candidates[:-LATE] if len(candidates) > LATE else []
    calendar = work_calendar()
    for n, record in enumerate(to_publish):
        on = record.due_on
        if n == len(to_publish) - 1:  # the last one published, late
            late = calendar.add_working_days(record.due_on, LATE_BY)
            if late <= ctx.today and (
                not record.publicity_ends_on or late <= record.publicity_ends_on
            ):
                on = late
        try:
            with on_day(on):
                publicity_publish(record=record, actor=ctx.actor)
        except Refused as exc:
            ctx.notes.append(f"公示演示：{record.document_number or record.pk} 未公示：{exc}")
            continue
        ctx.created["publicity_published"] += 1
    return len(to_publish)


def _withdraw_one(ctx) -> None:
    if PublicityRecord.objects.filter(status=Status.WITHDRAWN).exists():
        return
    calendar = work_calendar()
    published = PublicityRecord.objects.filter(
        kind=Kind.PENALTY, status=Status.PUBLISHED, publicity_ends_on__gte=ctx.today
    ).order_by("decided_on", "pk")
    for record in published:
        changed_on = calendar.add_working_days(record.published_on, 10)  # the 复议 decision
        on = calendar.add_working_days(changed_on, 2)  # within 3 working days (第四十八条)
        if on > ctx.today:
            continue
        revoke = _REVOCATIONS.get(record.source_type)
        revoked = bool(
            revoke is not None
            and getattr(ctx, "users", None)
            and revoke(ctx, record, decided=changed_on, served=on)
        )
        if not revoked:
            with on_day(on):
                publicity_withdraw(
                    record=record,
                    reason=WITHDRAWAL_REASON,
                    change=Change.REVOKED,
                    actor=ctx.actor,
                    changed_on=changed_on,
                )
        ctx.created["publicity_withdrawn"] += 1
        return


def load(ctx) -> None:
    _publish(ctx)
    _withdraw_one(ctx)
