"""Enforcement at city scale: 1,000,000 cases over five years, 5,000 officers (issue 4).

    python bench/bench_enforcement.py [--quick] [--db sqlite|postgresql|both] [--keep DIR]

Data (generated with ``bulk_create`` in a fresh child process): a bureau with a 总队 of four
支队 and 16 district 大队 — 20 case-handling units, 250 officers each, every officer with a
login; the demo's 45 power items; cases received evenly over the five years up to today, each
with two officers of its unit, status by age (older than 180 days: archived, closed, rejected
or withdrawn; younger: still moving, a few stuck in investigation), one deadline per case (the
investigation clock, due 84 days after receipt: open until the decision, so some past due; met
for the others), sources and outcomes in fixed proportions.

Measured, on each database, in a second child process:
(a) "my cases" — the staff page ``enforcement:case_list`` through Django's test ``Client``
    (``force_login``, outside the timing): 200 requests over 200 officers (their scope, then
    ``?mine=1``), 200 by a bureau-wide leader (pages 1–20, then ``?overdue=1``); p50/p95 ms;
(b) the overdue-deadlines query — ``overdue_deadlines`` first page of 50 with its bounded count
    and cases, 200 runs over 200 officers and 200 for the leader; p50/p95 ms;
(c) ``yearly_statistics`` for a full year against the naive loop (the year's ``Case`` objects
    with ``select_related``, counted in dicts) and the floor (raw ``SELECT count(*) … GROUP BY``,
    one per dimension); also the single raw GROUP BY on (item, source, outcome). Best of 5
    (naive: one run). All three must give the same counts.
Targets: pages and query p95 < 100 ms; statistics ≤ 2× the floor.

Scratch databases: SQLite in a temporary file (``--keep DIR`` keeps it there and reuses it);
PostgreSQL ``fazhi_bench_enforcement`` on 127.0.0.1:5432 (created and dropped; kept and reused
with ``--keep``; FAZHI_BENCH_PG overrides the server URL). ``--quick``: 100,000 cases, 1,000
officers. Peak RSS is the measuring child's ru_maxrss.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("FAZHI_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_DB = "fazhi_bench_enforcement"
FULL = {"cases": 1_000_000, "officers": 5_000}
QUICK = {"cases": 100_000, "officers": 1_000}
UNITS = 20
REQUESTS = 200
SEED = 20241231
BATCH = 5_000
TARGET_MS, TARGET_RATIO = 100.0, 2.0
SOURCES = ("complaint",) * 8 + ("report",) * 4 + ("random",) * 3 + ("patrol",) * 4 + ("referral",)
OUTCOMES = ("penalty",) * 7 + ("mitigated", "no_penalty", "")
YOUNG = (  # status of a case received d days ago (d < 180), by age band
    (30, ("received", "accepted", "filed", "filed")),
    (90, ("filed", "notified", "review", "reviewed", "hearing")),
    (180, ("decided", "served", "paid", "court", "closed") * 6 + ("filed",)),  # a few stuck
)
OLD = ("archived",) * 90 + ("closed",) * 5 + ("rejected",) * 3 + ("withdrawn",) * 2
DECIDED = {"decided", "served", "paid", "court", "closed", "archived"}
# The investigation clock runs until the decision (then it is met).
CLOCK_OPEN = {
    "received",
    "accepted",
    "filed",
    "notified",
    "hearing",
    "heard",
    "review",
    "returned",
    "reviewed",
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "fazhi.settings.base"
    os.environ["FAZHI_DEBUG"] = "false"  # no query log, production settings
    os.environ.setdefault("FAZHI_SECRET_KEY", "bench-only-secret")
    os.environ["FAZHI_SECURE_SSL_REDIRECT"] = "false"
    os.environ["FAZHI_ALLOWED_HOSTS"] = "testserver"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()


# --- data ---------------------------------------------------------------------------------


def _org_tree():
    from fazhi.accounts.models import OrgUnit

    bureau = OrgUnit.objects.create_in_tree(parent=None, code="B", name="市人社局", kind="bureau")
    corps = OrgUnit.objects.create_in_tree(
        parent=bureau, code="Z", name="劳动保障监察总队", kind="team"
    )
    units = [
        OrgUnit.objects.create_in_tree(parent=corps, code=f"Z{i}", name=f"第{i}支队", kind="team")
        for i in range(1, 5)
    ]
    for i in range(1, 17):
        district = OrgUnit.objects.create_in_tree(
            parent=bureau, code=f"D{i}", name=f"第{i}区人社局", kind="district"
        )
        units.append(
            OrgUnit.objects.create_in_tree(
                parent=district, code=f"D{i}T", name=f"第{i}区监察大队", kind="team"
            )
        )
    return bureau, corps, units


def _people(bureau, units, officers: int):
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from fazhi.accounts.models import User
    from fazhi.officers.models import Officer

    handler, _ = Group.objects.get_or_create(name="执法人员")
    leaders, _ = Group.objects.get_or_create(name="局领导")
    User.objects.create_user(username="leader", org_unit=bureau, full_name="局长").groups.add(
        leaders
    )
    unusable = make_password(None)  # force_login needs none, and hashing 5,000 takes minutes
    users = [
        User(
            username=f"zf{i:05d}",
            org_unit=units[i % UNITS],
            full_name=f"执法{i}",
            password=unusable,
        )
        for i in range(officers)
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    users = list(User.objects.filter(username__startswith="zf").order_by("username"))
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=handler.pk) for u in users], batch_size=BATCH
    )
    Officer.objects.bulk_create(
        [Officer(user=u, name=u.full_name, org_unit_id=u.org_unit_id) for u in users],
        batch_size=BATCH,
    )
    by_unit: dict[int, list[int]] = {}
    for officer_id, unit_id in Officer.objects.order_by("pk").values_list("pk", "org_unit_id"):
        by_unit.setdefault(unit_id, []).append(officer_id)
    return by_unit


def _status(age: int, rng: random.Random) -> str:
    for limit, statuses in YOUNG:
        if age < limit:
            return rng.choice(statuses)
    return rng.choice(OLD)


def generate(cases: int, officers: int) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from fazhi.core.models import Deadline
    from fazhi.enforcement.models import Case
    from fazhi.powers import demo
    from fazhi.powers.models import PowerItem

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(SEED)
    bureau, corps, units = _org_tree()
    by_unit = _people(bureau, units, officers)
    PowerItem.objects.bulk_create(
        PowerItem(code=code, kind=kind.value, name=name, org_unit=corps)
        for code, kind, name, *_ in demo.ITEMS
    )
    items = list(PowerItem.objects.order_by("pk").values_list("pk", flat=True))
    today = timezone.localdate()
    first = today - timedelta(days=5 * 365)
    span = (today - first).days
    through = Case.officers.through
    case_rows, link_rows, deadline_rows = [], [], []
    serials: dict[tuple[int, int], int] = {}

    def flush():
        Case.objects.bulk_create(case_rows)
        through.objects.bulk_create(link_rows)
        Deadline.objects.bulk_create(deadline_rows)
        for rows in (case_rows, link_rows, deadline_rows):
            rows.clear()

    for pk in range(1, cases + 1):
        received = first + timedelta(days=(pk - 1) * span // cases)
        age = (today - received).days
        unit = units[rng.randrange(UNITS)]
        status = _status(age, rng)
        serials[unit.pk, received.year] = serial = serials.get((unit.pk, received.year), 0) + 1
        outcome = rng.choice(OUTCOMES) if status in DECIDED else ""
        case_rows.append(
            Case(
                pk=pk,
                reference=f"{unit.code}〔{received.year}〕{serial}号",
                power_item_id=rng.choice(items),
                org_unit_id=unit.pk,
                status=status,
                source=rng.choice(SOURCES),
                received_on=received,
                filed_on=received + timedelta(days=5)
                if status not in ("received", "accepted", "rejected")
                else None,
                cause="拖欠劳动者工资",
                party_name=f"某某建设工程有限公司{pk % 20_000}",
                outcome=outcome,
                decided_on=received + timedelta(days=80) if status in DECIDED else None,
            )
        )
        for officer_id in rng.sample(by_unit[unit.pk], 2):
            link_rows.append(through(case_id=pk, officer_id=officer_id))
        is_open = status in CLOCK_OPEN
        due = received + timedelta(days=84)  # 60 working days (条例 第十七条), roughly
        deadline_rows.append(
            Deadline(
                subject_type="enforcement.case",
                subject_id=str(pk),
                subject_label=f"案件{pk}",
                org_unit_id=unit.pk,
                rule_code="labor_inspection.investigation",
                start=received,
                due=due,
                status="open" if is_open else "met",
                met_on=None if is_open else due,
            )
        )
        if len(case_rows) == BATCH:
            flush()
    flush()
    if connection.vendor == "postgresql":
        from django.core.management.color import no_style

        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Case, Deadline]):
                cursor.execute(sql)
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"cases": cases, "officers": officers, "seconds": time.perf_counter() - started}


# --- measurements -------------------------------------------------------------------------


def _ms(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000,
        "n": len(ordered),
    }


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _pages(officers, leader) -> dict:
    from django.test import Client
    from django.urls import reverse

    url = reverse("enforcement:case_list")
    client = Client()
    out = {}

    def run(label, pairs):
        samples = []
        for user, params in pairs:
            client.force_login(user)
            started = time.perf_counter()
            response = client.get(url, params)
            samples.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"{label}: HTTP {response.status_code}")
        out[label] = _ms(samples)

    run("my cases (officer)", [(u, {}) for u in officers])
    run("my cases ?mine=1 (officer)", [(u, {"mine": "1"}) for u in officers])
    run(
        "all cases (leader, pages 1–20)",
        [(leader, {"page": str(i % 20 + 1)}) for i in range(REQUESTS)],
    )
    run("?overdue=1 (leader)", [(leader, {"overdue": "1"}) for _ in range(REQUESTS)])
    return out


def _overdue(officers, leader, today) -> dict:
    from fazhi.enforcement import selectors

    def once(user):
        page = selectors.bounded_page(selectors.overdue_deadlines(user=user, today=today))
        selectors.with_cases(page.rows, today=today)

    return {
        "overdue deadlines (officer)": _ms([_timed(lambda u=u: once(u)) for u in officers]),
        "overdue deadlines (leader)": _ms([_timed(lambda: once(leader)) for _ in officers]),
    }


def naive_statistics(year: int) -> dict:
    """The baseline: every Case of the year as an object, counted in Python."""
    from fazhi.enforcement.models import Case

    kinds, sources, outcomes, items = {}, {}, {}, {}
    cases = Case.objects.select_related("power_item").filter(received_on__year=year)
    for case in cases.iterator(chunk_size=2000):
        kinds[case.power_item.kind] = kinds.get(case.power_item.kind, 0) + 1
        sources[case.source] = sources.get(case.source, 0) + 1
        outcomes[case.outcome] = outcomes.get(case.outcome, 0) + 1
        items[case.power_item.code] = items.get(case.power_item.code, 0) + 1
    return {"kind": kinds, "source": sources, "outcome": outcomes, "item": items}


FLOOR_SQL = {
    "kind": "SELECT p.kind, count(*) FROM enforcement_case c JOIN powers_poweritem p"
    " ON p.id = c.power_item_id WHERE c.received_on BETWEEN %s AND %s GROUP BY p.kind",
    "source": "SELECT source, count(*) FROM enforcement_case"
    " WHERE received_on BETWEEN %s AND %s GROUP BY source",
    "outcome": "SELECT outcome, count(*) FROM enforcement_case"
    " WHERE received_on BETWEEN %s AND %s GROUP BY outcome",
    "item": "SELECT p.code, count(*) FROM enforcement_case c JOIN powers_poweritem p"
    " ON p.id = c.power_item_id WHERE c.received_on BETWEEN %s AND %s GROUP BY p.code",
}
SINGLE_SQL = (
    "SELECT power_item_id, source, outcome, count(*) FROM enforcement_case"
    " WHERE received_on BETWEEN %s AND %s GROUP BY power_item_id, source, outcome"
)


def floor_statistics(year: int) -> dict:
    from django.db import connection

    span = (date(year, 1, 1), date(year, 12, 31))
    with connection.cursor() as cursor:
        out = {}
        for key, sql in FLOOR_SQL.items():
            cursor.execute(sql, span)
            out[key] = dict(cursor.fetchall())
    return out


def single_group_raw(year: int) -> list:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SINGLE_SQL, (date(year, 1, 1), date(year, 12, 31)))
        return cursor.fetchall()


def _ours_as_floor(stats: dict) -> dict:
    return {
        "kind": {r["key"]: r["count"] for r in stats["by_kind"]},
        "source": {r["key"]: r["count"] for r in stats["by_source"]},
        "outcome": {r["key"]: r["count"] for r in stats["by_outcome"]},
        "item": {r["code"]: r["count"] for r in stats["by_power_item"]},
    }


def _best(fn, runs: int = 5) -> float:
    return min(_timed(fn) for _ in range(runs)) * 1000


def _statistics(year: int) -> dict:
    from fazhi.enforcement.selectors_stats import yearly_statistics

    ours = yearly_statistics(year=year)
    floor = floor_statistics(year)
    naive = naive_statistics(year)
    if not (_ours_as_floor(ours) == floor == naive):
        raise RuntimeError("statistics differ between ours, the floor and the naive loop")
    return {
        "year": year,
        "cases": ours["total"],
        "ours_ms": _best(lambda: yearly_statistics(year=year)),
        "floor_ms": _best(lambda: floor_statistics(year)),
        "single_raw_ms": _best(lambda: single_group_raw(year)),
        "naive_ms": _best(lambda: naive_statistics(year), runs=1),
    }


def measure() -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from fazhi.accounts.models import User

    call_command("migrate", verbosity=0)  # a kept database gets any index added since
    base = _rss_mb()
    today = timezone.localdate()
    rng = random.Random(SEED + 1)
    ids = list(User.objects.filter(username__startswith="zf").values_list("pk", flat=True))
    officers = list(User.objects.filter(pk__in=rng.sample(ids, REQUESTS)))
    leader = User.objects.get(username="leader")
    result = {"database": connection.vendor, "timings": {}}
    result["timings"].update(_pages(officers, leader))
    result["timings"].update(_overdue(officers, leader, today))
    result["stats"] = _statistics(today.year - 2)
    result["rss_mb"] = _rss_mb()
    result["rss_delta_mb"] = result["rss_mb"] - base
    return result


# --- orchestration ------------------------------------------------------------------------


def _child(args: list[str], url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    cmd = [sys.executable, __file__, "--child", *args, "--db-url", url, "--result", str(out)]
    subprocess.run(cmd, check=True, cwd=ROOT)  # noqa: S603 (our own script)
    data = json.loads(out.read_text("utf-8"))
    out.unlink()
    return data


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def run_database(name: str, url: str, scale: dict, fresh: bool) -> dict:
    if fresh:
        made = _child(["generate", str(scale["cases"]), str(scale["officers"])], url)
        print(
            f"{name}: generated {made['cases']:,} cases, {made['officers']:,} officers "
            f"in {made['seconds']:.0f} s",
            flush=True,
        )
    result = _child(["measure"], url)
    result["name"] = name
    return result


def report(results: list[dict], scale: dict) -> str:
    lines = [
        f"Scale: {scale['cases']:,} cases over five years, {scale['officers']:,} officers, "
        f"{UNITS} units; {REQUESTS} requests per row.",
        "",
        "| database | measurement | p50 ms | p95 ms | target p95 < 100 ms |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for r in results:
        for label, t in r["timings"].items():
            ok = "met" if t["p95"] < TARGET_MS else "NOT met"
            lines.append(f"| {r['name']} | {label} | {t['p50']:.1f} | {t['p95']:.1f} | {ok} |")
    lines += [
        "",
        "| database | year (cases) | ours ms | floor ms (4 GROUP BY) | single GROUP BY ms "
        "| naive loop ms | naive / ours | ours / floor | target ≤ 2× floor |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        s = r["stats"]
        ratio = s["ours_ms"] / s["floor_ms"]
        lines.append(
            f"| {r['name']} | {s['year']} ({s['cases']:,}) | {s['ours_ms']:.1f} | "
            f"{s['floor_ms']:.1f} | {s['single_raw_ms']:.1f} | {s['naive_ms']:.0f} | "
            f"{s['naive_ms'] / s['ours_ms']:.0f}× | {ratio:.2f}× | "
            f"{'met' if ratio <= TARGET_RATIO else 'NOT met'} |"
        )
    lines += [
        "",
        "Peak RSS of the measuring process: "
        + ", ".join(
            f"{r['name']} {r['rss_mb']:.0f} MB (+{r['rss_delta_mb']:.0f} MB)" for r in results
        ),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> list[dict]:
    argv = list(sys.argv[1:] if argv is None and __name__ == "__main__" else argv or [])
    if "--child" in argv:
        i = argv.index("--child")
        action, rest = argv[i + 1], argv[i + 2 :]
        _setup(rest[rest.index("--db-url") + 1])
        result = generate(int(rest[0]), int(rest[1])) if action == "generate" else measure()
        Path(rest[rest.index("--result") + 1]).write_text(json.dumps(result), "utf-8")
        return [result]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 cases, 1,000 officers")
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the scratch databases")
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else FULL
    tag = "quick" if args.quick else "full"
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-enforcement-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.db in ("sqlite", "both"):
            path = folder / f"enforcement-{tag}.sqlite3"
            fresh = not (args.keep and path.exists())
            if fresh:
                path.unlink(missing_ok=True)
            results.append(run_database("SQLite", f"sqlite:///{path}", scale, fresh))
        if args.db in ("postgresql", "both"):
            name = f"{PG_DB}_{tag}" if args.keep else PG_DB
            url = f"{PG_SERVER}/{name}"
            fresh = not (args.keep and _pg_exists_named(name))
            if fresh:
                _pg(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                _pg(f"CREATE DATABASE {name}")
            try:
                results.append(run_database("PostgreSQL", url, scale, fresh))
            finally:
                if not args.keep:
                    _pg(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    print(report(results, scale), flush=True)
    return results


def _pg_exists_named(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return row is not None


if __name__ == "__main__":
    main()
