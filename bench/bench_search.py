"""Search benchmark: Fazhi against plain BM25 (rank_bm25 over jieba tokens), Whoosh + jieba and
tantivy-py, side by side in one run, on SQLite and on PostgreSQL.

    python bench/bench_search.py [--quick] [--city | --city-only] [--rebuild] [--sqlite-only]
                                 [--fazhi-only]   # Fazhi alone (the peers measured elsewhere)
    # make bench: no flags (SQLite, then PostgreSQL at FAZHI_BENCH_PG_URL in a child process)

For each corpus: index build time, query latency p50 / p95 over >= 200 fixed queries (Fazhi
in-process and through the HTTP API, the peers in-process), and relevance (Recall@10, nDCG@10,
Recall@100) on the 1,235 labelled STARD training questions (retrieval/lecoqa-stard, every cited
article the corpus holds): Fazhi **5-fold cross-validated** (each fold answered by a model tuned
and trained on the other folds only, fazhi.laws.search.evaluation), Fazhi's text search without
the learned model, and the peers (which learn nothing) on every question; then a table with
ratios. Answers are judged by article key (work + article number), the same for every engine.

* real corpus: the database in DATABASE_URL (default var/bench/laws.sqlite3, filled with
  `fazhi laws import` from the shared data folder on first use; PostgreSQL works too);
* ``--city``: a city-scale corpus of 100,000 documents made from it (each real document copied
  under varied district names, years and 文号, keeping its first few articles), generated once and
  deterministically into /tmp/fazhi-bench-city/ and measured in a child process on SQLite;
* ``--city-only``: only the city-scale corpus (the real one is imported if missing, not measured);
* ``--quick``: 60 queries and 40 judged questions, for a smoke run;
* ``--rebuild``: rebuild the peers' cached indexes (else reused while the corpus is unchanged).

Queries: the first 150 lay questions of LeCoQA/STARD queries.json (`问题`) and the first 50
LawBench 3-2 scenario questions. An answer counts when its law title (without 中华人民共和国) and
article label match a `match_name`. The CSV holds 142 judged questions, not the 168 its README
counts: the other 26 belong to the STARD dev split, which is withheld from the data folder.
Peers: bench/peers/ (``pip install whoosh-reloaded jieba tantivy``).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TMP = Path(tempfile.gettempdir())
WORK = Path(os.environ.get("FAZHI_BENCH_DIR", TMP / "fazhi-bench"))  # cached peer indexes
CITY_DIR = Path(os.environ.get("FAZHI_BENCH_CITY_DIR", TMP / "fazhi-bench-city"))
LECOQA_QUESTIONS = 150
LAWBENCH_QUESTIONS = 50
K = 10
CITY_DOCUMENTS = 100_000
CITY_ARTICLES_PER_DOCUMENT = 3  # city normative documents are short; keeps the peers' builds sane
DISTRICTS = (
    "和平区",
    "河东区",
    "河西区",
    "南开区",
    "河北区",
    "红桥区",
    "东丽区",
    "西青区",
    "津南区",
    "北辰区",
    "武清区",
    "宝坻区",
    "滨海新区",
    "宁河区",
    "静海区",
    "蓟州区",
)
INDEX_BATCH = 200  # documents per transaction when (re)building the index


def _setup(database_url: str | None = None) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings.base")
    # As a production server runs (DEBUG off: no per-query SQL log), answering plain HTTP on
    # localhost behind its TLS proxy.
    os.environ.setdefault("FAZHI_DEBUG", "false")
    os.environ.setdefault("FAZHI_SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("FAZHI_ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("FAZHI_SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("FAZHI_LOG_LEVEL", "WARNING")  # jieba's start-up lines, once not twice
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if "DATABASE_URL" not in os.environ:
        (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench' / 'laws.sqlite3'}"
    import django

    django.setup()


def _name(text: str) -> str:
    return re.sub(r"\s", "", text).removeprefix("中华人民共和国")


def _queries(data: Path) -> list[str]:
    lecoqa = json.loads((data / "retrieval/lecoqa-stard/queries.json").read_text(encoding="utf-8"))
    lawbench = json.loads(
        (data / "retrieval/lawbench/3-2_scene_based_article_prediction.json").read_text(
            encoding="utf-8"
        )
    )
    questions = [q["问题"] for q in lecoqa[:LECOQA_QUESTIONS]]
    questions += [item["question"][:200] for item in lawbench[:LAWBENCH_QUESTIONS]]
    return [q[:200] for q in questions]


def _labelled(data: Path):
    """The labelled questions, their cited articles keyed as this corpus holds them."""
    from fazhi.laws.search import learned

    return learned.resolve(learned.labelled_questions(data), learned.corpus_articles())


def latency(queries, run) -> tuple[float, float]:
    """p50 and p95 in milliseconds, after 20 warm-up queries (caches, as a running server).
    ``run`` raises only for a broken engine; a refused query (stop words only) is its answer."""
    for text in queries[:20]:
        run(text)
    times = []
    for text in queries:
        started = time.perf_counter()
        run(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[max(0, math.ceil(len(times) * 0.95) - 1)]


# --- corpora -------------------------------------------------------------------------------


def _ensure_real_corpus(data: Path) -> float | None:
    from fazhi.core.permissions import SYSTEM
    from fazhi.laws.models import LegalDocument
    from fazhi.laws.services import corpus_import, read_sources

    if LegalDocument.objects.exists():
        return None
    sources, _ = read_sources(data)
    started = time.perf_counter()
    corpus_import(sources=sources, root=data, actor=SYSTEM)  # the benchmark, as a command
    return time.perf_counter() - started


def _source_rows(database: Path):
    """(title, doc_number, kind, issuing_body, [(position, number, label, headings, text)]) of
    every published real document, read straight from the real-corpus SQLite file."""
    import sqlite3

    con = sqlite3.connect(database)
    docs = con.execute(
        "SELECT id, title, doc_number, kind, issuing_body FROM laws_legaldocument"
        " WHERE is_published ORDER BY source_path"
    ).fetchall()
    articles: dict[int, list] = {}
    for row in con.execute(
        "SELECT document_id, position, number, label, headings, text FROM laws_article"
        " WHERE position < ? ORDER BY document_id, position",
        (CITY_ARTICLES_PER_DOCUMENT,),
    ):
        articles.setdefault(row[0], []).append(row[1:])
    con.close()
    return [(d[1:], articles[d[0]]) for d in docs if d[0] in articles]


def _fill_city_corpus(source_db: Path) -> None:
    """100,000 documents: real document i % n under district i % 16, year 2000 + i % 25 and a
    文号 of its own, with its first articles. Deterministic; not timed (it is the data, not the
    index)."""
    from datetime import date

    from django.db import transaction

    from fazhi.laws.models import Article, LegalDocument, Work

    source = _source_rows(source_db)
    for start in range(0, CITY_DOCUMENTS, 2000):
        with transaction.atomic():
            batch = []
            for i in range(start, min(start + 2000, CITY_DOCUMENTS)):
                (title, _doc_number, kind, body), _ = source[i % len(source)]
                district, year = DISTRICTS[i % len(DISTRICTS)], 2000 + i % 25
                work = Work(key=f"city:{i}", title=f"{district}{title}")
                batch.append((i, work, title, kind, body, district, year))
            Work.objects.bulk_create([b[1] for b in batch])
            works = dict(
                Work.objects.filter(key__in=[b[1].key for b in batch]).values_list("key", "id")
            )
            docs = [
                LegalDocument(
                    work_id=works[work.key],
                    kind=kind,
                    title=f"{district}{title}",
                    issuing_body=body,
                    doc_number=f"津{district[:2]}人社规字〔{year}〕{i + 1}号",
                    doc_number_key=f"津{district[:2]}人社规字{year}{i + 1}",
                    publish_date=date(year, 1 + i % 12, 1 + i % 28),
                    effective_date=date(year, 1 + i % 12, 1 + i % 28),
                    source_path=f"city/{i:06d}.md",
                    content_hash=f"{i:064d}",
                )
                for i, work, title, kind, body, district, year in batch
            ]
            LegalDocument.objects.bulk_create(docs)
            ids = dict(
                LegalDocument.objects.filter(
                    source_path__in=[d.source_path for d in docs]
                ).values_list("source_path", "id")
            )
            Article.objects.bulk_create(
                [
                    Article(
                        document_id=ids[f"city/{i:06d}.md"],
                        position=position,
                        number=number,
                        label=label,
                        headings=json.loads(headings),
                        clauses=[text],
                        text=text,
                    )
                    for i, *_ in batch
                    for position, number, label, headings, text in source[i % len(source)][1]
                ],
                batch_size=1000,
            )


# --- Fazhi ---------------------------------------------------------------------------------


def build_fazhi_index() -> float:
    """Seconds to (re)write every article's search row, in batches of documents per
    transaction, then optimise the engine's index."""
    from django.db import transaction

    from fazhi.laws.models import LegalDocument
    from fazhi.laws.search.indexing import index_documents, optimise_index

    started = time.perf_counter()
    batch = []
    for document in LegalDocument.objects.order_by("id").iterator(chunk_size=INDEX_BATCH):
        batch.append(document)
        if len(batch) == INDEX_BATCH:
            with transaction.atomic():
                index_documents(batch)
            batch = []
    with transaction.atomic():
        index_documents(batch)
    optimise_index()
    return time.perf_counter() - started


def _peer_docs():
    """Every published article as the peers index it (raw text and Fazhi's tokens), keyed by
    article key (work + number) as the labels are."""
    from bench.peers import Doc
    from fazhi.laws.domain.learned import article_key
    from fazhi.laws.models import SearchEntry

    rows = (
        SearchEntry.objects.filter(document__is_published=True)
        .order_by("article_id")
        .values_list(
            "document__work__key",
            "article__suffix",
            "document__title",
            "document__doc_number",
            "article__label",
            "article__number",
            "article__headings",
            "article__text",
            "docnum_tokens",
            "title_tokens",
            "body_tokens",
        )
    )
    for (
        work,
        suffix,
        title,
        docnum,
        label,
        number,
        headings,
        text,
        dn_tokens,
        t_tokens,
        b_tokens,
    ) in rows.iterator(chunk_size=5000):
        shown = label if number is not None else ""
        yield Doc(
            key=article_key(work, number, suffix) if number is not None else f"{title}#{label}",
            docnum=docnum,
            title=title,
            body=f"{shown} {' '.join(headings[-1:])} {text}",
            docnum_tokens=dn_tokens,
            title_tokens=t_tokens,
            body_tokens=b_tokens,
        )


def _peer_relevance(peers: dict, questions, quick: bool) -> dict:
    """Relevance of the peers on every labelled question (they learn nothing): cached per run in
    WORK so the PostgreSQL pass reuses the SQLite pass's figures (same articles, same indexes)."""
    from fazhi.laws.search import evaluation as ev

    cache_file = WORK / f"peer-relevance{'-quick' if quick else ''}.json"
    if cache_file.exists() and os.environ.get("FAZHI_BENCH_REUSE_PEERS"):
        return json.loads(cache_file.read_text("utf-8"))
    out = {}
    for name, answer in peers.items():
        rows = [ev.score_one(answer(x.question), set(x.articles)) for x in questions]
        out[name] = vars(ev.mean_scores(rows))
        print(f"    {name}: {ev.mean_scores(rows)}", flush=True)
    cache_file.write_text(json.dumps(out), "utf-8")
    return out


def fazhi_relevance(questions, log=print) -> tuple[dict, dict]:
    """(cross-validated figures with the learned model, figures of the text search alone)."""
    from fazhi.laws.search import evaluation as ev
    from fazhi.laws.search import learned

    keys = ev.article_keys()
    text = {x.query_id: ev.search_keys(x.question, keys, None) for x in questions}
    alone = ev.mean_scores(
        [ev.score_one([k for k, _ in text[x.query_id]], set(x.articles)) for x in questions]
    )
    log(f"    Fazhi, text search alone: {alone}")
    corpus = learned.corpus_words({a for x in questions for a in x.articles})

    def answer(x, model):
        return [k for k, _ in ev.search_keys(x.question, keys, model)]

    crossed, _ = ev.cross_validate(questions, text, answer=answer, log=log, corpus=corpus)
    log(f"    Fazhi, 5-fold cross-validated: {crossed}")
    return vars(crossed), vars(alone)


def measure(
    corpus: str, quick: bool, data: Path, rebuild: bool = False, fazhi_only: bool = False
) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.peers.bm25_peer import BM25Peer
    from bench.peers.tantivy_peer import TantivyPeer
    from bench.peers.whoosh_peer import WhooshPeer
    from fazhi.laws.models import Article, LegalDocument
    from fazhi.laws.search import SearchError, search
    from fazhi.laws.search.segment import query_terms

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the public cache's versions (an import bumps)
    result: dict = {"corpus": corpus, "vendor": connection.vendor}
    if corpus == "city":
        if not LegalDocument.objects.exists():
            print("  generating the city-scale corpus (once) …", flush=True)
            _fill_city_corpus(Path(os.environ["FAZHI_BENCH_SOURCE_DB"]))
    else:
        imported = _ensure_real_corpus(data)
        if imported:
            result["import_s"] = imported
    result["documents"] = LegalDocument.objects.count()
    print(f"  [{corpus}/{connection.vendor}] building the Fazhi index …", flush=True)
    result["fazhi_build_s"] = build_fazhi_index()
    result["articles"] = Article.objects.count()

    queries = _queries(data)
    if quick:
        queries = queries[:60]
    # The peers index the same articles whatever the database: one cached index per corpus.
    workdir = WORK / corpus
    whoosh, tantivy = WhooshPeer(workdir / "whoosh"), TantivyPeer(workdir / "tantivy")
    bm25 = BM25Peer(workdir / "bm25")
    # The peers' indexes are cached in WORK (a Whoosh build takes minutes): rebuilt when the
    # article count changes or with --rebuild; the table then shows the recorded build time.
    fingerprint = {"articles": result["articles"]}
    peer_builds = [
        ("whoosh", whoosh, lambda: whoosh.build(_peer_docs(), procs=2 if corpus == "city" else 1)),
        ("tantivy", tantivy, lambda: tantivy.build(_peer_docs())),
    ]
    if corpus != "city":
        peer_builds.append(("bm25", bm25, lambda: bm25.build(_peer_docs())))
    if fazhi_only:  # the peers are measured in the other database's pass
        peer_builds = []
    for key, peer, build in peer_builds:
        marker = peer.path / "built.json"
        recorded = json.loads(marker.read_text("utf-8")) if marker.exists() else {}
        if rebuild or recorded.get("fingerprint") != fingerprint:
            print(f"  [{corpus}] building the {key} index …", flush=True)
            started = time.perf_counter()
            build()
            recorded = {"fingerprint": fingerprint, "seconds": time.perf_counter() - started}
            marker.write_text(json.dumps(recorded), "utf-8")
        result[f"{key}_build_s"] = recorded["seconds"]
    if not fazhi_only:
        whoosh.open()
        tantivy.open()
    if corpus != "city" and not fazhi_only:
        started = time.perf_counter()
        bm25.open()  # BM25Okapi builds its statistics in memory on every start
        result["bm25_build_s"] += time.perf_counter() - started

    client = Client(HTTP_HOST="127.0.0.1")  # an allowed host in the default settings

    def fazhi_api(text):
        response = client.get("/api/v1/policies/search", {"q": text, "page_size": K})
        if response.status_code not in (200, 400):
            raise RuntimeError(f"API answered {response.status_code}")
        return response.json()

    def fazhi_run(text):
        try:
            return search(text, page_size=K).hits
        except SearchError:
            return []

    if corpus != "city":
        questions = _labelled(data)
        if quick:
            questions = questions[:100]
        print(
            f"  [{corpus}/{connection.vendor}] relevance, {len(questions)} questions …", flush=True
        )
        peers = (
            {}
            if fazhi_only
            else _peer_relevance(
                {
                    "BM25": lambda t: bm25.search(t, k=100),
                    "Whoosh+jieba": lambda t: whoosh.search(t, k=100),
                    "tantivy": lambda t: tantivy.search_terms(query_terms(t), k=100),
                },
                questions,
                quick,
            )
        )
        for name, figures in peers.items():
            result[f"{name}|rel"] = figures
        result["Fazhi|rel"], result["Fazhi (text only)|rel"] = fazhi_relevance(questions)
        result["judged"] = len(questions)
    # Latency last: the shipped model (model/questions.json) is loaded on the first search.
    from fazhi.laws.search.learned import MODEL_FILE

    if MODEL_FILE.exists():
        result["model_sha256"] = hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()[:12]
    print(f"  [{corpus}/{connection.vendor}] latency …", flush=True)
    engines = {
        "Fazhi": fazhi_run,
        "Fazhi API": fazhi_api,
        "BM25": bm25.search if corpus != "city" and not fazhi_only else None,
        "Whoosh+jieba": None if fazhi_only else whoosh.search,
        "tantivy": None if fazhi_only else (lambda t: tantivy.search_terms(query_terms(t))),
    }
    for name, run in engines.items():
        if run is None:
            continue
        p50, p95 = latency(queries, run)
        result[f"{name}|p50"], result[f"{name}|p95"] = p50, p95
    result["queries"] = len(queries)
    return result


# --- report --------------------------------------------------------------------------------


def table(results: list[dict]) -> str:
    lines = []
    for r in results:
        lines.append(
            f"\n{r['corpus']} corpus on {r['vendor']}: {r['documents']:,} documents,"
            f" {r['articles']:,} articles; {r['queries']} queries"
            + (f", {r['judged']} labelled questions" if "judged" in r else "")
        )
        lines.append(
            f"{'engine':22s} {'build s':>9s} {'p50 ms':>8s} {'p95 ms':>8s}"
            f" {'R@10':>6s} {'nDCG@10':>8s} {'R@100':>6s}"
        )
        builds = {
            "Fazhi": r["fazhi_build_s"],
            "BM25": r.get("bm25_build_s"),
            "Whoosh+jieba": r.get("whoosh_build_s"),
            "tantivy": r.get("tantivy_build_s"),
        }
        names = ["Fazhi", "Fazhi (text only)", "Fazhi API", "BM25", "Whoosh+jieba", "tantivy"]
        for name in names:
            if name + "|p50" not in r and name + "|rel" not in r:
                continue
            build = f"{builds[name]:9.1f}" if builds.get(name) is not None else f"{'':9s}"
            timing = (
                f"{r[name + '|p50']:8.1f} {r[name + '|p95']:8.1f}"
                if name + "|p50" in r
                else f"{'':8s} {'':8s}"
            )
            rel = r.get(name + "|rel")
            figures = (
                f"{rel['recall10']:6.3f} {rel['ndcg10']:8.3f} {rel['recall100']:6.3f}"
                if rel
                else ""
            )
            label = "Fazhi (5-fold CV)" if name == "Fazhi" and rel else name
            lines.append(f"{label:22s} {build} {timing} {figures}")
        for peer, target in (("Whoosh+jieba", "≥ 10× faster"), ("BM25", "")):
            if peer + "|p50" not in r:
                continue
            line = (
                f"Fazhi vs {peer:12s} latency p50 {r[peer + '|p50'] / r['Fazhi|p50']:6.2f}×"
                f"  p95 {r[peer + '|p95'] / r['Fazhi|p95']:6.2f}×  (peer ÷ Fazhi"
                + (f"; target {target})" if target else ")")
            )
            if "Fazhi|rel" in r and peer + "|rel" in r:
                line += f"  nDCG@10 {r['Fazhi|rel']['ndcg10'] / max(r[peer + '|rel']['ndcg10'], 1e-9):5.2f}×"
            lines.append(line)
        if "Fazhi|rel" in r:
            rel = r["Fazhi|rel"]
            lines.append(
                "targets (issue 20): R@10 ≥ 0.60, nDCG@10 ≥ 0.45, R@100 ≥ 0.85, p95 ≤ 50 ms:"
                f" {rel['recall10']:.3f} / {rel['ndcg10']:.3f} / {rel['recall100']:.3f},"
                f" p95 {r['Fazhi|p95']:.1f} ms"
            )
    return "\n".join(lines)


def _postgres_in_child(quick: bool) -> dict | None:
    """The real corpus on PostgreSQL (FAZHI_BENCH_PG_URL), in a child process of its own."""
    url = os.environ.get(
        "FAZHI_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/fazhi_bench_search"
    )
    try:
        import psycopg

        base, _, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as con:
            if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                con.execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:
        print(f"  PostgreSQL not measured ({exc})", flush=True)
        return None
    out = WORK / "result-postgres.json"
    env = {**os.environ, "DATABASE_URL": url, "FAZHI_BENCH_REUSE_PEERS": "1"}
    args = [sys.executable, __file__, "--child-real", str(out)]
    args += [flag for flag in ("--quick", "--rebuild") if flag in sys.argv]
    subprocess.run(args, env=env, check=True)  # noqa: S603 (our own script)
    return json.loads(out.read_text(encoding="utf-8"))


def _city_in_child(quick: bool) -> dict:
    """Run the city-scale corpus in a child process with its own SQLite database."""
    from django.conf import settings

    source = Path(settings.DATABASES["default"]["NAME"])
    CITY_DIR.mkdir(parents=True, exist_ok=True)
    out = CITY_DIR / "result.json"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{CITY_DIR / 'fazhi.sqlite3'}",
        "FAZHI_BENCH_SOURCE_DB": str(source),
    }
    args = [sys.executable, __file__, "--child-city", str(out)]
    args += [flag for flag in ("--quick", "--rebuild") if flag in sys.argv]
    subprocess.run(args, env=env, check=True)  # noqa: S603 (our own script)
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> list[dict]:
    argv = list(sys.argv[1:] if argv is None and __name__ == "__main__" else argv or [])
    quick, city, rebuild = "--quick" in argv, "--city" in argv, "--rebuild" in argv
    if "--child-real" in argv:
        _setup()
        from django.conf import settings

        result = measure("real", quick, Path(settings.FAZHI["SHARED_DATA_DIR"]), rebuild)
        Path(argv[argv.index("--child-real") + 1]).write_text(json.dumps(result), "utf-8")
        return [result]
    if "--child-city" in argv:
        _setup()
        from django.conf import settings

        result = measure("city", quick, Path(settings.FAZHI["SHARED_DATA_DIR"]), rebuild)
        Path(argv[argv.index("--child-city") + 1]).write_text(json.dumps(result), "utf-8")
        return [result]
    _setup()
    from django.conf import settings

    sys.path.insert(0, str(ROOT))
    if "--city-only" in argv:  # the real corpus only as the source of the city one
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        _ensure_real_corpus(Path(settings.FAZHI["SHARED_DATA_DIR"]))
        results = [_city_in_child(quick)]
        print(table(results))
        return results
    results = [
        measure(
            "real",
            quick,
            Path(settings.FAZHI["SHARED_DATA_DIR"]),
            rebuild,
            fazhi_only="--fazhi-only" in argv,
        )
    ]
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "result-real.json").write_text(json.dumps(results[0]), "utf-8")
    if results[0]["vendor"] == "sqlite" and "--sqlite-only" not in argv:
        postgres = _postgres_in_child(quick)
        if postgres:
            results.append(postgres)
    if city:
        results.append(_city_in_child(quick))
    print(table(results))
    return results


if __name__ == "__main__":
    main()
