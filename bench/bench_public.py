"""The public side under a crowd (issue 25): gunicorn, 2 workers, loopback, 8 clients at once.

    python bench/bench_public.py [--seconds S] [--clients N] [--redis]   # make bench: no flags

Each page is loaded for S seconds (default 3, after a warm-up) by N concurrent clients (default
8), one new connection per request (as ``ab``), from an asyncio load generator in this process,
in three slices alternating with slices of a bare Django view on the same server (same
middleware, ``HttpResponse("ok")``). Reported per page: requests per second, the ratio to the
bare view's, p50 and p99 in ms. Then, in one process: the uncached search page and API against
the search engine's own time for the same query (issue 25 asks for at most 2×).

Three servers in turn, on the demo database (``var/bench/public.sqlite3``, made once with
``fazhi demo`` — laws from the shared data folder; FAZHI_SHARED_DATA_DIR if it is elsewhere):

* ``before``: the public cache off, no warm-up (gunicorn without fazhi/gunicorn_conf.py's hooks)
  and a new database connection per request (``CONN_MAX_AGE`` 0), as before issue 25;
* ``uncached``: the cache off, persistent connections, the workers warmed and ``gc.freeze()``-d
  (fazhi/gunicorn_conf.py) — what a first request costs now;
* ``cached``: the cache on (pages in each worker's memory, versions in the database), also one
  search page per request with a query never asked before (every one a miss);
* ``--redis``: also the cache in Redis (a private redis-server on a free port, if installed).

The machine has 2 cores, shared by the server, this load generator and whatever else runs:
absolute figures are noisy, the ratios within one server run much less so.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DB = Path(os.environ.get("FAZHI_BENCH_PUBLIC_DB", ROOT / "var" / "bench" / "public.sqlite3"))
BARE = "/bench/bare/"
ROUNDS = 3
SEARCH = "/policies/?q=" + quote("工伤认定申请时限")
API_SEARCH = "/api/v1/policies/search?q=" + quote("工伤认定申请时限")
WORDS = [
    "工伤",
    "认定",
    "失业",
    "保险金",
    "劳动合同",
    "工资",
    "仲裁",
    "社会保险",
    "加班",
    "休假",
    "辞退",
    "补偿",
    "养老",
    "医疗",
    "生育",
    "培训",
    "派遣",
    "试用期",
    "解除",
    "经济",
    "赔偿",
    "监察",
    "投诉",
    "举报",
    "年休假",
    "最低",
    "标准",
    "职业",
    "技能",
    "就业",
]


def _env(**extra) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.public_settings",
        "DATABASE_URL": f"sqlite:///{DB}",
        "FAZHI_DEBUG": "false",
        "FAZHI_SECRET_KEY": "bench-only-secret-key",
        "FAZHI_ALLOWED_HOSTS": "127.0.0.1",
        "FAZHI_SECURE_SSL_REDIRECT": "false",
        "FAZHI_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("FAZHI_CACHE_URL", None)
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def _manage(*args: str) -> None:
    cmd = [sys.executable, str(ROOT / "manage.py"), *args]
    subprocess.run(cmd, env=_env(FAZHI_DEBUG="true"), check=True, cwd=ROOT)  # noqa: S603


def ensure_database() -> None:
    if not DB.exists():
        DB.parent.mkdir(parents=True, exist_ok=True)
        print(f"  making the demo database {DB} (once, ~2 min) …", flush=True)
        _manage("migrate", "--noinput", "-v0")
        _manage("createcachetable")  # the demo bumps the public cache's versions
        code = "import sys; from fazhi.cli import main; sys.argv = ['fazhi', 'demo']; main()"
        cmd = [sys.executable, "-c", code]
        subprocess.run(cmd, env=_env(FAZHI_DEBUG="true"), check=True, cwd=ROOT)  # noqa: S603
    _manage("migrate", "--noinput", "-v0")
    _manage("createcachetable")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sample_urls() -> dict[str, str]:
    """The popular pages: the search, the longest statute, the 公示 and power lists."""
    import sqlite3

    con = sqlite3.connect(DB)
    longest = con.execute(
        "SELECT d.id FROM laws_legaldocument d JOIN laws_article a ON a.document_id = d.id"
        " WHERE d.is_published GROUP BY d.id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()
    con.close()
    urls = {
        "portal home": "/",
        "policy search": SEARCH,
        "search API": API_SEARCH,
        "publicity list": "/publicity/",
        "power list": "/powers/",
    }
    if longest:
        urls["policy document"] = f"/policies/documents/{longest[0]}/"
    return urls


# --- the load generator ----------------------------------------------------------------------


async def _get(port: int, path: str) -> tuple[int, int]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("ascii")
    )
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data[9:12]) if data[:5] == b"HTTP/" else 0
    return status, len(data)


async def _load(port: int, paths, seconds: float, clients: int) -> dict:
    """``paths``: one path, or a callable giving the path of the i-th request."""
    pick = paths if callable(paths) else (lambda i: paths)
    latencies: list[float] = []
    errors = 0
    counter = iter(range(10**9))
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            path = pick(next(counter))
            started = time.perf_counter()
            try:
                status, _ = await _get(port, path)
            except OSError:
                status = 0
            latencies.append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return {"latencies": latencies, "elapsed": time.perf_counter() - started, "errors": errors}


def _merge(parts: list[dict]) -> dict:
    latencies = sorted(x for part in parts for x in part["latencies"])
    n, elapsed = len(latencies), sum(part["elapsed"] for part in parts)
    return {
        "rps": n / elapsed if elapsed else 0.0,
        "p50": latencies[n // 2] if n else 0.0,
        "p99": latencies[min(n - 1, int(n * 0.99))] if n else 0.0,
        "n": n,
        "errors": sum(part["errors"] for part in parts),
    }


def _measure(port: int, paths, seconds: float, clients: int, rounds: int = ROUNDS) -> dict:
    """``paths`` and the bare view in alternating slices (``rounds`` of each, ``seconds`` in all
    per side): the machine's load drifts, and the ratio compares like with like."""
    asyncio.run(_load(port, paths, 0.3, clients))  # warm-up
    page, bare = [], []
    for _ in range(rounds):
        bare.append(asyncio.run(_load(port, BARE, seconds / rounds, clients)))
        page.append(asyncio.run(_load(port, paths, seconds / rounds, clients)))
    result, yardstick = _merge(page), _merge(bare)
    result["bare_rps"] = yardstick["rps"]
    result["ratio"] = result["rps"] / yardstick["rps"] if yardstick["rps"] else 0.0
    return result


# --- servers ---------------------------------------------------------------------------------


class Server:
    def __init__(self, *, warm: bool, **env):
        self.port = _free_port()
        cmd = [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{self.port}"]
        if warm:
            cmd += ["-c", "python:fazhi.gunicorn_conf"]
        cmd += ["bench.public_wsgi:application"]
        self.process = subprocess.Popen(  # noqa: S603
            cmd, env=_env(**env), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    def __enter__(self) -> Server:
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.process.stderr.read().decode()[-2000:])
            try:
                if asyncio.run(_get(self.port, "/bench/bare/"))[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Redis:
    def __init__(self):
        self.port = _free_port()
        self.dir = tempfile.mkdtemp(prefix="fazhi-bench-redis-")
        cmd = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        cmd += ["--appendonly", "no", "--dir", self.dir]
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)  # noqa: S603

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def __enter__(self) -> Redis:
        time.sleep(0.5)
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


def _distinct_search(i: int) -> str:
    a, b = WORDS[i % len(WORDS)], WORDS[(i // len(WORDS) + 7 * i) % len(WORDS)]
    return "/policies/?q=" + quote(f"{a} {b}") + f"&page=1&n={i}"


def run(seconds: float, clients: int, redis: bool) -> dict[str, dict[str, dict]]:
    urls = _sample_urls()
    setups = {
        "before": {"warm": False, "FAZHI_PUBLIC_CACHE": "false", "FAZHI_DB_CONN_MAX_AGE": "0"},
        "uncached": {"warm": True, "FAZHI_PUBLIC_CACHE": "false"},
        "cached": {"warm": True, "FAZHI_PUBLIC_CACHE": "true"},
    }
    if redis and shutil.which("redis-server"):
        setups["cached, Redis"] = {"warm": True, "FAZHI_PUBLIC_CACHE": "true", "redis": True}
    results: dict[str, dict[str, dict]] = {}
    for name, setup in setups.items():
        setup = dict(setup)
        warm, use_redis = setup.pop("warm"), setup.pop("redis", False)
        print(f"  [{name}] gunicorn -w 2 …", flush=True)
        with Redis() if use_redis else _Null() as store:
            if use_redis:
                setup["FAZHI_CACHE_URL"] = store.url
            with Server(warm=warm, **setup) as server:
                rows = {}
                for label, path in urls.items():
                    rows[label] = _measure(server.port, path, seconds, clients)
                if setup["FAZHI_PUBLIC_CACHE"] == "true":
                    rows["search, new query each time"] = _measure(
                        server.port, _distinct_search, seconds, clients
                    )
                results[name] = rows
    return results


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def report(results: dict[str, dict[str, dict]], clients: int) -> None:
    print(
        f"\n{clients} clients, gunicorn -w 2. Each cell: req/s (× the bare view, measured in"
        " alternating slices on the same server) p50/p99 ms"
    )
    names = list(results)
    print("| page | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    labels = list(dict.fromkeys(label for rows in results.values() for label in rows))
    for label in labels:
        cells = []
        for name in names:
            row = results[name].get(label)
            if row is None:
                cells.append("")
                continue
            errors = f" ({row['errors']} errors)" if row["errors"] else ""
            cells.append(
                f"{row['rps']:.0f} (×{row['ratio']:.2f}) {row['p50']:.1f}/{row['p99']:.1f}{errors}"
            )
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    bare = [row["bare_rps"] for rows in results.values() for row in rows.values()]
    print(f"(the bare view itself: {min(bare):.0f}–{max(bare):.0f} req/s across the slices)")


IN_PROCESS = """
import statistics, time, gc, sys
import django
django.setup()
from io import BytesIO
from urllib.parse import urlencode
from django.core.handlers.wsgi import WSGIHandler
from fazhi.laws import selectors
from fazhi.laws.search import SearchFilters
from fazhi.portal.warmup import warm_up
warm_up()
handler, query = WSGIHandler(), sys.argv[1]
def get(path, params):
    # Straight through the WSGI handler, as gunicorn calls it (the test client would copy
    # every template context for its assertions and inflate the page's time).
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": urlencode(params),
               "SERVER_NAME": "testserver", "SERVER_PORT": "80", "wsgi.url_scheme": "http",
               "wsgi.input": BytesIO(), "wsgi.errors": sys.stderr, "HTTP_HOST": "testserver"}
    response = handler(environ, lambda status, headers: None)
    assert response.status_code == 200, response.status_code
    b"".join(response)
    response.close()
def median(call, n=40):
    call()
    times = []
    for _ in range(n):
        started = time.perf_counter(); call(); times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
engine = median(lambda: selectors.policy_public_search(query, filters=SearchFilters(), page=1, page_size=10))
counter = iter(range(10**9))  # a parameter never seen before: every request is a cache miss
page = median(lambda: get("/policies/", {"q": query, "n": next(counter)}))
api = median(lambda: get("/api/v1/policies/search", {"q": query, "n": next(counter)}))
print(f"{engine:.1f} {page:.1f} {api:.1f}")
"""


def in_process(query: str = "工伤认定申请时限") -> None:
    """The search page and API, each request a cache miss (and stored), against the engine's
    own time, in one process."""
    env = _env(FAZHI_PUBLIC_CACHE="true", FAZHI_ALLOWED_HOSTS="testserver")
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", IN_PROCESS, query],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    engine, page, api = (float(x) for x in out[-3:])
    print(
        f"\nsearch, a cache miss each time, in-process, warmed (median of 40): engine {engine:.1f} ms; "
        f"page {page:.1f} ms (×{page / engine:.2f}); API {api:.1f} ms (×{api / engine:.2f})"
    )


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 3.0
    clients = int(argv[argv.index("--clients") + 1]) if "--clients" in argv else 8
    ensure_database()
    report(run(seconds, clients, redis="--redis" in argv or "--quick" not in argv), clients)
    in_process()


if __name__ == "__main__":
    main()
