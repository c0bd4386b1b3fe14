"""Supervision at city scale (issue 22 item 6): the day's warning scan and the dashboard.

    python bench/bench_supervision_scale.py [--cases N] [--officers N] [--keep] [--db NAME]

Data: ``bench_enforcement``'s generator (the same 20 units, cases received evenly over five
years up to today, two officers each, statuses by age, one deadline each) in a scratch
PostgreSQL database ``fazhi_bench_supervision_<N>`` or ``--db`` (dropped afterwards; ``--keep``
keeps and reuses it, so two versions of the code can be measured on the same data in a row). The issue's scale is 1,000,000 cases; the default here is 100,000 (``--cases``), what the
shared two-core machine allows, and the day's figures are extrapolated to 1,000,000.

"Yesterday's scan" is set up without running it over every case: a finished ``ScanRun``
yesterday and a ``CaseCheck`` per case whose ``next_check_on`` comes from the real
``domain.warnings.next_change`` on the case's generated dates. Then a day's changes: a share
of the cases (``CHANGES_PER_CASE_DAY``: a case changes about eight times in a life of about
a year, 1,000,000 cases over five years → ~4,400 changes a day) gets ``updated_at`` now.

Measured: (a) the scan of that day (``warnings_scan``): cases looked at, the candidate query,
total seconds and ms per case; extrapolated to 1,000,000 cases as (candidates × 1,000,000 / N)
× ms per case, which is conservative: the per-run costs (the candidate query, rule 12's
year figures) are inside the ms per case and so scaled with the cases too; (b) the dashboard (``selectors.dashboard``: all seven charts in one call, so
each chart's request is at most this) for the bureau-wide leader, 30 runs, p50/p95 ms.
Targets: a day's changes scanned in < 60 s; p95 < 200 ms per chart request.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
PG_DB = "fazhi_bench_supervision"
CHANGES_PER_CASE_DAY = 4_400 / 1_000_000
TARGET_SCAN_S, TARGET_CHART_MS = 60.0, 200.0


def _enforcement_bench():
    spec = importlib.util.spec_from_file_location(
        "bench_enforcement", HERE / "bench_enforcement.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _yesterdays_scan(today) -> int:
    """A finished scan yesterday and each case's next re-check day, from the real rule."""
    from django.utils import timezone

    from fazhi.core.selectors.calendar import work_calendar
    from fazhi.enforcement.models import Case
    from fazhi.supervision import selectors
    from fazhi.supervision.domain import warnings as rules
    from fazhi.supervision.models import CaseCheck, PushItem, ScanRun, Warning

    for model in (CaseCheck, ScanRun, Warning, PushItem):  # a kept database: start clean
        model.objects.all().delete()
    yesterday = timezone.now() - timedelta(days=1)
    # generated just now (auto_now): as far as the scan knows, nothing changed since yesterday
    Case.objects.update(updated_at=yesterday - timedelta(hours=1))
    ScanRun.objects.create(
        started_at=yesterday, finished_at=yesterday, today=today - timedelta(days=1)
    )
    t, cal = selectors.thresholds(), work_calendar()
    rows, due = [], 0
    for pk, procedure, filed_on, decided_on, status in Case.objects.values_list(
        "pk", "procedure", "filed_on", "decided_on", "status"
    ).iterator(chunk_size=20_000):
        facts = rules.CaseFacts(
            procedure,
            filed_on=filed_on,
            decided_on=decided_on,
            finished=status in selectors.FINISHED,
            served_on=decided_on,  # generated decisions are served the same day
        )
        try:
            nxt = rules.next_change(facts, today=today - timedelta(days=1), thresholds=t, cal=cal)
        except Exception:  # a year the calendar does not hold: re-check it today
            nxt = today
        due += nxt is not None and nxt <= today
        rows.append(CaseCheck(case_id=pk, checked_at=yesterday, next_check_on=nxt))
        if len(rows) == 20_000:
            CaseCheck.objects.bulk_create(rows)
            rows.clear()
    CaseCheck.objects.bulk_create(rows)
    return due


def measure(cases: int) -> dict:
    from django.db import connection
    from django.utils import timezone

    from fazhi.accounts.models import User
    from fazhi.enforcement.models import Case
    from fazhi.supervision import selectors
    from fazhi.supervision.services import _candidates, warnings_scan

    today = timezone.localdate()
    started = time.perf_counter()
    due = _yesterdays_scan(today)
    print(f"yesterday's scan set up in {time.perf_counter() - started:.0f} s", flush=True)
    rng = random.Random(22)
    ids = list(Case.objects.values_list("pk", flat=True))
    changed = rng.sample(ids, max(1, round(len(ids) * CHANGES_PER_CASE_DAY)))
    Case.objects.filter(pk__in=changed).update(updated_at=timezone.now())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    since = timezone.now() - timedelta(days=1)
    started = time.perf_counter()
    candidates = _candidates(since, today)
    candidate_s = time.perf_counter() - started
    started = time.perf_counter()
    run = warnings_scan(today=today)
    scan_s = time.perf_counter() - started
    per_case_ms = scan_s * 1000 / max(run.checked, 1)
    scale = 1_000_000 / cases
    projected_s = len(candidates) * scale * per_case_ms / 1000 + candidate_s * scale
    leader = User.objects.get(username="leader")
    times = []
    for _ in range(30):
        t0 = time.perf_counter()
        selectors.dashboard(user=leader, year=today.year - 1, unit=None, today=today)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "cases": cases,
        "changed": len(changed),
        "due": due,
        "candidates": len(candidates),
        "candidate_s": candidate_s,
        "checked": run.checked,
        "opened": run.opened,
        "scan_s": scan_s,
        "per_case_ms": per_case_ms,
        "projected_s": projected_s,
        "dash_p50": statistics.median(times),
        "dash_p95": times[int(len(times) * 0.95) - 1],
    }


def main(argv: list[str] | None = None) -> dict:
    argv = list(sys.argv[1:] if argv is None and __name__ == "__main__" else argv or [])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--officers", type=int, default=1_000)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the database")
    parser.add_argument("--db", default="", help="database name (default: one per --cases)")
    args = parser.parse_args(argv)
    enf = _enforcement_bench()
    name = args.db or f"{PG_DB}_{args.cases}"
    fresh = not (args.keep and enf._pg_exists_named(name))
    if fresh:
        enf._pg(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        enf._pg(f"CREATE DATABASE {name}")
    os.environ.setdefault("FAZHI_AUDIT_KEY", "bench-only-audit-key-0123456789abcdef")
    enf._setup(f"{enf.PG_SERVER}/{name}")
    try:
        from django.core.management import call_command

        if fresh:
            made = enf.generate(args.cases, args.officers)
            print(f"generated {made['cases']:,} cases in {made['seconds']:.0f} s", flush=True)
        call_command("migrate", verbosity=0)
        r = measure(args.cases)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            enf._pg(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    ok = "met" if r["projected_s"] < TARGET_SCAN_S else "NOT met"
    print(
        f"day's scan at {r['cases']:,} cases: {r['changed']:,} changed, {r['due']:,} due for a "
        f"re-check, {r['candidates']:,} candidates (query {r['candidate_s'] * 1000:.0f} ms); "
        f"{r['checked']:,} settled in {r['scan_s']:.1f} s ({r['per_case_ms']:.1f} ms/case), "
        f"opened {r['opened']:,}\n"
        f"projected to 1,000,000 cases: {r['projected_s']:.0f} s (target < {TARGET_SCAN_S:.0f} s: "
        f"{ok})\n"
        f"dashboard (7 charts in one call) p50 {r['dash_p50']:.1f} ms, p95 {r['dash_p95']:.1f} ms "
        f"(target p95 < {TARGET_CHART_MS:.0f} ms per chart: "
        f"{'met' if r['dash_p95'] < TARGET_CHART_MS else 'NOT met'} at this scale)",
        flush=True,
    )
    return r


if __name__ == "__main__":
    main()
