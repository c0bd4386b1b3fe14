"""双公示 export: 200,000 penalty rows (a city's year) written as CSV, JSON and XLSX, on SQLite and PostgreSQL.

    python bench/bench_export.py [--quick] [--db sqlite|postgres|both] [--rows N] [--formats csv,json,xlsx]

For each database a scratch database is created (SQLite: a temporary file; PostgreSQL: the
database ``fazhi_bench_export`` on 127.0.0.1:5432, created and dropped here; override with
FAZHI_BENCH_PG_URL), migrated, and filled with ``bulk_create`` (90% companies, 10% natural
persons, 2% withdrawn; distinct valid 统一社会信用代码 and ID numbers, so the validation cache
does not flatter the figures). Each format is then exported by a fresh child process running
``shuanggongshi_export`` — the code `fazhi export shuanggongshi` runs: full pre-flight
validation, masking, streaming writer, SHA-256, batch record. Reported: rows per second and
the peak memory of the export (max RSS of the child after the export minus before it) and its
CPU time (the machine may be shared: CPU time over wall time shows how much of a core the export
got). Targets (issue 16): 200,000 rows in under 30 s and < 200 MB, every format, in one process.
``--quick``: 100,000 rows.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = 200_000  # a city's year of 双公示 records (issue 16)
QUICK_ROWS = 100_000
SEED = 20191001
FORMATS = ("csv", "json", "xlsx")
TARGET_SECONDS = 30
TARGET_MB = 200
PG_ADMIN = os.environ.get("FAZHI_BENCH_PG_ADMIN", "postgres://postgres@127.0.0.1:5432/postgres")
PG_NAME = "fazhi_bench_export"
PG_URL = os.environ.get("FAZHI_BENCH_PG_URL", f"postgres://postgres@127.0.0.1:5432/{PG_NAME}")
BATCH = 5000


def _setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings.base")
    os.environ["FAZHI_DEBUG"] = "false"  # no query log: memory must not grow with the queries
    os.environ.setdefault("FAZHI_SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, once they have ended
    return usage.ru_utime + usage.ru_stime


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# --- data ---------------------------------------------------------------------------------


def _usccs(n: int, rng: random.Random) -> list[str]:
    from stdnum.cn import uscc

    from fazhi.core.domain.identifiers import org_code_check_char

    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    codes = set()
    while len(codes) < n:
        body = "".join(rng.choice(alphabet) for _ in range(8))
        check = org_code_check_char(body)
        if check not in alphabet:
            continue
        code = "911201" + f"{rng.randrange(100):02d}" + body + check
        codes.add(code + uscc.calc_check_digit(code))
    return sorted(codes)


def _rics(n: int, rng: random.Random) -> list[str]:
    from stdnum.cn import ric

    numbers = []
    for _ in range(n):
        body = (
            f"1201{rng.randrange(1, 17):02d}{rng.randrange(1950, 2000)}{rng.randrange(1, 13):02d}"
        )
        body += f"{rng.randrange(1, 29):02d}{rng.randrange(1000):03d}"
        numbers.append(body + ric.calc_check_digit(body + "0"))  # stdnum ignores the 18th
    return numbers


def generate(rows: int) -> dict:
    from datetime import date, timedelta
    from decimal import Decimal

    from django.core.management import call_command
    from django.utils import timezone

    from fazhi.publicity.domain.enums import Kind, Status
    from fazhi.publicity.domain.periods import add_months
    from fazhi.publicity.models import PublicityRecord

    call_command("migrate", "core", verbosity=0)
    call_command("migrate", "publicity", verbosity=0)
    rng = random.Random(SEED)
    started = time.perf_counter()
    usccs = _usccs(min(rows, 100_000), rng)
    rics = _rics(10_000, rng)
    bureau = "11120000000012343F"
    now = timezone.now()
    first = date(2023, 6, 1)
    batch: list[PublicityRecord] = []
    categories = (["罚款"], ["警告", "罚款"], ["罚款"], ["罚款", "没收违法所得"])
    for i in range(rows):
        person = i % 10 == 9
        cats = categories[i % 4]
        fine = Decimal(rng.randrange(1, 2000) * 100)
        decided = first + timedelta(days=i % 700)
        record = PublicityRecord(
            kind=Kind.PENALTY,
            source_type="bench.decision",
            source_id=str(i),
            party_category="自然人" if person else "法人及非法人组织",
            party_name=f"张{i % 1000}" if person else f"天津市某劳务有限公司{i}",
            uscc="" if person else usccs[i % len(usccs)],
            legal_rep="" if person else "王五",
            person_id_type="身份证" if person else "",
            person_id_number=rics[i % len(rics)] if person else "",
            party_phone="13812345678",
            party_address="天津市和平区南京路123号",
            document_number=f"津人社监罚〔{decided.year}〕{i}号",
            violation_type="拖欠劳动者工资",
            facts=f"经查，该单位拖欠{i % 50 + 1}名劳动者工资，经责令限期支付逾期未支付。",
            basis="《劳动保障监察条例》第二十六条",
            penalty_categories=cats,
            content=f"罚款人民币{fine}元",
            fine_yuan=fine,
            confiscation_yuan=Decimal(1000) if "没收违法所得" in cats else None,
            decided_on=decided,
            authority="天津市人力资源和社会保障局",
            authority_uscc=bureau,
            source_unit="天津市人力资源和社会保障局",
            source_unit_uscc=bureau,
            status=Status.WITHDRAWN if i % 50 == 49 else Status.PUBLISHED,
            withdrawal_change="撤销" if i % 50 == 49 else "",
            withdrawal_reason="行政复议决定撤销" if i % 50 == 49 else "",
            due_on=decided + timedelta(days=9),
            published_on=decided + timedelta(days=3),
            publicity_ends_on=add_months(decided, 36),
            content_changed_at=now,
        )
        batch.append(record)
        if len(batch) == BATCH:
            PublicityRecord.objects.bulk_create(batch)
            batch.clear()
    if batch:
        PublicityRecord.objects.bulk_create(batch)
    return {"rows": rows, "seconds": time.perf_counter() - started}


def export(fmt: str, out: Path) -> dict:
    import openpyxl  # noqa: F401  (imported before the baseline: a fixed cost, not the export's)

    from fazhi.publicity.services.exchange import shuanggongshi_export

    before = _max_rss_mb()
    started, cpu = time.perf_counter(), time.process_time() + _children_cpu()
    result = shuanggongshi_export(kind="penalty", fmt=fmt, out=out, actor=None)
    seconds = time.perf_counter() - started
    cpu = time.process_time() + _children_cpu() - cpu
    peak = _max_rss_mb()
    size = out.stat().st_size if out.exists() else 0
    for path in (out, result.report):
        path.unlink(missing_ok=True)
    return {
        "format": fmt,
        "rows": result.rows,
        "invalid": result.invalid,
        "seconds": seconds,
        "cpu_s": cpu,
        "rate": result.rows / seconds if seconds else 0.0,
        "rss_before_mb": before,
        "rss_peak_mb": peak,
        "delta_mb": peak - before,
        "bytes": size,
    }


# --- orchestration ------------------------------------------------------------------------


def _child(args: list[str], url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        result_path = fh.name
    cmd = [sys.executable, __file__, "--child", *args, "--db-url", url, "--result", result_path]
    subprocess.run(cmd, check=True, cwd=ROOT)  # noqa: S603 (our own script)
    data = json.loads(Path(result_path).read_text("utf-8"))
    Path(result_path).unlink()
    return data


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def run_database(name: str, url: str, rows: int, work: Path, formats=FORMATS) -> list[dict]:
    generated = _child(["generate", "--rows", str(rows)], url)
    print(
        f"{name}: generated {generated['rows']:,} rows in {generated['seconds']:.1f} s", flush=True
    )
    results = []
    for fmt in formats:
        result = _child(["export", "--format", fmt, "--out", str(work / f"cf.{fmt}")], url)
        result["database"] = name
        results.append(result)
        print(
            f"{name} {fmt}: {result['rate']:,.0f} rows/s, +{result['delta_mb']:.1f} MB, "
            f"CPU {result['cpu_s']:.1f} s of {result['seconds']:.1f} s",
            flush=True,
        )
    return results


def table(results: list[dict], rows: int) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Table(
        title=f"双公示导出 / export: {rows:,} penalty rows (target < {TARGET_SECONDS} s, "
        f"< {TARGET_MB} MB)"
    )
    for column in (
        "database",
        "format",
        "rows",
        "seconds",
        "CPU s",
        "rows / s",
        "peak RSS Δ",
        "file",
        "target",
    ):
        out.add_column(column, justify="left" if column in ("database", "format") else "right")
    for r in results:
        ok = r["seconds"] < TARGET_SECONDS and r["delta_mb"] < TARGET_MB
        out.add_row(
            r["database"],
            r["format"],
            f"{r['rows']:,}",
            f"{r['seconds']:.1f}",
            f"{r['cpu_s']:.1f}",
            f"{r['rate']:,.0f}",
            f"{r['delta_mb']:.1f} MB",
            f"{r['bytes'] / 1e6:,.0f} MB",
            "met" if ok else "missed",
        )
    Console(width=140).print(out)


def main(argv: list[str] | None = None) -> list[dict]:
    argv = list(sys.argv[1:] if argv is None and __name__ == "__main__" else argv or [])

    def opt(name: str, default: str | None = None) -> str | None:
        return argv[argv.index(name) + 1] if name in argv else default

    if "--child" in argv:
        _setup(opt("--db-url"))
        action = argv[argv.index("--child") + 1]
        if action == "generate":
            result = generate(int(opt("--rows")))
        else:
            result = export(opt("--format"), Path(opt("--out")))
        Path(opt("--result")).write_text(json.dumps(result), "utf-8")
        return [result]
    rows = int(opt("--rows") or (QUICK_ROWS if "--quick" in argv else ROWS))
    which = opt("--db", "both")
    formats = tuple(opt("--formats", ",".join(FORMATS)).split(","))
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-export-") as tmp:
        work = Path(tmp)
        if which in ("sqlite", "both"):
            results += run_database(
                "SQLite", f"sqlite:///{work / 'bench.sqlite3'}", rows, work, formats
            )
            (work / "bench.sqlite3").unlink(missing_ok=True)
        if which in ("postgres", "both"):
            _pg(f"DROP DATABASE IF EXISTS {PG_NAME}")
            _pg(f"CREATE DATABASE {PG_NAME}")
            try:
                results += run_database("PostgreSQL", PG_URL, rows, work, formats)
            finally:
                _pg(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
    table(results, rows)
    return results


if __name__ == "__main__":
    main()
