"""Where a Fazhi search spends its time, stage by stage, beside tantivy's whole search.

    python bench/search_stages.py [--quick]    # after bench_search.py has built the corpus

Runs the benchmark's 200 queries through ``fazhi.laws.search.search`` with a timer around each
stage (the functions are wrapped here, the engine is unchanged) and prints, per stage, the
median over the queries and its share of the total. "Outside candidates" is everything but the
engine's candidate query: segmentation, statistics, re-ranking, reading the page and snippets.
It is the part no candidate generator can remove, so comparing it with tantivy's p50 (its cached
index in /tmp/fazhi-bench, from the same run) shows how close any candidate strategy could come.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_search import WORK, K, _queries, _setup, latency

STAGES = (
    ("query_terms", "分词 segmentation + stop words + synonyms"),
    ("document_frequencies", "document frequencies (cached)"),
    ("restriction", "unpublished-documents check"),
    ("candidates", "candidate query (FTS5 / tsvector)"),
    ("rerank_read", "re-ranking: read candidates and documents"),
    ("rank", "re-ranking: BM25F + prior + lineage (Python)"),
    ("hits_read", "page: read articles"),
    ("snippet", "page: snippets"),
)


def _timed(times: dict[str, float], name: str, fn):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times[name] += (time.perf_counter() - started) * 1000

    return wrapper


def main(argv: list[str]) -> None:
    _setup()
    from django.conf import settings
    from django.db import connection

    from fazhi.laws.search import engine
    from fazhi.laws.search import query as q
    from fazhi.laws.search.query import query_terms
    from fazhi.laws.search.types import SearchError

    queries = _queries(Path(settings.FAZHI["SHARED_DATA_DIR"]))
    if "--quick" in argv:
        queries = queries[:60]
    times: dict[str, float] = defaultdict(float)
    backend_class = type(engine.backend())
    patches = [
        (q, "query_terms"),
        (engine, "_needs_restriction"),
        (engine, "rank"),
        (engine, "snippet"),
        (engine, "_rerank"),
        (engine, "_hits"),
        (backend_class, "candidates"),
        (backend_class, "document_frequencies"),
    ]
    saved = {(owner, name): getattr(owner, name) for owner, name in patches}
    names = {"_needs_restriction": "restriction", "_rerank": "rerank", "_hits": "hits"}
    for (owner, name), fn in saved.items():
        setattr(owner, name, _timed(times, names.get(name, name), fn))
    rows: list[dict[str, float]] = []
    try:
        for text in queries[:20]:  # warm-up, as bench_search.latency
            _search(engine, text, SearchError)
        for text in queries:
            times.clear()
            started = time.perf_counter()
            _search(engine, text, SearchError)
            total = (time.perf_counter() - started) * 1000
            row = dict(times)
            # _rerank and _hits contain rank and snippet: their own share is the read.
            row["rerank_read"] = row.pop("rerank", 0.0) - row.get("rank", 0.0)
            row["hits_read"] = row.pop("hits", 0.0) - row.get("snippet", 0.0)
            row["total"] = total
            row["outside"] = total - row.get("candidates", 0.0)
            rows.append(row)
    finally:
        for (owner, name), fn in saved.items():
            setattr(owner, name, fn)

    from bench.peers.tantivy_peer import TantivyPeer

    tantivy_path = WORK / f"real-{connection.vendor}" / "tantivy"
    tantivy_p50 = None
    if (tantivy_path / "built.json").exists():
        peer = TantivyPeer(tantivy_path)
        peer.open()
        tantivy_p50, _ = latency(queries, lambda t: peer.search_terms(query_terms(t), K))

    def p50(key: str) -> float:
        return statistics.median(r.get(key, 0.0) for r in rows)

    total = p50("total")
    print(f"\n{len(rows)} queries on {connection.vendor}; median per stage (ms)")
    for key, label in STAGES:
        print(f"  {label:48s} {p50(key):7.2f}  {p50(key) / total:6.1%}")
    print(f"  {'whole search':48s} {total:7.2f}")
    print(f"  {'outside candidates':48s} {p50('outside'):7.2f}")
    if tantivy_p50:
        print(f"  {'tantivy, whole search':48s} {tantivy_p50:7.2f}")
        print(
            f"  outside candidates ÷ tantivy: {p50('outside') / tantivy_p50:.1f}×"
            f"  (target for the whole search: ≤ 2×)"
        )


def _search(engine, text: str, error) -> None:
    with contextlib.suppress(error):  # a refused query (stop words only) is its own answer
        engine.search(text, page_size=K)


if __name__ == "__main__":
    main(sys.argv[1:])
