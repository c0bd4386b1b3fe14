"""A large export in several processes writes exactly what one process writes."""

from __future__ import annotations

import pytest
from django.db import connection

from fazhi.accounts.permissions import SYSTEM
from fazhi.publicity.domain.enums import ExportFormat, Kind
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.services import export_parallel
from fazhi.publicity.services.exchange import shuanggongshi_export
from fazhi.publicity.tests.test_export_golden import _create, _licences, _penalties, _xlsx_text

FORMATS = ["csv", "json", "xlsx"]


def _content(path, fmt: str) -> str:
    return _xlsx_text(path) if fmt == "xlsx" else path.read_bytes().decode("utf-8")


def _parallel_settings(settings, workers: int = 3) -> None:
    settings.FAZHI = {
        **settings.FAZHI,
        "SHUANGGONGSHI_WORKERS": workers,
        "SHUANGGONGSHI_PARALLEL_MIN_ROWS": 2,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [Kind.PENALTY, Kind.LICENSE])
@pytest.mark.parametrize("fmt", FORMATS)
def test_parts_joined_equal_the_single_process_file(tmp_path, kind, fmt):
    # given valid, invalid and withdrawn records, and their export in one process
    _create(kind, _penalties() if kind == Kind.PENALTY else _licences())
    single = tmp_path / f"single.{fmt}"
    result = shuanggongshi_export(
        kind=kind, fmt=fmt, out=single, actor=SYSTEM, skip_invalid=True, workers=1
    )
    # when id ranges (the last one empty) are exported apart and joined
    ids = sorted(PublicityRecord.objects.filter(kind=kind).values_list("id", flat=True))
    a, b = len(ids) // 3, 2 * len(ids) // 3
    ranges = [
        (ids[0], ids[a - 1]),
        (ids[a], ids[b - 1]),
        (ids[b], ids[-1]),
        (ids[-1] + 1, ids[-1] + 9),
    ]
    parts, checked, invalid = [], 0, 0
    for n, (lo, hi) in enumerate(ranges):
        body, report = tmp_path / f"{n}.body", tmp_path / f"{n}.report"
        tally = export_parallel.part_export(
            kind,
            ExportFormat(fmt),
            None,
            lo,
            hi,
            style="YYYY/MM/DD",
            chunk=4,
            body=body,
            report=report,
            validate_only=False,
        )
        parts.append((body, report))
        checked, invalid = checked + tally.checked, invalid + tally.invalid
    joined, joined_report = tmp_path / f"joined.{fmt}", tmp_path / "joined.preflight.csv"
    export_parallel.join_bodies(ExportFormat(fmt), kind, joined, [b for b, _r in parts])
    export_parallel.join_reports(joined_report, [r for _b, r in parts])
    # then the file and the report are the same, and so are the counts
    assert _content(joined, fmt) == _content(single, fmt)
    assert joined_report.read_bytes() == result.report.read_bytes()
    assert (checked, invalid) == (result.checked, result.invalid) and invalid > 0


@pytest.mark.django_db
def test_inside_a_transaction_the_export_stays_in_one_process(tmp_path, settings):
    # given settings asking for workers, and records only this transaction can see
    _parallel_settings(settings)
    _create(Kind.PENALTY, _penalties())
    # when exported inside the test's transaction, then one process did it (workers forked
    # now would not see the uncommitted rows)
    result = shuanggongshi_export(
        kind="penalty", fmt="csv", out=tmp_path / "o.csv", actor=SYSTEM, skip_invalid=True
    )
    assert result.workers == 1 and result.rows > 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fmt", FORMATS)
def test_forked_workers_write_the_single_process_file(tmp_path, settings, fmt):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("workers cannot open an in-memory SQLite database; runs on PostgreSQL")
    # given committed records and settings asking for three workers
    _parallel_settings(settings)
    _create(Kind.PENALTY, _penalties())
    single = tmp_path / f"single.{fmt}"
    one = shuanggongshi_export(
        kind="penalty", fmt=fmt, out=single, actor=SYSTEM, skip_invalid=True, since=None, workers=1
    )
    # when exported by forked workers, with progress reported
    seen = []
    out = tmp_path / f"parallel.{fmt}"
    many = shuanggongshi_export(
        kind="penalty",
        fmt=fmt,
        out=out,
        actor=SYSTEM,
        skip_invalid=True,
        progress=lambda done, total: seen.append((done, total)),
    )
    # then three processes wrote the same rows, report and counts, and progress reached the end
    assert many.workers == 3
    assert _content(out, fmt) == _content(single, fmt)
    assert many.report.read_bytes() == one.report.read_bytes()
    assert (many.checked, many.rows, many.invalid, many.problems) == (
        one.checked,
        one.rows,
        one.invalid,
        one.problems,
    )
    assert seen and seen[-1] == (one.checked, one.checked)
    assert not list(tmp_path.glob(".*"))  # no part file left behind


@pytest.mark.django_db(transaction=True)
def test_a_refused_parallel_export_leaves_no_file_and_no_batch(tmp_path, settings):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("workers cannot open an in-memory SQLite database; runs on PostgreSQL")
    _parallel_settings(settings, workers=2)
    _create(Kind.PENALTY, _penalties())
    out = tmp_path / "refused.csv"
    result = shuanggongshi_export(kind="penalty", fmt="csv", out=out, actor=SYSTEM)
    assert result.workers == 2 and result.refused and result.batch is None
    assert not out.exists() and result.report.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refused.csv.preflight.csv"]
