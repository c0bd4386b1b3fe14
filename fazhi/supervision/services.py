"""Writes of supervision: the warning scan (``fazhi supervision scan``, daily).

The scan opens one warning per record and rule, updates it while the problem lasts, closes it
when the record is fixed and reopens the same row if the problem comes back: a unique
constraint on (rule, record) means it never opens the same one twice. Each case is settled in
its own transaction, so a scan killed halfway leaves whole cases behind; the next run starts
from the last *finished* run and so covers what the killed one missed.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.accounts.permissions import SUPERVISION_SCAN, require
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.services import audit
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.models import Case
from fazhi.supervision import selectors
from fazhi.supervision.domain import warnings as rules
from fazhi.supervision.models import ScanRun, Warning

CASE_TYPE = selectors.CASE_TYPE


def _candidates(since) -> list[int]:
    """Cases the scan must look at: every case still running (time-driven rules), every case
    changed since the last finished scan, and every case with an open warning (to close it)."""
    q = Q(status__in=[s.value for s in flow.OPEN_STATUSES])
    if since is not None:
        q |= Q(updated_at__gte=since)
    else:
        q = Q()
    ids = set(Case.objects.filter(q).values_list("pk", flat=True))
    ids |= {
        int(i)
        for i in Warning.objects.filter(
            subject_type=CASE_TYPE, status=Warning.Status.OPEN
        ).values_list("subject_id", flat=True)
    }
    return sorted(ids)


def _settle_case(case_id: int, *, today: date, thresholds, cal, now, actor) -> tuple[int, int]:
    """Bring the warnings of one case in line with its findings; returns (opened, closed)."""
    opened = closed = 0
    with transaction.atomic():
        case = Case.objects.select_related("org_unit").filter(pk=case_id).first()
        if case is None:
            return 0, 0
        facts = selectors.case_facts(case)
        found: dict[str, rules.Finding] = {}
        for f in rules.evaluate(facts, today=today, thresholds=thresholds, cal=cal):
            if f.rule in found:  # two findings of one rule: one warning, both messages
                prev = found[f.rule]
                level = rules.RED if rules.RED in (prev.level, f.level) else f.level
                f = rules.Finding(f.rule, level, f"{prev.message}；{f.message}")
            found[f.rule] = f
        existing = {
            w.rule: w
            for w in Warning.objects.select_for_update().filter(
                subject_type=CASE_TYPE, subject_id=str(case.pk)
            )
        }
        label = f"{case.reference} {case.party_name}"[:200]
        for rule, f in found.items():
            w = existing.get(rule)
            if w is None:
                w = Warning.objects.create(
                    rule=rule,
                    subject_type=CASE_TYPE,
                    subject_id=str(case.pk),
                    subject_label=label,
                    org_unit=case.org_unit,
                    level=f.level,
                    message=f.message,
                    opened_at=now,
                    checked_at=now,
                )
                opened += 1
                audit.record(
                    actor=actor,
                    action="supervision.warning.open",
                    target=w,
                    data={"rule": rule, "level": f.level, "case": case.reference},
                )
                continue
            reopened = w.status == Warning.Status.CLOSED
            if reopened:
                w.status, w.closed_at, w.opened_at = Warning.Status.OPEN, None, now
                w.times_opened += 1
                opened += 1
            changed = reopened or (w.level, w.message) != (f.level, f.message)
            w.level, w.message, w.checked_at = f.level, f.message, now
            w.org_unit = case.org_unit
            w.subject_label = label
            w.save()
            if changed:
                audit.record(
                    actor=actor,
                    action="supervision.warning.reopen"
                    if reopened
                    else "supervision.warning.update",
                    target=w,
                    data={"rule": rule, "level": f.level, "case": case.reference},
                )
        for rule, w in existing.items():
            if rule not in found and w.status == Warning.Status.OPEN:
                w.status, w.closed_at, w.checked_at = Warning.Status.CLOSED, now, now
                w.save(update_fields=["status", "closed_at", "checked_at"])
                closed += 1
                audit.record(
                    actor=actor,
                    action="supervision.warning.close",
                    target=w,
                    data={"rule": rule, "case": case.reference},
                )
    return opened, closed


def warnings_scan(*, today: date, actor=None, stop_after: int | None = None) -> ScanRun:
    """Run the warning rules over the cases that may have changed; ``actor=None`` is the daily
    system job. ``stop_after`` settles only that many cases (tests: a scan killed halfway)."""
    if actor is not None:
        require(actor, SUPERVISION_SCAN)
    thresholds = selectors.thresholds()  # refuses a bad configuration before anything is written
    cal = work_calendar()
    last = ScanRun.objects.filter(finished_at__isnull=False).order_by("-started_at").first()
    now = timezone.now()
    run = ScanRun.objects.create(started_at=now, today=today)
    ids = _candidates(last.started_at if last else None)
    for n, case_id in enumerate(ids):
        if stop_after is not None and n >= stop_after:
            return run  # unfinished: the next run starts from the last finished one
        opened, closed = _settle_case(
            case_id, today=today, thresholds=thresholds, cal=cal, now=now, actor=actor
        )
        run.checked += 1
        run.opened += opened
        run.closed += closed
    run.finished_at = timezone.now()
    run.save()
    audit.record(
        actor=actor,
        action="supervision.scan",
        target=run,
        data={
            "today": today.isoformat(),
            "checked": run.checked,
            "opened": run.opened,
            "closed": run.closed,
        },
    )
    return run
