"""gunicorn settings: ``gunicorn -c python:fazhi.gunicorn_conf fazhi.wsgi`` (docs/ops/deployment.md).

Environment: ``FAZHI_BIND`` (default 127.0.0.1:8000, nginx in front), ``FAZHI_WORKERS`` (default:
one per CPU core — the pages are CPU-bound and the database is close; see the measurements in
docs/ops/deployment.md), ``FAZHI_WORKER_TIMEOUT`` seconds (default 30).
"""

import os

bind = os.environ.get("FAZHI_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("FAZHI_WORKERS", os.cpu_count() or 2))
timeout = int(os.environ.get("FAZHI_WORKER_TIMEOUT", "30"))
max_requests = 20000  # recycle workers now and then (memory held by large exports)
max_requests_jitter = 2000
accesslog = os.environ.get("FAZHI_ACCESS_LOG") or None


def post_worker_init(worker):
    from fazhi.portal.warmup import warm_up

    warm_up()
