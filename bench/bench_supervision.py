"""Supervision at demo scale (issue 22 item 6): the warning scan and the dashboard.

    python bench/bench_supervision.py [--keep DIR]

Data: the 2019 demo (`fazhi demo`, about sixty cases with every state) in a scratch SQLite
database. Measured: (a) the first warning scan over every case and a second run over the same
(idempotent: nothing opens), in s and ms per case; (b) the dashboard's charts
(``supervision.selectors.dashboard``, all five grouped queries) for the leader, 50 runs, p50/p95
ms; (c) the 统计年报 for 2019. The city scale (a day's scan, the dashboard on generated cases) is
``bench_supervision_scale.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "fazhi.settings.base"
    os.environ["FAZHI_DEBUG"] = "false"
    os.environ.setdefault("FAZHI_SECRET_KEY", "bench-only-secret")
    os.environ.setdefault("FAZHI_AUDIT_KEY", "bench-only-audit-key-0123456789abcdef")
    os.environ["FAZHI_SECURE_SSL_REDIRECT"] = "false"
    os.environ["FAZHI_ALLOWED_HOSTS"] = "testserver"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="directory for the scratch database (reused)")
    args = parser.parse_args(argv or [])
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-sup-"))
    folder.mkdir(parents=True, exist_ok=True)
    _setup(f"sqlite:///{folder / 'bench.sqlite3'}")
    from django.core.management import call_command

    from fazhi.accounts.models import User
    from fazhi.accounts.scenario import demo_load
    from fazhi.enforcement.models import Case
    from fazhi.supervision import selectors
    from fazhi.supervision.models import Warning
    from fazhi.supervision.services import warnings_scan

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not Case.objects.exists():
        started = time.perf_counter()
        demo_load(today=date(2019, 12, 31))
        print(f"demo loaded in {time.perf_counter() - started:.1f} s")
    cases = Case.objects.count()
    Warning.objects.all().delete()
    from fazhi.supervision.models import ScanRun

    ScanRun.objects.all().delete()
    for label in ("first scan", "second scan"):
        started = time.perf_counter()
        run = warnings_scan(today=date(2019, 12, 31))
        took = time.perf_counter() - started
        print(
            f"{label}: {run.checked} cases in {took:.2f} s "
            f"({took * 1000 / max(run.checked, 1):.1f} ms/case), opened {run.opened}"
        )
    leader = User.objects.get(username="leader")
    times = []
    for _ in range(50):
        started = time.perf_counter()
        selectors.dashboard(user=leader, year=2019, unit=None, today=date(2019, 12, 31))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(
        f"dashboard (5 charts, {cases} cases): p50 {statistics.median(times):.1f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms"
    )
    started = time.perf_counter()
    book = selectors.yearbook(2019)
    print(
        f"统计年报 2019: {book['penalty'].total} decisions, {book['penalty'].amount_wan} 万元, "
        f"{(time.perf_counter() - started) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
