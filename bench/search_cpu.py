"""CPU per search in one process, and the answers to compare two versions of the code.

    python bench/search_cpu.py [--out answers.json]   # DATABASE_URL: the corpus (bench_search's)

Asks 248 real questions (the four everyday ones, the benchmark's 200, every 25th labelled
training question) through ``fazhi.laws.search.search`` (page of 20, the day fixed), each once
after a warm-up pass, and prints the median and p95 of ``time.process_time`` per search (on
PostgreSQL the client's CPU; the wall time is printed too), and the median of 40 for
工伤认定申请时限, with ``uptime``. ``--out`` writes each question's hit ids, total, confidence,
first snippets, reasons and related questions: run it from a copy of each commit (``git
archive``) on the same database and compare the two files.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_search import _queries, _setup

EVERYDAY = ["加班费怎么算", "年休假天数", "工伤认定申请时限", "公司不签劳动合同怎么办"]
DAY = date(2026, 12, 1)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]


def main(argv: list[str]) -> None:
    _setup()
    from django.conf import settings

    from fazhi.laws.search import SearchError, search
    from fazhi.laws.search.learned import labelled_questions

    data = Path(settings.FAZHI["SHARED_DATA_DIR"])
    questions = (
        EVERYDAY + _queries(data) + [x.question[:200] for x in labelled_questions(data)[::25]]
    )
    questions = list(dict.fromkeys(questions))

    def answer(text: str):
        try:
            page = search(text, page_size=20, today=DAY)
        except SearchError as error:
            return str(error)
        top = page.hits[:3]
        return {
            "ids": [h.article_id for h in page.hits],
            "total": page.total,
            "confidence": page.confidence,
            "snippets": [h.snippet for h in top],
            "reasons": [h.reasons for h in top],
            "related": page.related,
        }

    for text in questions:  # warm-up: caches, as a running server
        answer(text)
    answers, cpu, wall = {}, [], []
    for text in questions:
        started, clock = time.perf_counter(), time.process_time()
        answers[text] = answer(text)
        cpu.append((time.process_time() - clock) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    one = []
    for _ in range(40):
        clock = time.process_time()
        answer("工伤认定申请时限")
        one.append((time.process_time() - clock) * 1000)
    print(
        f"{len(questions)} questions: CPU p50 {statistics.median(cpu):.1f} ms, p95 {_p95(cpu):.1f};"
        f" wall p50 {statistics.median(wall):.1f}, p95 {_p95(wall):.1f};"
        f" 工伤认定申请时限 CPU median of 40 {statistics.median(one):.1f} ms"
    )
    print(os.popen("uptime").read().strip())  # noqa: S605, S607
    if "--out" in argv:
        Path(argv[argv.index("--out") + 1]).write_text(
            json.dumps(answers, ensure_ascii=False, default=str), encoding="utf-8"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
