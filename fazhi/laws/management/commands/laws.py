"""`fazhi laws import PATH… [--limit N] [--only-hrss]` and `fazhi laws reindex`."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.laws.changes import corpus_changed
from fazhi.laws.models import LegalDocument
from fazhi.laws.services import corpus_import_all, search_reindex, sources_under
from fazhi.laws.services.importing import CREATED, SKIPPED, UNCHANGED, UPDATED

LABELS = {CREATED: "新导入", UPDATED: "已更新", UNCHANGED: "未变化（跳过）", SKIPPED: "无法导入"}


class Command(BaseCommand):
    help = "法律法规库：导入（import）与重建检索索引（reindex）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="导入 laws/ 与 policies/ 数据目录（可重复运行）")
        imp.add_argument("paths", nargs="+", help="共享数据目录，或其中的 laws / policies 目录")
        imp.add_argument("--limit", type=int, default=None, help="每个目录最多导入 N 个文件")
        imp.add_argument("--only-hrss", action="store_true", help="只导入人社与行政程序核心法规")
        sub.add_parser("reindex", help="按当前词典重建全部条文的检索索引")

    def handle(self, *args, **options):
        console = Console(file=self.stdout, highlight=False)
        if options["action"] == "reindex":
            return self._reindex(console)
        return self._import(console, options)

    def _import(self, console: Console, options) -> None:
        try:
            sources, problems = sources_under(
                [Path(raw).expanduser().resolve() for raw in options["paths"]],
                only_hrss=options["only_hrss"],
                limit=options["limit"],
            )
        except Refused as exc:
            raise CommandError(exc.message, returncode=1) from None
        for problem in problems:
            console.print(f"[yellow]提示[/]：{problem}")
        if not sources:
            raise CommandError("没有找到可导入的文件（需要 manifest.csv）", returncode=1)

        started = time.monotonic()
        with _progress(console) as progress:
            task = progress.add_task("导入法规", total=len(sources))
            summary = corpus_import_all(
                sources=sources,
                actor=SYSTEM,
                on_file=lambda source, outcome: progress.advance(task),
            )
        self._report(console, summary, time.monotonic() - started)
        if summary.changed:
            # An amended or repealed article must reach the power items citing it (权责清单 复核).
            flagged = corpus_changed(actor=SYSTEM)
            if flagged:
                codes = "、".join(item.code for item in flagged)
                console.print(f"[yellow]依据已修改或废止、已标记待复核的权责事项[/]：{codes}")

    def _report(self, console: Console, summary, seconds: float) -> None:
        table = Table(title="导入结果")
        table.add_column("结果")
        table.add_column("文件数", justify="right")
        for key, label in LABELS.items():
            table.add_row(label, str(summary.counts[key]))
        table.add_row("版本与关系更新", str(summary.linked))
        table.add_row("库中条文总数", str(summary.articles))
        console.print(table)
        if summary.skipped:
            skipped = Table(title="跳过的文件及原因")
            skipped.add_column("文件")
            skipped.add_column("原因")
            for path, reason in summary.skipped:
                skipped.add_row(path, reason)
            console.print(skipped)
        console.print(f"用时 {seconds:.1f} 秒")

    def _reindex(self, console: Console) -> None:
        started = time.monotonic()
        with _progress(console) as progress:
            task = progress.add_task("重建索引", total=LegalDocument.objects.count())
            total = search_reindex(actor=SYSTEM, on_document=lambda d: progress.advance(task))
        console.print(f"已重建 {total} 条条文的索引，用时 {time.monotonic() - started:.1f} 秒")


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
