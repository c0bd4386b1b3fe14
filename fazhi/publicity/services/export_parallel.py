"""A large 双公示 export in several processes, each on a range of record ids.

One process checks and writes ~35,000 rows a second (docs/dev/publicity.md); a million-row
export is CPU-bound in Python, so worker processes (forked, each with its own database
connection) take equal id ranges and write their part of the file and of the pre-flight
report; the parent joins the parts in id order, so the file is byte-for-byte what one process
writes. Used only where the workers can see what the parent sees: outside a transaction (they
would not see its uncommitted rows) and not on an in-memory SQLite database (tests).
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import resource
import shutil
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from django.db import connection, connections
from django.db.models import Count, Max, Min

from fazhi.publicity.domain import fields as columns
from fazhi.publicity.domain.enums import ExportFormat, Kind
from fazhi.publicity.services.export_rows import (
    JSON_CLOSE,
    JSON_OPEN,
    JSON_SEPARATOR,
    REPORT_HEADER,
    SAMPLE,
    Tally,
    export_queryset,
    export_rows,
    open_writer,
    sheet_title,
)
from fazhi.publicity.services.xlsx_stream import XlsxStreamWriter, part_index

_done = None  # a shared counter the forked workers add their progress to (set before forking)


def plan(*, kind: Kind, since: datetime | None, workers: int, min_rows: int):
    """``(total, ranges)``: the id ranges ``[lo, hi]`` of the workers, or ``(total, None)``
    when one process should do it (few rows, one worker, or workers that could not see the
    rows)."""
    if workers < 2 or connection.in_atomic_block or _in_memory():
        return None, None
    span = (
        export_queryset(kind=kind, since=since)
        .order_by()
        .aggregate(lo=Min("id"), hi=Max("id"), n=Count("id"))
    )
    if span["n"] < max(min_rows, 2):
        return span["n"], None
    lo, hi = span["lo"], span["hi"]
    step = (hi - lo + workers) // workers
    ranges = [(start, min(start + step - 1, hi)) for start in range(lo, hi + 1, step)]
    return span["n"], ranges


def _in_memory() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def part_export(
    kind: Kind,
    fmt: ExportFormat,
    since,
    lo: int,
    hi: int,
    *,
    style: str,
    chunk: int,
    body: Path,
    report: Path,
    validate_only: bool,
    tick=None,
) -> Tally:
    """One id range into its own body and report files (what a worker does)."""
    tally = Tally()
    writer = None if validate_only else open_writer(fmt, body, kind, fragment=True)
    qs = export_queryset(kind=kind, since=since).filter(id__gte=lo, id__lte=hi)
    try:
        with open(report, "w", encoding="utf-8", newline="") as fh:
            export_rows(
                kind,
                qs,
                style=style,
                chunk=chunk,
                report=csv.writer(fh),
                writer=writer,
                tally=tally,
                tick=tick,
            )
    finally:
        if writer is not None:
            writer.close()
    return tally


def _worker(
    kind: str,
    fmt: str,
    since,
    lo: int,
    hi: int,
    style: str,
    chunk: int,
    body: str,
    report: str,
    validate_only: bool,
) -> dict:
    """The forked worker: `part_export` with shared progress; returns its tally and its peak
    memory above what it inherited."""
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def tick(n: int) -> None:
        with _done.get_lock():
            _done.value += n

    try:
        tally = part_export(
            Kind(kind),
            ExportFormat(fmt),
            since,
            lo,
            hi,
            style=style,
            chunk=chunk,
            body=Path(body),
            report=Path(report),
            validate_only=validate_only,
            tick=tick,
        )
    finally:
        connections.close_all()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {**asdict(tally), "rss_delta_kb": peak - rss_start}


def run(
    *,
    kind: Kind,
    fmt: ExportFormat,
    since: datetime | None,
    ranges: list[tuple[int, int]],
    style: str,
    chunk: int,
    out: Path | None,
    report: Path,
    tally,
    skip_invalid: bool,
    progress: Callable[[int], None] | None = None,
) -> list[dict]:
    """Export ``ranges`` in one worker each; the parts are counted into ``tally`` and joined
    into ``report`` (header included) and ``out`` (None: only validate; not written when an
    invalid record refuses the export). Returns what each worker reported (its tally and its
    peak memory above what it inherited)."""
    global _done
    context = multiprocessing.get_context("fork")
    _done = context.Value("q", 0)
    stem = (out or report).with_name(f".{(out or report).name}.{os.getpid()}")
    parts = [(Path(f"{stem}.{i}.body"), Path(f"{stem}.{i}.report")) for i in range(len(ranges))]
    connections.close_all()  # a forked child must not share the parent's connection
    try:
        with ProcessPoolExecutor(len(ranges), mp_context=context) as pool:
            common = (kind.value, fmt.value, since)
            futures = [
                pool.submit(
                    _worker, *common, lo, hi, style, chunk, str(body), str(rep), out is None
                )
                for (lo, hi), (body, rep) in zip(ranges, parts, strict=True)
            ]
            pending = set(futures)
            while pending:
                _finished, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
                if progress:
                    progress(_done.value)
            results = [f.result() for f in futures]  # re-raises a worker's exception
        for result in results:
            tally.checked += result["checked"]
            tally.rows += result["rows"]
            tally.withdrawals += result["withdrawals"]
            tally.invalid += result["invalid"]
            tally.problems.extend(result["problems"][: SAMPLE - len(tally.problems)])
        join_reports(report, [rep for _body, rep in parts])
        if out is not None and (skip_invalid or not tally.invalid):
            join_bodies(fmt, kind, out, [body for body, _rep in parts])
        return results
    finally:
        for body, rep in parts:
            for path in (body, rep, part_index(body)):
                path.unlink(missing_ok=True)


def join_reports(report: Path, parts: list[Path]) -> None:
    with open(report, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerow(REPORT_HEADER)
        fh.flush()
        for part in parts:
            with open(part, "rb") as src:
                shutil.copyfileobj(src, fh.buffer, 1 << 20)


def join_bodies(fmt: ExportFormat, kind: Kind, out: Path, parts: list[Path]) -> None:
    if fmt == ExportFormat.XLSX:
        writer = XlsxStreamWriter(out, columns.header(kind), sheet_title(kind))
        try:
            for part in parts:
                writer.write_part(part)
        finally:
            writer.close()
        return
    with open(out, "wb") as fh:
        if fmt == ExportFormat.CSV:
            head = io.StringIO()
            csv.writer(head).writerow(columns.header(kind))
            fh.write(("\ufeff" + head.getvalue()).encode())
        else:
            fh.write(b"[")
        first = True
        for part in parts:
            if part.stat().st_size == 0:
                continue
            if fmt == ExportFormat.JSON:
                fh.write((JSON_OPEN if first else JSON_SEPARATOR).encode())
            with open(part, "rb") as src:
                shutil.copyfileobj(src, fh, 1 << 20)
            first = False
        if fmt == ExportFormat.JSON:
            fh.write(JSON_CLOSE.encode())


def default_workers() -> int:
    return min(os.cpu_count() or 1, 4)
