"""`fazhi inspections import-employers FILE.csv [--full-refresh] [--json]`: import the directory.

Exit 0 when the file was read (bad rows are listed, good rows imported), 1 when it is refused
(missing columns, empty file), 2 for bad usage.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.inspections.services.directory import employer_import


class Command(BaseCommand):
    help = "双随机一公开：import-employers 从 CSV 导入检查对象名录库（UTF-8 或 GBK）"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import-employers"])
        parser.add_argument("file", help="CSV 文件")
        parser.add_argument("--full-refresh", action="store_true", help="文件中没有的单位移出名录")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}", returncode=2)
        console = Console(file=self.stdout, soft_wrap=True)
        errors: list[tuple[int, str]] = []
        quiet = options["json"]
        with (
            path.open("rb") as fh,
            Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                DownloadColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                disable=quiet,
                transient=True,
            ) as progress,
        ):
            task = progress.add_task("导入名录", total=path.stat().st_size)
            try:
                run = employer_import(
                    fileobj=fh,
                    file_name=path.name,
                    actor=SYSTEM,
                    full_refresh=options["full_refresh"],
                    report=lambda line, reason: errors.append((line, reason)),
                    progress=lambda done: progress.update(task, completed=done),
                )
            except Refused as exc:
                raise CommandError(str(exc), returncode=1) from exc
        summary = {
            "import_id": run.pk,
            "encoding": run.encoding,
            "rows": run.rows,
            "created": run.created,
            "updated": run.updated,
            "unchanged": run.unchanged,
            "rejected": run.rejected,
            "deactivated": run.deactivated,
        }
        if quiet:
            body = summary | {"errors": [{"line": n, "reason": r} for n, r in errors]}
            self.stdout.write(json.dumps(body, ensure_ascii=False))
            return
        for line, reason in errors:
            console.print(f"[red]第 {line} 行[/red]：{reason}")
        console.print(
            f"编码 {run.encoding}，数据 {run.rows} 行：新增 {run.created}，更新 {run.updated}，"
            f"未变 {run.unchanged}，拒收 {run.rejected}，移出名录 {run.deactivated}。"
        )
