"""`fazhi export shuanggongshi --kind license|penalty [--since DATE] --format csv|xlsx|json
--out FILE [--validate-only] [--skip-invalid] [--json]`: the 双公示 file for 信用中国.

The pre-flight report is printed first (and written to FILE.preflight.csv). Exit 0: written (or,
with --validate-only, every record passes); 1: invalid records, nothing written (or, with
--skip-invalid, the valid rows written and the rest listed); 2: bad usage.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.publicity.domain.enums import KIND_LABELS, Kind
from fazhi.publicity.management.commands._common import parse_day
from fazhi.publicity.services.exchange import shuanggongshi_export


class Command(BaseCommand):
    help = "导出：shuanggongshi 导出双公示（行政许可、行政处罚）数据文件，含导出前校验报告"

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["shuanggongshi"], help="shuanggongshi：双公示数据")
        parser.add_argument("--kind", choices=["license", "penalty"], required=True)
        parser.add_argument("--since", help="增量起点 YYYY-MM-DD（默认：上一个已接收批次）")
        parser.add_argument("--format", choices=["csv", "xlsx", "json"], default="csv")
        parser.add_argument("--out", required=True, help="输出文件")
        parser.add_argument("--validate-only", action="store_true", help="只校验，不写文件")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="跳过未通过校验的记录，只导出合格记录（报告列出其余）",
        )
        parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    def handle(self, *args, **options):
        since = parse_day(options["since"], "--since")
        console = Console(file=self.stdout, width=120)
        bar = Progress(
            TextColumn("校验并导出"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
            disable=options["json"],
        )
        task = bar.add_task("export", total=None)
        try:
            with bar:
                result = shuanggongshi_export(
                    kind=options["kind"],
                    fmt=options["format"],
                    out=options["out"],
                    actor=SYSTEM,
                    since=since,
                    validate_only=options["validate_only"],
                    skip_invalid=options["skip_invalid"],
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
        except (Refused, OSError) as exc:
            raise CommandError(str(exc), returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
        else:
            self._human(console, result)
        if result.invalid:
            sys.exit(1)

    def _human(self, console, result) -> None:
        kind = KIND_LABELS[Kind(result.kind)]
        console.print(
            f"导出前校验（{kind}）：检查 {result.checked} 条，未通过 {result.invalid} 条。"
            f"报告：{result.report}"
        )
        for item in result.problems:
            console.print(
                f"  {item['record']} {item['document_number']}：" + "；".join(item["problems"])
            )
        if result.invalid > len(result.problems):
            console.print(f"  ……其余 {result.invalid - len(result.problems)} 条见报告文件")
        if result.validate_only:
            console.print("仅校验，未写文件。")
        elif result.refused:
            console.print(
                "[bold red]有记录未通过校验，未导出任何数据。[/] 修正后重试，或使用 --skip-invalid 只导出合格记录。"
            )
        else:
            console.print(
                f"已导出 {result.rows} 行（其中撤回 {result.withdrawals} 行）到 {result.out}，"
                f"批次 {result.batch.pk}，SHA-256 {result.sha256}"
            )
