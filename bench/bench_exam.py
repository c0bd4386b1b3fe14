"""The online exam under a crowd (issue 23): 1,500 sitters saving answers at once.

What to run (from the repository root; about 5½ minutes of crowd, 11 minutes in all at load 17
on the shared 2-core machine, less on a quiet one; also part of ``make bench``):

    FAZHI_BENCH_EXAM_DB=fz_edu_bench .venv/bin/python bench/bench_exam.py

Options: [--quick] [--sitters N] [--saves N] [--think LOW HIGH] [--workers N] [--keep]
[--db postgresql|sqlite].

Setup (a child process, outside the timing): a scratch PostgreSQL database (``FAZHI_BENCH_EXAM_DB``,
default ``fazhi_bench_exam``; dropped afterwards unless --keep) on 127.0.0.1:5432
(FAZHI_BENCH_PG overrides the server), migrated; 15 units
of 100 执法人员 each, every one with an API token (rows written directly: tokens are not what is
measured); a bank of 120 questions over one law; an exam with 50-question papers; every sitter
enrolled; the first paper drawn through ``sitting_start`` (the real service), the others by the
same ``draw_paper`` rules written in bulk (starts are not what is measured).

Load: gunicorn (``-w N`` sync workers, default 4) on loopback, the real settings. Each sitter is
one asyncio task that arrives at a random moment within the first think time, then PUTs one
answer to ``/api/v1/education/sittings/{id}/answers/{q}`` over a new connection and waits a think
time before the next, ``--saves`` times (default 6), some saves overwriting an earlier answer.

The arrival model is what sitters produce: one save per question answered. The think time per
question (``--think LOW HIGH``, uniform) defaults to 20–60 s, mean 40 s: a 50-question paper in
about 33 minutes, quicker than the 60–120 minutes such exams allow (EXAM_MINUTES defaults to 120),
so the default offers more than a real crowd. 1,500 sitters at a mean of 40 s offer
1,500 / 40 = 37.5 saves/s; the output states the offered and the achieved rate. ``--think 3 9``
is the earlier stress model (~250 saves/s, about ten times a real crowd). Measured per save: the
time from connect to the whole response (client side), p50/p95/max; status codes.

Nothing lost: afterwards every (paper, question) the clients were told was saved (200) must
have exactly one row holding the last response sent, and no row may exist that was not sent.
Target: p95 < 100 ms, nothing lost, no error.

Then, after the check, the in-process cost of one save: 500 saves through the whole Django stack
(Django's WSGI handler in the server's settings: middleware, URL, key, service, database; no
HTTP server, no queue): CPU time of the process per save (``time.process_time``; target ≤ 5 ms),
queries per save (``CaptureQueriesContext``) and wall p50/p95.
``--db sqlite`` runs the same against a scratch SQLite file instead of PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("FAZHI_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_DB = os.environ.get("FAZHI_BENCH_EXAM_DB", "fazhi_bench_exam")
TARGET_MS = 100.0
UNITS, QUESTIONS, PAPER = 15, 120, 50


DB_URL = {"url": f"{PG_SERVER}/{PG_DB}"}


def _env(**extra) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "fazhi.settings.base",
            "DATABASE_URL": DB_URL["url"],
            "PYTHONPATH": str(ROOT),
            "FAZHI_DEBUG": "true",
            "FAZHI_PUBLIC_CACHE": "false",
            "FAZHI_AUDIT_ANCHOR_EVERY": "0",
        }
    )
    env.update(extra)
    return env


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


# --- setup (child process) ---------------------------------------------------------------------


def setup(sitters: int, out: Path) -> None:
    import django

    django.setup()
    from datetime import date, timedelta

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from fazhi.accounts.models import ApiToken, OrgUnit, User
    from fazhi.accounts.services import api_key_hash
    from fazhi.education import services
    from fazhi.education.domain import exam as rules
    from fazhi.education.models import Enrolment, Question, QuestionStatus, Sitting
    from fazhi.laws.models import Article, LegalDocument, Work

    admin = User.objects.create_superuser("bench-admin", password=None)
    legal_group, _ = Group.objects.get_or_create(name="法规处工作人员")
    officer_group, _ = Group.objects.get_or_create(name="执法人员")
    admin.groups.add(legal_group)
    bureau = OrgUnit.objects.create_in_tree(parent=None, code="JU", name="市人社局", kind="bureau")
    per_unit = -(-sitters // UNITS)
    units = [
        OrgUnit.objects.create_in_tree(
            parent=bureau, code=f"U{i:02d}", name=f"单位{i:02d}", kind="team"
        )
        for i in range(UNITS)
    ]
    users = User.objects.bulk_create(
        [
            User(username=f"s{i:05d}", org_unit=units[i // per_unit], full_name=f"考生{i}")
            for i in range(sitters)
        ]
    )
    officer_group.user_set.add(*users)
    tokens = {}
    rows = []
    for user in users:
        prefix = f"{user.pk:08x}"
        clear = f"fz_{prefix}_bench{random.getrandbits(128):032x}"
        tokens[user.pk] = clear
        rows.append(ApiToken(user=user, name="bench", prefix=prefix, key_hash=api_key_hash(clear)))
    ApiToken.objects.bulk_create(rows)

    work = Work.objects.create(key="劳动合同法", title="劳动合同法")
    doc = LegalDocument.objects.create(
        work=work,
        kind="法律",
        title="劳动合同法",
        effective_date=date(2013, 7, 1),
        source_path="bench/ldht.md",
        content_hash="x" * 64,
    )
    arts = Article.objects.bulk_create(
        [
            Article(document=doc, position=n, number=n, label=f"第{n}条", text=f"第{n}条")
            for n in range(1, 99)
        ]
    )
    for i in range(QUESTIONS):
        kind = ("single", "multiple", "truefalse")[i % 3]
        services.question_add(
            qtype=kind,
            stem=f"第{i}题",
            options=[] if kind == "truefalse" else ["甲", "乙", "丙", "丁"],
            answer={"single": "A", "multiple": "AB", "truefalse": "T"}[kind],
            articles=[arts[i % len(arts)]],
            actor=admin,
        )
    now = timezone.now()
    exam = services.exam_create(
        title="基准考试",
        year=now.year,
        org_unit=bureau,
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=6),
        paper_rules=[
            {"qtype": "single", "count": 20},
            {"qtype": "multiple", "count": 15},
            {"qtype": "truefalse", "count": 15},
        ],
        actor=admin,
    )
    services.exam_enrol(exam=exam, units=[bureau], role_codes=["enforcement_officer"], actor=admin)
    # The first paper through the service; the others drawn by the same rules and written in
    # bulk (1,500 audited starts took minutes on a loaded machine, and starts are not measured).
    first = services.sitting_start(exam=exam, actor=users[0])
    parsed = rules.parse_rules(exam.rules)
    pool = {
        pk: (qtype, work)
        for pk, qtype, work in Question.objects.filter(status=QuestionStatus.ACTIVE).values_list(
            "pk", "qtype", "work_key"
        )
    }
    enrolments = dict(Enrolment.objects.filter(exam=exam).values_list("user_id", "pk"))
    drawn = []
    for user in users[1:]:
        seed = random.getrandbits(62)
        paper = rules.draw_paper(seed, parsed, pool)
        drawn.append(
            Sitting(
                enrolment_id=enrolments[user.pk],
                attempt=1,
                seed=seed,
                questions=paper,
                points=rules.points_for(parsed, paper),
                started_at=now,
                deadline=rules.deadline(now, exam.minutes, exam.closes_at),
            )
        )
    Sitting.objects.bulk_create(drawn, batch_size=500)
    by_user = dict(
        Sitting.objects.filter(enrolment__exam=exam).values_list("enrolment__user_id", "pk")
    )
    questions = {first.pk: first.questions, **{s.pk: s.questions for s in drawn}}
    papers = [
        {
            "token": tokens[user.pk],
            "sitting": by_user[user.pk],
            "questions": [[q, pool[q][0]] for q in questions[by_user[user.pk]]],
        }
        for user in users
    ]
    out.write_text(json.dumps(papers), encoding="utf-8")


def verify(expected_file: Path) -> dict:
    import django

    django.setup()
    from fazhi.education.models import Answer

    expected = {tuple(k): v for k, v in json.loads(expected_file.read_text())}
    rows = {
        (s, q): r for s, q, r in Answer.objects.values_list("sitting_id", "question_id", "response")
    }
    lost = sum(1 for k, v in expected.items() if rows.get(k) != v)
    extra = sum(1 for k in rows if k not in expected)
    return {"expected": len(expected), "rows": len(rows), "lost_or_wrong": lost, "extra": extra}


def inprocess(papers_file: Path, saves: int) -> dict:
    """The same save through the whole Django stack (Django's WSGI handler: middleware, URL,
    key, service, database) with no HTTP server and no queue, in the server's settings: the CPU
    time of this process per save (``time.process_time``; the database server's own time is not
    in it), the wall time per save, and the queries per save (``CaptureQueriesContext``)."""
    import io

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    app = WSGIHandler()
    papers = json.loads(papers_file.read_text())[:100]
    rng = random.Random(7)
    statuses: list[str] = []

    def save(i: int) -> None:
        paper = papers[i % len(papers)]
        q, kind = paper["questions"][(i // len(papers)) % len(paper["questions"])]
        body = json.dumps({"response": _response_for(kind, rng)}).encode()
        environ = {
            "REQUEST_METHOD": "PUT",
            "PATH_INFO": f"/api/v1/education/sittings/{paper['sitting']}/answers/{q}",
            "SCRIPT_NAME": "",
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_AUTHORIZATION": f"Bearer {paper['token']}",
            "HTTP_X_FORWARDED_PROTO": "https",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        result = app(environ, lambda status, headers, exc_info=None: statuses.append(status))
        b"".join(result)
        result.close()

    warm = len(papers)  # every key used once: the once-a-minute last_used_at note is done
    for i in range(warm):
        save(i)
    with CaptureQueriesContext(connection) as ctx:
        for i in range(warm, warm + 20):
            save(i)
    queries = len(ctx.captured_queries) / 20
    walls = []
    cpu_started = time.process_time()
    for i in range(warm + 20, warm + 20 + saves):
        started = time.perf_counter()
        save(i)
        walls.append((time.perf_counter() - started) * 1000)
    cpu = (time.process_time() - cpu_started) * 1000 / saves
    bad = [s for s in statuses if not s.startswith("200")]
    if bad:
        raise RuntimeError(f"save answered {bad[0]}")
    walls.sort()
    return {
        "n": saves,
        "cpu_ms": cpu,
        "queries": queries,
        "p50": statistics.median(walls),
        "p95": walls[int(0.95 * (len(walls) - 1))],
    }


# --- load ----------------------------------------------------------------------------------------


def _response_for(qtype: str, rng: random.Random) -> str:
    if qtype == "truefalse":
        return rng.choice("TF")
    if qtype == "single":
        return rng.choice("ABCD")
    return "".join(sorted(rng.sample("ABCD", rng.randint(2, 3))))


async def _put(port: int, path: str, token: str, body: bytes) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        (
            f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            f"Authorization: Bearer {token}\r\nX-Forwarded-Proto: https\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode("ascii")
        + body
    )
    await writer.drain()
    data = await reader.read()
    writer.close()
    return int(data[9:12]) if data[:5] == b"HTTP/" else 0


async def _warm(port: int, token: str, n: int) -> None:
    """Unmeasured requests first, so every worker has built its URL resolver and API schema
    (a server is warm long before an exam opens)."""
    for _ in range(n):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            (
                "GET /api/v1/education/exams HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Connection: close\r\nAuthorization: Bearer {token}\r\n"
                "X-Forwarded-Proto: https\r\n\r\n"
            ).encode("ascii")
        )
        await writer.drain()
        await reader.read()
        writer.close()


async def _crowd(port: int, papers: list[dict], saves: int, think: tuple[float, float]) -> dict:
    times: list[float] = []
    statuses: dict[int, int] = {}
    last: dict[tuple[int, int], str] = {}

    async def sitter(i: int, paper: dict) -> None:
        rng = random.Random(i)
        await asyncio.sleep(rng.uniform(0, think[1]))  # they do not all arrive in one instant
        qs = paper["questions"]
        for n in range(saves):
            # every third save changes an earlier answer (overwrite, still one row)
            q, kind = qs[rng.randrange(n)] if n and n % 3 == 0 else qs[n]
            value = _response_for(kind, rng)
            body = json.dumps({"response": value}).encode()
            path = f"/api/v1/education/sittings/{paper['sitting']}/answers/{q}"
            started = time.perf_counter()
            try:
                status = await _put(port, path, paper["token"], body)
            except OSError:
                status = -1
            times.append((time.perf_counter() - started) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200:
                last[(paper["sitting"], q)] = value
            if n < saves - 1:
                await asyncio.sleep(rng.uniform(*think))

    started = time.perf_counter()
    await asyncio.gather(*(sitter(i, p) for i, p in enumerate(papers)))
    wall = time.perf_counter() - started
    return {"times": times, "statuses": statuses, "last": last, "wall": wall}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="300 sitters")
    parser.add_argument("--sitters", type=int, default=1500)
    parser.add_argument("--saves", type=int, default=6)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(20.0, 60.0),
        help="think time per question in seconds, uniform between the two (default 20 60)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--db", choices=("postgresql", "sqlite"), default="postgresql", help="the database"
    )
    args = parser.parse_args(argv if argv is not None else [])
    sitters = 300 if args.quick else args.sitters
    tmp = Path(tempfile.mkdtemp(prefix="bench_exam_"))
    papers_file, expected_file = tmp / "papers.json", tmp / "expected.json"
    if args.db == "sqlite":
        DB_URL["url"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    else:
        _pg(f"DROP DATABASE IF EXISTS {PG_DB}")
        _pg(f"CREATE DATABASE {PG_DB}")
    try:
        py = sys.executable
        env = _env()
        t0 = time.perf_counter()
        subprocess.run(  # noqa: S603
            [py, "manage.py", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True
        )
        subprocess.run(  # noqa: S603
            [py, __file__, "--setup", str(sitters), str(papers_file)], env=env, cwd=ROOT, check=True
        )
        print(f"  setup: {sitters} sitters, papers drawn ({time.perf_counter() - t0:.0f} s)")
        papers = json.loads(papers_file.read_text())
        port = _free_port()
        server_env = _env(
            FAZHI_DEBUG="false",
            FAZHI_SECRET_KEY="bench-" + "x" * 50,
            FAZHI_AUDIT_KEY="bench-" + "y" * 50,
            FAZHI_ALLOWED_HOSTS="127.0.0.1",
            FAZHI_LOG_LEVEL="WARNING",
        )
        server = subprocess.Popen(  # noqa: S603
            [
                py,
                "-m",
                "gunicorn",
                "-c",
                "python:fazhi.gunicorn_conf",
                "-w",
                str(args.workers),
                "--backlog",
                "4096",
                "-b",
                f"127.0.0.1:{port}",
                "fazhi.wsgi:application",
            ],
            env=server_env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("gunicorn did not start")
            asyncio.run(_warm(port, papers[0]["token"], 10 * args.workers))
            load_before = os.getloadavg()[0]
            result = asyncio.run(_crowd(port, papers, args.saves, tuple(args.think)))
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            err = server.stderr.read().decode(errors="replace") if server.stderr else ""
        expected_file.write_text(json.dumps([[list(k), v] for k, v in result["last"].items()]))
        check = subprocess.run(  # noqa: S603
            [py, __file__, "--verify", str(expected_file)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        found = json.loads(check.stdout.strip().splitlines()[-1])
        times = sorted(result["times"])
        p50 = statistics.median(times)
        p95 = times[int(0.95 * (len(times) - 1))]
        rate = len(times) / result["wall"]
        offered = sitters / (sum(args.think) / 2)
        print(
            f"  {sitters} sitters × {args.saves} saves, think {args.think[0]:g}–{args.think[1]:g} s, "
            f"gunicorn -w {args.workers}, {'SQLite' if args.db == 'sqlite' else 'PostgreSQL'}, loopback; load {os.getloadavg()[0]:.1f}"
        )
        print(
            f"  offered: {sitters} sitters / mean think {sum(args.think) / 2:g} s = "
            f"{offered:.1f} saves/s; cores {os.cpu_count()}, load before/after "
            f"{load_before:.1f}/{os.getloadavg()[0]:.1f}"
        )
        print(
            f"  answer save: {len(times)} requests in {result['wall']:.0f} s ({rate:.0f}/s); "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.0f} ms; statuses {result['statuses']}"
        )
        print(
            f"  nothing lost: {found['expected']} answers acknowledged, {found['rows']} rows, "
            f"{found['lost_or_wrong']} lost or wrong, {found['extra']} unexpected"
        )
        ok = (
            p95 < TARGET_MS
            and found["lost_or_wrong"] == 0
            and found["extra"] == 0
            and set(result["statuses"]) == {200}
        )
        print(
            f"  target p95 < {TARGET_MS:.0f} ms, nothing lost, no error: {'met' if ok else 'NOT met'}"
        )
        if not set(result["statuses"]) <= {200}:
            print("  server stderr (tail):", err[-1500:])
        # after the check: these saves would otherwise be rows the crowd never sent
        inproc = subprocess.run(  # noqa: S603
            [py, __file__, "--inprocess", str(papers_file), "500"],
            env=server_env,
            cwd=ROOT,
            check=False,
            capture_output=True,
            text=True,
        )
        if inproc.returncode:
            print("  in process: failed:", inproc.stderr[-800:])
        else:
            one = json.loads(inproc.stdout.strip().splitlines()[-1])
            print(
                f"  in process (WSGI handler, no server, {one['n']} saves, load "
                f"{os.getloadavg()[0]:.1f}): CPU {one['cpu_ms']:.2f} ms per save (target ≤ 5), "
                f"{one['queries']:g} queries per save; wall p50 {one['p50']:.1f} ms, "
                f"p95 {one['p95']:.1f} ms"
            )
    finally:
        if not args.keep and args.db == "postgresql":
            _pg(f"DROP DATABASE IF EXISTS {PG_DB}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--setup":
        setup(int(sys.argv[2]), Path(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--inprocess":
        print(json.dumps(inprocess(Path(sys.argv[2]), int(sys.argv[3]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "--verify":
        print(json.dumps(verify(Path(sys.argv[2]))))
    else:
        main(sys.argv[1:])
