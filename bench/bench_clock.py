"""Statutory clock: due dates for 1,000,000 (rule, start date) pairs in one process.

Peer: a naive day-by-day loop over `chinese_calendar.is_workday` (the package's own API),
with the same rule table and counting conventions. The naive loop is timed on a sample and
scaled to the full run; both give the same due date on every pair of the sample.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import chinese_calendar
from rich.console import Console
from rich.table import Table

from fazhi.core.domain.calendar import WorkCalendar
from fazhi.core.domain.time_limits import RULES, UnknownRule, due_date, rule_for

PAIRS = 1_000_000
NAIVE_SAMPLE = 20_000
SEED = 20250101
# Starts end mid-2026 so that even a 90-working-day period ends inside the holiday data.
FIRST, LAST = date(2015, 1, 1), date(2026, 6, 30)
TARGET_RATIO = 50


def make_pairs(n: int, rng: random.Random) -> list[tuple[str, date, bool]]:
    codes = sorted({r.code for r in RULES})
    span = (LAST - FIRST).days
    pairs = []
    while len(pairs) < n:
        code, start = rng.choice(codes), FIRST + timedelta(days=rng.randrange(span + 1))
        try:
            rule = rule_for(code, start)
        except UnknownRule:
            continue  # that law version was not yet in force: draw again
        pairs.append((code, start, bool(rule.extension_days) and rng.random() < 0.25))
    return pairs


def _step(day: date, days: int, direction: int) -> date:
    while days:
        day += timedelta(days=direction)
        if chinese_calendar.is_workday(day):
            days -= 1
    return day


def _roll(day: date, direction: int) -> date:
    while not chinese_calendar.is_workday(day):
        day += timedelta(days=direction)
    return day


def naive_due(code: str, start: date, extended: bool) -> date:
    rule = rule_for(code, start)
    if rule.before:
        if rule.unit == "working":
            return _step(start, rule.days, -1)
        return _roll(start - timedelta(days=rule.days), -1)
    if rule.unit == "working":
        return _step(start, rule.days + (rule.extension_days if extended else 0), 1)
    due = _roll(start + timedelta(days=rule.days), 1)
    return _roll(due + timedelta(days=rule.extension_days), 1) if extended else due


def main() -> None:
    rng = random.Random(SEED)
    pairs = make_pairs(PAIRS, rng)

    started = time.perf_counter()
    calendar = WorkCalendar.from_chinese_calendar()
    build = time.perf_counter() - started

    started = time.perf_counter()
    checksum = 0
    for code, start, extended in pairs:
        checksum += due_date(code, start, calendar, extended=extended).due.toordinal()
    fast = time.perf_counter() - started

    sample = pairs[:NAIVE_SAMPLE]
    started = time.perf_counter()
    naive = [naive_due(code, start, extended) for code, start, extended in sample]
    naive_time = time.perf_counter() - started
    fast_sample = [due_date(c, s, calendar, extended=e).due for c, s, e in sample]
    mismatches = sum(a != b for a, b in zip(naive, fast_sample, strict=True))

    fast_rate = PAIRS / fast
    naive_rate = NAIVE_SAMPLE / naive_time
    ratio = fast_rate / naive_rate
    table = Table(
        title=f"期限计算 / due dates: {PAIRS:,} pairs, seed {SEED}, starts {FIRST}…{LAST}"
    )
    table.add_column("implementation")
    table.add_column("pairs timed", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("due dates / s", justify="right")
    table.add_column("ratio", justify="right")
    table.add_row(
        "WorkCalendar (bisect index)",
        f"{PAIRS:,}",
        f"{fast:.2f}",
        f"{fast_rate:,.0f}",
        f"{ratio:.0f}×",
    )
    table.add_row(
        "naive chinese_calendar.is_workday loop",
        f"{NAIVE_SAMPLE:,} (scaled)",
        f"{naive_time:.2f} → {PAIRS / naive_rate:,.0f} est.",
        f"{naive_rate:,.0f}",
        "1×",
    )
    console = Console(width=140)
    console.print(table)
    console.print(
        f"calendar build {build * 1000:.1f} ms; naive loop measured on the first {NAIVE_SAMPLE:,} "
        f"pairs and scaled to {PAIRS:,}; same due date on {NAIVE_SAMPLE - mismatches:,}/"
        f"{NAIVE_SAMPLE:,} sample pairs; checksum {checksum}"
    )
    verdict = "PASS" if ratio >= TARGET_RATIO and not mismatches else "FAIL"
    console.print(f"target ≥{TARGET_RATIO}× faster than the naive loop: {verdict} ({ratio:.0f}×)")
    if mismatches:
        raise AssertionError(f"{mismatches} sample pairs disagree with the naive loop")
