"""Issue 18's attacks, re-run against the current code: each attack is a test that performs it
and asserts what the issue demands; this runs them on one database and prints a table.

    python bench/attacks_18.py [sqlite|postgresql] [area ...]

PostgreSQL uses ``TEST_DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/fz_records``)
and races ``FAZHI_RACERS`` threads per numbered kind (default 50; SQLite skips the races: it
serialises every write). Areas (default all): gate, numbers, audit, evidence, xff, api.

| area     | attack                                                                          |
| gate     | another unit's user (and a role without the right) calls every write service;  |
|          | every enforcement write route over web and API; the matrix fails on a service   |
|          | with no gate test                                                               |
| numbers  | FAZHI_RACERS concurrent requests per numbered kind (复议, 文号, 许可, 抽查, 督办, 处罚 |
|          | 决定, the core counter): 0 duplicates, 0 gaps, 0 errors                          |
| audit    | edit, delete, tail-delete + head moved, forged append with a valid hash,        |
|          | edit + recompute, anchor file edited / line removed, UPDATE/DELETE/TRUNCATE     |
|          | refused by triggers — each verified by ``fazhi audit verify``                   |
| evidence | file alone, file + stored hash, file + hash + path changed; download of a       |
|          | tampered file (API and page), each download audited — ``fazhi evidence verify`` |
| xff      | garbage and spoofed X-Forwarded-For, per-address limit with a new header each   |
|          | request                                                                         |
| api      | every integer parameter of every GET operation at 10000, -1, 2^63 and a word;   |
|          | paging and years out of range; unmatched API addresses                          |
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTEST = [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider"]

AREAS = {
    "gate": [
        "fazhi/accounts/tests/test_gate_matrix.py",
        *sorted(
            str(p.relative_to(ROOT))
            for p in ROOT.glob("fazhi/*/tests/test_gate*.py")
            if p.name != "test_gate_matrix.py"
        ),
    ],
    "numbers": [
        "fazhi/core/tests/test_numbering.py",
        "fazhi/disputes/tests/test_numbering_concurrency.py",
        "fazhi/normdocs/tests/test_numbering_concurrency.py",
        "fazhi/inspections/tests/test_numbering_concurrency.py",
        "fazhi/supervision/tests/test_numbering_concurrency.py",
        "fazhi/govservices/tests/test_services.py::test_concurrent_grants_never_share_a_licence_number",
        "fazhi/enforcement/tests/test_concurrency.py::test_concurrent_decisions_get_distinct_numbers",
    ],
    "audit": ["fazhi/core/tests/test_audit_tampering.py", "fazhi/core/tests/test_audit_chain.py"],
    "evidence": ["fazhi/core/tests/test_evidence_integrity.py"],
    "xff": ["fazhi/core/tests/test_client_address.py"],
    "api": [
        "fazhi/core/tests/test_api_bad_input.py",
        "fazhi/core/tests/test_api_not_found.py",
        "fazhi/enforcement/tests/test_api.py::test_list_and_detail",
    ],
}


def run(area: str, engine: str) -> dict[str, int | float]:
    env = {
        **os.environ,
        "FAZHI_SHARED_DATA_DIR": os.environ.get("FAZHI_SHARED_DATA_DIR", "/work/shared/data"),
    }
    env.pop("TEST_DATABASE_URL", None)
    if engine == "postgresql":
        env["TEST_DATABASE_URL"] = os.environ.get(
            "TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fz_records"
        )
        env.setdefault("FAZHI_RACERS", "50")
    with tempfile.NamedTemporaryFile(suffix=".xml") as report:
        started = time.perf_counter()
        subprocess.run(  # noqa: S603 - our own pytest on our own test paths
            [*PYTEST, f"--junitxml={report.name}", *AREAS[area]],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        suite = ET.parse(report.name).getroot()  # noqa: S314 - pytest's own report
    suite = suite if suite.tag == "testsuite" else suite[0]
    tests = int(suite.get("tests", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    return {
        "tests": tests,
        "passed": tests - failed - skipped,
        "failed": failed,
        "skipped": skipped,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    engine = args.pop(0) if args and args[0] in ("sqlite", "postgresql") else "sqlite"
    areas = [a for a in args if a in AREAS] or list(AREAS)
    print(
        f"engine {engine}; load {os.getloadavg()[0]:.1f}; racers {os.environ.get('FAZHI_RACERS', '50' if engine == 'postgresql' else 'default')}"
    )
    print(f"{'area':10}{'tests':>7}{'passed':>8}{'failed':>8}{'skipped':>9}{'seconds':>9}")
    bad = 0
    for area in areas:
        r = run(area, engine)
        bad += int(r["failed"])
        print(
            f"{area:10}{r['tests']:>7}{r['passed']:>8}{r['failed']:>8}{r['skipped']:>9}{r['seconds']:>9}",
            flush=True,
        )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
