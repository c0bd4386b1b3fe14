"""huey tasks (ADR 0005). The worker: ``manage.py run_huey``; tests run them at once."""

from __future__ import annotations

from huey.contrib.djhuey import db_task


@db_task()
def run_job(job_id: int) -> None:
    from fazhi.core.services import jobs

    jobs.run(job_id)
