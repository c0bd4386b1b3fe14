"""Registers sorted by the nearest open deadline: the 复议 register's page on 100,000 cases.

    python bench/bench_registers.py [--quick] [--db sqlite|postgres|both] [--cases N]

The 行政复议 register (and the 行政许可 one, the same code) orders every case by its nearest open
deadline in the database (`core.selectors.deadlines.by_nearest_deadline`), then takes one page
of 50 (`core.selectors.paging.bounded_page`) and reads those cases' deadlines
(`disputes.selectors.nearest_rows`) — what the page runs. A scratch database (SQLite: a
temporary file; PostgreSQL: ``fazhi_bench_registers`` on 127.0.0.1:5432, created and dropped
here) is migrated and filled with ``bulk_create``: N cases, two deadlines each (one met), one
case in twenty with an open deadline. Reported: the median of 15 page loads (pages 1 and 3),
with the index ``deadline_subject_status_idx`` (subject_type, subject_id, status, due) and, side
by side in the same run up to 20,000 cases (``--quick``), with the (subject_type, subject_id)
index it replaced (3 loads when one takes over a second). ``--quick``: 10,000 cases.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = 100_000
QUICK_CASES = 10_000
OPEN_EVERY = 20
RUNS = 15
# The old index makes the sort scan every open deadline per case (1.7 s at 10,000 cases on
# SQLite, and quadratic): compared only up to this size.
COMPARE_UP_TO = 20_000
PG_ADMIN = os.environ.get("FAZHI_BENCH_PG_ADMIN", "postgres://postgres@127.0.0.1:5432/postgres")
PG_NAME = "fazhi_bench_registers"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
INDEX = "deadline_subject_status_idx"


def _setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings.base")
    os.environ["FAZHI_DEBUG"] = "false"
    os.environ.setdefault("FAZHI_SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()


def _fill(cases: int) -> None:
    from django.core.management import call_command

    from fazhi.accounts.models import OrgUnit
    from fazhi.core.models import Deadline
    from fazhi.disputes.models import ReconsiderationCase

    call_command("migrate", verbosity=0)
    unit = OrgUnit.objects.create_in_tree(parent=None, code="JU", name="市人社局", kind="bureau")
    start = date(2019, 1, 1)

    def case(n: int) -> ReconsiderationCase:
        return ReconsiderationCase(
            org_unit=unit,
            reference=f"津人社复〔bench〕{n}号",
            tracking_code=f"B{n:014d}",
            role="body",
            status="accepted",
            law="2023",
            applicant_name="张某",
            respondent="某区人社局",
            act="工伤认定决定",
            act_known_on=start,
            requests="撤销",
            received_on=start + timedelta(days=n % 2000),
        )

    ReconsiderationCase.objects.bulk_create((case(n) for n in range(cases)), batch_size=5000)
    ids = list(ReconsiderationCase.objects.values_list("pk", flat=True))
    label = ReconsiderationCase._meta.label_lower

    def deadline(pk: int, n: int, status: str) -> Deadline:
        due = start + timedelta(days=30 + n % 2500)
        return Deadline(
            subject_type=label,
            subject_id=str(pk),
            subject_label=str(pk),
            rule_code="reconsideration.decision",
            start=start,
            due=due,
            status=status,
            org_unit=unit,
        )

    rows = [deadline(pk, n, "met") for n, pk in enumerate(ids)]
    rows += [deadline(pk, n, "open" if n % OPEN_EVERY == 0 else "met") for n, pk in enumerate(ids)]
    Deadline.objects.bulk_create(rows, batch_size=5000)


def _page_ms(number: int) -> float:
    from django.db.models import QuerySet

    from fazhi.core.selectors.deadlines import by_nearest_deadline
    from fazhi.core.selectors.paging import bounded_page
    from fazhi.disputes.models import ReconsiderationCase
    from fazhi.disputes.selectors import nearest_rows

    qs: QuerySet = ReconsiderationCase.objects.select_related("org_unit")
    started = time.perf_counter()
    page = bounded_page(by_nearest_deadline(qs), page=number)
    rows = nearest_rows(page.rows, today=date(2020, 6, 1))
    if len(rows) != 50:
        raise RuntimeError(f"page {number} has {len(rows)} rows")
    return (time.perf_counter() - started) * 1000


def _measure(label: str) -> dict[str, float]:
    first = _page_ms(1)  # warms the caches and the calendar; a slow plan gets fewer runs
    runs = RUNS if first < 1000 else 3
    return {
        f"{label}, page {n}": statistics.median(_page_ms(n) for _ in range(runs)) for n in (1, 3)
    }


def _as_before() -> None:
    """The indexes before this one: (subject_type, subject_id) without status and due."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {INDEX}")
        cursor.execute(
            "CREATE INDEX deadline_subject_idx ON core_deadline (subject_type, subject_id)"
        )
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE core_deadline")


def run(database: str, cases: int) -> dict[str, float]:
    if database == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            admin.execute(f"CREATE DATABASE {PG_NAME}")
        url = PG_URL
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    _setup(url)
    started = time.perf_counter()
    _fill(cases)
    if database == "postgres":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{database}: {cases:,} cases filled in {time.perf_counter() - started:.0f} s", flush=True
    )
    figures = _measure("index (type, id, status, due)")
    if cases <= COMPARE_UP_TO:
        _as_before()
        figures.update(_measure("index (type, id), as before"))
    if database == "postgres":
        from django.db import connections

        connections.close_all()
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
    return figures


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    cases = QUICK_CASES if "--quick" in argv else CASES
    if "--cases" in argv:
        cases = int(argv[argv.index("--cases") + 1])
    db = argv[argv.index("--db") + 1] if "--db" in argv else "both"
    # Django configures one database per process: each database gets its own child process.
    if db == "both":
        import subprocess

        for one in ("sqlite", "postgres"):
            cmd = [sys.executable, __file__, "--db", one, "--cases", str(cases)]
            subprocess.run(cmd, check=True)  # noqa: S603 (our own script)
        return
    print(f"| {db}, {cases:,} cases, 1 in {OPEN_EVERY} with an open deadline | median ms |")
    print("| --- | --- |")
    for label, ms in run(db, cases).items():
        print(f"| {label} | {ms:.1f} |", flush=True)


if __name__ == "__main__":
    main()
