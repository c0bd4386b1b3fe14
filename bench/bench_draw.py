"""双随机 draw at Tianjin's scale: 5% of 1,500,000 employers in 20 strata, 2,000 inspectors.

    python bench/bench_draw.py [--quick] [--db sqlite|postgresql|both]   # make bench: no flags

Fazhi: `draw_commit` (load candidates → freeze → store → commit) then `draw_execute` (read the
stored list back → check it against the commitment → draw employers and inspectors with 回避 →
write the checks), end to end through the services, in a fresh process per database.

Peer: the naive ORM draw, per stratum `Employer.objects.filter(stratum=s).order_by("?")[:k]`,
and per check two inspectors by `usable_officers(...).exclude(related).order_by("?")[:2]`. The
naive inspector step is timed on a sample of checks and scaled (bench_clock does the same);
its writes are not counted, which favours the peer.

The CPU time of the measuring process is reported next to the wall time: on a shared machine
their gap is the time the process waited for a core (PostgreSQL's own work is in neither).

Scratch databases: a temporary SQLite file; PostgreSQL database ``fazhi_bench_draw`` on
127.0.0.1:5432 (created and dropped; FAZHI_BENCH_PG overrides the server URL). Memory is the
peak resident set (ru_maxrss) of the measuring process above its size after Django set-up.
``--quick``: 150,000 employers, 500 inspectors.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("FAZHI_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_DB = "fazhi_bench_draw"
STRATA = 20
SHARE = "0.05"
DRAW_DAY = date(2019, 5, 6)
NAIVE_SAMPLE = 300
TARGET_SECONDS, TARGET_RATIO = 5.0, 20


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "fazhi.settings.base"
    os.environ["FAZHI_DEBUG"] = "false"  # no query log: it would hold every batch
    os.environ.setdefault("FAZHI_SECRET_KEY", "bench-only-secret")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("FAZHI_EVIDENCE_ROOT", tempfile.mkdtemp(prefix="fazhi-bench-draw-"))
    import django

    django.setup()


def populate(employers: int, inspectors: int) -> dict:
    """Fill the scratch database (not timed as part of the draw)."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from fazhi.accounts.services import org_unit_create
    from fazhi.inspections.domain.directory import synthetic_uscc
    from fazhi.inspections.models import Employer, OfficerEmployerRelation
    from fazhi.inspections.services import plans
    from fazhi.officers.models import Certificate, Officer
    from fazhi.powers.models import PowerItem

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    unit = org_unit_create(code="JU", name="市人社局", kind="bureau", parent=None, actor=None)
    officers = Officer.objects.bulk_create(
        [Officer(name=f"检查员{n:04d}", org_unit=unit) for n in range(inspectors)]
    )
    Certificate.objects.bulk_create(
        [
            Certificate(
                officer=o,
                number=f"JC{n:06d}",
                area="本市",
                issued_on=date(2019, 3, 1),
                expires_on=date(2022, 3, 1),
            )
            for n, o in enumerate(officers)
        ]
    )
    table = Employer._meta.db_table
    sql = (
        f"INSERT INTO {table} (uscc, name, district, stratum, industry, size, address, "  # noqa: S608
        "is_active, updated_at) VALUES (%s, %s, %s, %s, '', '', '', %s, CURRENT_TIMESTAMP)"
    )
    rng = random.Random(2019)
    serials = rng.sample(range(10_000_000, 99_999_999), employers)
    batch = 20_000
    for start in range(0, employers, batch):
        rows = [
            (
                synthetic_uscc("120101", s),
                f"用人单位{s}",
                f"区{s % 16:02d}",
                f"S{s % STRATA:02d}",
                True,
            )
            for s in serials[start : start + batch]
        ]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    ids = list(Employer.objects.order_by("?").values_list("pk", flat=True)[: inspectors * 2])
    OfficerEmployerRelation.objects.bulk_create(
        [
            OfficerEmployerRelation(
                officer=officers[n % inspectors],
                employer_id=pk,
                relation="近亲属任职",
                since=date(2018, 1, 1),
            )
            for n, pk in enumerate(ids)
        ]
    )
    power = PowerItem.objects.create(
        code="JC-LD-01", kind="inspection", name="劳动保障监察检查", org_unit=unit
    )
    shares = {f"S{n:02d}": SHARE for n in range(STRATA)}
    item = plans.inspection_item_create(
        power_item=power,
        code="SJ-01",
        name="劳动合同制度检查",
        basis="《劳动保障监察条例》第十一条",
        method="实地核查",
        shares=shares,
        actor=None,
    )
    item = plans.inspection_item_publish(item=item, on=date(2019, 1, 10), actor=None)
    plan = plans.plan_create(
        year=2019, title="基准计划", items=[item], shares=shares, org_unit=unit, actor=None
    )
    # A directory imported before the draw day has been vacuumed and analysed (autovacuum on
    # PostgreSQL): without it PostgreSQL cannot read the candidates from the index alone.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {"plan": plan.pk, "populate_s": time.perf_counter() - started, "relations": len(ids)}


def measure_ours(plan_id: int) -> dict:
    from django.utils import timezone

    from fazhi.inspections.models import InspectionPlan
    from fazhi.inspections.services import draws

    plan = InspectionPlan.objects.get(pk=plan_id)
    base = _rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    draw = draws.draw_commit(
        plan=plan,
        on=DRAW_DAY,
        actor=None,
        beacon_source="基准测试：当日公开随机值",
        beacon_date=timezone.localdate(),
        redraw_reason="基准测试重复运行" if plan.draws.exists() else "",
    )
    committed = time.perf_counter()
    draw = draws.draw_execute(draw=draw, actor=None, beacon="01 02 03 04 05 06 + 07")
    done, cpu = time.perf_counter(), time.process_time() - cpu
    draws.draw_reveal(draw=draw, actor=None)
    return {
        "commit_s": committed - started,
        "draw_s": done - committed,
        "total_s": done - started,
        "cpu_s": cpu,
        "checks": draw.checks.count(),
        "candidates": draw.candidates,
        "exclusions": draw.exclusions,
        "peak_mb": _rss_mb() - base,
        "rss_mb": _rss_mb(),
    }


def measure_naive(plan_id: int) -> dict:
    from fazhi.inspections.domain.draw import quota, share_fraction
    from fazhi.inspections.models import Employer, InspectionPlan, OfficerEmployerRelation
    from fazhi.officers.selectors import usable_officers

    plan = InspectionPlan.objects.get(pk=plan_id)
    base = _rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    drawn = []
    for stratum, share in sorted(plan.shares.items()):
        qs = Employer.objects.filter(stratum=stratum, is_active=True)
        k = quota(share_fraction(share), qs.count())
        drawn += list(qs.order_by("?")[:k])
    employers_s = time.perf_counter() - started
    started = time.perf_counter()
    for employer in drawn[:NAIVE_SAMPLE]:
        related = OfficerEmployerRelation.objects.filter(employer=employer).values("officer_id")
        pair = list(usable_officers(on=DRAW_DAY).exclude(pk__in=related).order_by("?")[:2])
        if len(pair) != 2:
            raise RuntimeError("naive draw found fewer than two inspectors")
    per_check = (time.perf_counter() - started) / min(NAIVE_SAMPLE, len(drawn))
    inspectors_s = per_check * len(drawn)
    return {
        "employers_s": employers_s,
        "inspectors_s": inspectors_s,
        "total_s": employers_s + inspectors_s,
        "checks": len(drawn),
        "cpu_s": time.process_time() - cpu,
        "peak_mb": _rss_mb() - base,
    }


def child(args) -> None:
    _setup(args.url)
    if args.step == "populate":
        result = populate(args.employers, args.inspectors)
    elif args.step == "ours":
        result = measure_ours(args.plan)
    else:
        result = measure_naive(args.plan)
    print("RESULT " + json.dumps(result))


def _run_child(url: str, step: str, **extra) -> dict:
    command = [sys.executable, __file__, "--child", step, "--url", url]
    for key, value in extra.items():
        command += [f"--{key}", str(value)]
    out = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)  # noqa: S603
    if out.returncode:
        raise RuntimeError(f"{step} failed:\n{out.stderr[-3000:]}")
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line[7:])


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def run_database(vendor: str, employers: int, inspectors: int) -> dict:
    if vendor == "sqlite":
        folder = tempfile.mkdtemp(prefix="fazhi-bench-draw-")
        url = f"sqlite:///{folder}/draw.sqlite3"
    else:
        _pg(f"DROP DATABASE IF EXISTS {PG_DB}")
        _pg(f"CREATE DATABASE {PG_DB}")
        url = f"{PG_SERVER}/{PG_DB}"
    try:
        setup = _run_child(url, "populate", employers=employers, inspectors=inspectors)
        ours = _run_child(url, "ours", plan=setup["plan"])
        naive = _run_child(url, "naive", plan=setup["plan"])
    finally:
        if vendor == "postgresql":
            _pg(f"DROP DATABASE IF EXISTS {PG_DB}")
        else:
            Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    return {"vendor": vendor, "setup": setup, "ours": ours, "naive": naive}


def report(results: list[dict], employers: int, inspectors: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"双随机抽取：{employers:,} 家单位 × {STRATA} 层 × {SHARE}，{inspectors:,} 名检查人员"
    )
    for column in (
        "数据库",
        "方案",
        "检查数",
        "承诺 s",
        "抽取 s",
        "端到端 s",
        "CPU s",
        "峰值内存 MB",
        "倍数",
    ):
        table.add_column(column)
    for r in results:
        ours, naive = r["ours"], r["naive"]
        ratio = naive["total_s"] / ours["total_s"]
        table.add_row(
            r["vendor"],
            "Fazhi (服务)",
            f"{ours['checks']:,}",
            f"{ours['commit_s']:.2f}",
            f"{ours['draw_s']:.2f}",
            f"{ours['total_s']:.2f}",
            f"{ours['cpu_s']:.2f}",
            f"{ours['peak_mb']:.0f}",
            f"{ratio:.0f}×",
        )
        table.add_row(
            r["vendor"],
            'ORM order_by("?")',
            f"{naive['checks']:,}",
            f"{naive['employers_s']:.2f}",
            f"{naive['inspectors_s']:.2f}*",
            f"{naive['total_s']:.2f}",
            f"{naive['cpu_s']:.2f}†",
            f"{naive['peak_mb']:.0f}",
            "1×",
        )
    console = Console(width=130)
    console.print(table)
    console.print(
        f"* 按 {NAIVE_SAMPLE} 项检查计时后按检查数折算。目标：端到端 < {TARGET_SECONDS:.0f} s，"
        f"≥ {TARGET_RATIO}× 基线。† 基线的 CPU 为本进程所用（不含数据库服务器，"
        "且人员一步只含抽样部分）。CPU s：测量进程的 CPU 时间（机器共用时与端到端对照）。"
    )
    for r in results:
        ours, ratio = r["ours"], r["naive"]["total_s"] / r["ours"]["total_s"]
        verdict = "达标" if ours["total_s"] < TARGET_SECONDS and ratio >= TARGET_RATIO else "未达标"
        console.print(
            f"{r['vendor']}: 端到端 {ours['total_s']:.2f} s（其中抽取 {ours['draw_s']:.2f} s），"
            f"{ratio:.0f}× 基线 — {verdict}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--child", choices=["populate", "ours", "naive"])
    parser.add_argument("--url")
    parser.add_argument("--employers", type=int)
    parser.add_argument("--inspectors", type=int)
    parser.add_argument("--plan", type=int)
    args = parser.parse_args(argv or [])
    if args.child:
        args.step = args.child
        return child(args)
    employers, inspectors = (150_000, 500) if args.quick else (1_500_000, 2_000)
    vendors = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    results = [run_database(v, employers, inspectors) for v in vendors]
    report(results, employers, inspectors)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
