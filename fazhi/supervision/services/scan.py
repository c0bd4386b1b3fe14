"""The warning scan (``fazhi supervision scan``, daily, or a background job from its page).

The scan opens one warning per record and rule, updates it while the problem lasts, closes it
when the record is fixed and reopens the same row if the problem comes back: a unique
constraint on (rule, record) means it never opens the same one twice. Cases are settled in
batches (:data:`BATCH`), each in its own transaction and read in a fixed number of queries
(``selectors.facts.CaseBatch``), so a scan killed halfway leaves whole batches behind; the next
run starts from the last *finished* run and so covers what the killed one missed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from fazhi.accounts.permissions import SUPERVISION_SCAN, require
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.services import audit
from fazhi.enforcement.models import Case
from fazhi.supervision import push, selectors
from fazhi.supervision.domain import warnings as rules
from fazhi.supervision.models import CaseCheck, ScanRun, Warning
from fazhi.supervision.selectors.facts import CASE_RELATED, CaseBatch

CASE_TYPE = selectors.CASE_TYPE
#: cases settled per transaction: large enough that the per-batch queries are a small share,
#: small enough that a batch's locks and memory stay modest
BATCH = 500
WARNING_FIELDS = [
    "status",
    "closed_at",
    "opened_at",
    "times_opened",
    "level",
    "message",
    "checked_at",
    "org_unit",
    "subject_label",
]


def _candidates(since, today: date) -> list[int]:
    """Cases the scan must look at. The first run (``since`` None): every case. Afterwards:
    cases changed since the last finished run (the case row, its 公示 record, a 先行登记保存,
    a feed item accepted), cases never settled, cases whose next re-check day
    (``CaseCheck.next_check_on``, from ``domain.warnings.next_change``) has come, and cases with
    an open warning. A feed item still pending needs no query of its own: its deadline is one of
    the case's re-check days. Each part is one indexed query, so a day's scan reads a day's changes, not the city."""
    from fazhi.publicity.models import PublicityRecord
    from fazhi.supervision.models import Preservation, PushItem

    if since is None:
        return list(Case.objects.order_by("pk").values_list("pk", flat=True))
    ids = set(Case.objects.filter(updated_at__gte=since).values_list("pk", flat=True))
    ids |= set(CaseCheck.objects.filter(next_check_on__lte=today).values_list("case_id", flat=True))
    ids |= set(
        Case.objects.filter(~Exists(CaseCheck.objects.filter(case_id=OuterRef("pk")))).values_list(
            "pk", flat=True
        )
    )

    def as_ids(values) -> set[int]:
        return {int(i) for i in values if str(i).isdigit()}

    ids |= as_ids(
        Warning.objects.filter(subject_type=CASE_TYPE, status=Warning.Status.OPEN).values_list(
            "subject_id", flat=True
        )
    )
    ids |= as_ids(
        PublicityRecord.objects.filter(source_type=CASE_TYPE, updated_at__gte=since).values_list(
            "source_id", flat=True
        )
    )
    ids |= set(
        Preservation.objects.filter(
            Q(recorded_at__gte=since) | Q(handled_at__gte=since)
        ).values_list("case_id", flat=True)
    )
    ids |= as_ids(
        PushItem.objects.filter(subject_type=CASE_TYPE, accepted_at__gte=since).values_list(
            "subject_id", flat=True
        )
    )
    return sorted(ids)


def _merged(findings) -> dict[str, rules.Finding]:
    """Two findings of one rule: one warning, both messages, the higher level."""
    found: dict[str, rules.Finding] = {}
    for f in findings:
        if f.rule in found:
            prev = found[f.rule]
            level = rules.RED if rules.RED in (prev.level, f.level) else f.level
            f = rules.Finding(f.rule, level, f"{prev.message}；{f.message}")
        found[f.rule] = f
    return found


def _settle_batch(ids: list[int], *, run: ScanRun, thresholds, cal, now, actor) -> tuple[int, int]:
    """Bring the warnings of the cases ``ids`` in line with their findings, in one transaction
    and a number of queries that does not grow with the batch; returns (opened, closed). The
    changes (each warning opened, reopened, updated or closed, with its rule, level and case)
    go into one audit event per batch: an event per warning took four fifths of a day's scan."""
    today = run.today
    opened = closed = 0
    events: list[tuple[str, Warning, dict]] = []
    with transaction.atomic():
        cases = list(Case.objects.select_related(*CASE_RELATED).filter(pk__in=ids).order_by("pk"))
        if not cases:
            return 0, 0
        batch = CaseBatch(cases)
        push.enqueue_many(cases, batch.acts)  # the city platform's feed: each new content once
        existing: dict[str, dict[str, Warning]] = {}
        for w in Warning.objects.select_for_update().filter(
            subject_type=CASE_TYPE, subject_id__in=[str(c.pk) for c in cases]
        ):
            existing.setdefault(w.subject_id, {})[w.rule] = w
        checks, created, changed = [], [], []
        for case in cases:
            facts = batch.facts(case)
            checks.append(
                CaseCheck(
                    case_id=case.pk,
                    checked_at=now,
                    next_check_on=rules.next_change(
                        facts, today=today, thresholds=thresholds, cal=cal
                    ),
                )
            )
            found = _merged(rules.evaluate(facts, today=today, thresholds=thresholds, cal=cal))
            mine = existing.get(str(case.pk), {})
            label = f"{case.reference} {case.party_name}"[:200]
            for rule, f in found.items():
                data = {"rule": rule, "level": f.level, "case": case.reference}
                w = mine.get(rule)
                if w is None:
                    w = Warning(
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
                    created.append(w)
                    events.append(("open", w, data))
                    opened += 1
                    continue
                reopened = w.status == Warning.Status.CLOSED
                if reopened:
                    w.status, w.closed_at, w.opened_at = Warning.Status.OPEN, None, now
                    w.times_opened += 1
                    opened += 1
                if reopened or (w.level, w.message) != (f.level, f.message):
                    events.append(("reopen" if reopened else "update", w, data))
                w.level, w.message, w.checked_at = f.level, f.message, now
                w.org_unit, w.subject_label = case.org_unit, label
                changed.append(w)
            for rule, w in mine.items():
                if rule not in found and w.status == Warning.Status.OPEN:
                    w.status, w.closed_at, w.checked_at = Warning.Status.CLOSED, now, now
                    changed.append(w)
                    closed += 1
                    data = {"rule": rule, "case": case.reference}
                    events.append(("close", w, data))
        CaseCheck.objects.bulk_create(
            checks,
            update_conflicts=True,
            unique_fields=["case"],
            update_fields=["checked_at", "next_check_on"],
        )
        Warning.objects.bulk_create(created)
        Warning.objects.bulk_update(changed, WARNING_FIELDS)
        if events:
            audit.record(
                actor=actor,
                action="supervision.warnings.settle",
                target=run,
                data={
                    "today": today.isoformat(),
                    "changes": [{"warning": w.pk, "change": c, **d} for c, w, d in events],
                },
            )
    return opened, closed


def _settle_year(year: int, *, today: date, thresholds, now, actor) -> tuple[int, int]:
    """Rule 12 on ``year``: one warning on the year while the 统计年报 and the platform disagree
    (opened, updated, closed and reopened like a case's)."""
    if year < thresholds["year_counts_differ"]["from_year"]:
        return 0, 0
    with transaction.atomic():
        found = rules.year_counts_findings(
            year,
            yearbook=selectors.yearbook_figures(year),
            platform=selectors.platform_figures(year),
            today=today,
            thresholds=thresholds,
        )
        w = (
            Warning.objects.select_for_update()
            .filter(rule="year_counts_differ", subject_type=selectors.YEARBOOK_TYPE)
            .filter(subject_id=str(year))
            .first()
        )
        if not found:
            if w is None or w.status == Warning.Status.CLOSED:
                return 0, 0
            w.status, w.closed_at, w.checked_at = Warning.Status.CLOSED, now, now
            w.save(update_fields=["status", "closed_at", "checked_at"])
            audit.record(actor=actor, action="supervision.warning.close", target=w)
            return 0, 1
        f = found[0]
        unit = selectors.bureau_unit()
        if w is None:
            w = Warning.objects.create(
                rule=f.rule,
                subject_type=selectors.YEARBOOK_TYPE,
                subject_id=str(year),
                subject_label=f"{year}年行政执法统计年报",
                org_unit=unit,
                level=f.level,
                message=f.message,
                opened_at=now,
                checked_at=now,
            )
            audit.record(actor=actor, action="supervision.warning.open", target=w)
            return 1, 0
        reopened = w.status == Warning.Status.CLOSED
        if reopened:
            w.status, w.closed_at, w.opened_at = Warning.Status.OPEN, None, now
            w.times_opened += 1
        if reopened or (w.level, w.message) != (f.level, f.message):
            audit.record(
                actor=actor,
                action="supervision.warning.reopen" if reopened else "supervision.warning.update",
                target=w,
            )
        w.level, w.message, w.checked_at = f.level, f.message, now
        w.save()
        return (1 if reopened else 0), 0


def warnings_scan(
    *,
    today: date,
    actor=None,
    stop_after: int | None = None,
    batch: int = BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> ScanRun:
    """Run the warning rules over the cases that may have changed; ``actor=None`` is the daily
    system job. ``stop_after`` settles only that many cases (tests: a scan killed halfway);
    ``progress(done, total)`` is called after each batch (the background job's progress)."""
    if actor is not None:
        require(actor, SUPERVISION_SCAN)
    thresholds = selectors.thresholds()  # refuses a bad configuration before anything is written
    cal = work_calendar()
    last = ScanRun.objects.filter(finished_at__isnull=False).order_by("-started_at").first()
    now = timezone.now()
    run = ScanRun.objects.create(started_at=now, today=today)
    ids = _candidates(last.started_at if last else None, today)
    todo = ids if stop_after is None else ids[:stop_after]
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        opened, closed = _settle_batch(
            chunk, run=run, thresholds=thresholds, cal=cal, now=now, actor=actor
        )
        run.checked += len(chunk)
        run.opened += opened
        run.closed += closed
        if progress is not None:
            progress(run.checked, len(ids))
    if stop_after is not None and stop_after < len(ids):
        return run  # unfinished: the next run starts from the last finished one
    opened, closed = _settle_year(
        today.year - 1, today=today, thresholds=thresholds, now=now, actor=actor
    )
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
