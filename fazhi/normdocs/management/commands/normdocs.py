"""`fazhi normdocs ledger [--xlsx PATH] [--year YYYY] [--json]`: the 台账 as a summary or a file.

`fazhi normdocs expire [--on YYYY-MM-DD] [--json]`: the daily job registering 有效期届满 of every
document whose term has ended (run it from cron once a day).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from fazhi.normdocs import selectors, services
from fazhi.normdocs.export import write_ledger


class _Everyone:
    """The command runs on the server: it reads the whole bureau's ledger."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None


class Command(BaseCommand):
    help = (
        "规范性文件：ledger 输出台账统计，加 --xlsx PATH 导出 Excel 台账；"
        "expire 登记有效期已届满的文件（每日运行一次）"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "action", choices=["ledger", "expire"], help="ledger：台账；expire：登记有效期届满"
        )
        parser.add_argument("--on", help="expire：以该日期为今天（YYYY-MM-DD），默认今天")
        parser.add_argument("--xlsx", metavar="PATH", help="导出 Excel 台账到该路径")
        parser.add_argument("--year", type=int, help="只统计该年度（编号年度或起草年度）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        if options["action"] == "expire":
            return self._expire(options)
        viewer = _Everyone()
        year = options["year"]
        if year is not None and not 1990 <= year <= 2100:
            raise CommandError(f"年度“{year}”不合法", returncode=2)
        summary = selectors.ledger_summary(user=viewer, year=year)
        result = {"year": year, **summary.__dict__}
        if options["xlsx"]:
            path = Path(options["xlsx"])
            if not path.parent.is_dir():
                raise CommandError(f"目录不存在：{path.parent}", returncode=2)
            documents = selectors.document_list(user=viewer, year=year)
            result["rows"] = write_ledger(path, documents, today=timezone.localdate())
            result["xlsx"] = str(path)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        console = Console(file=self.stdout, width=100)
        table = Table(title=f"规范性文件台账{f'（{year}年）' if year else ''}")
        table.add_column("阶段")
        table.add_column("件数", justify="right")
        for label, count in summary.by_stage.items():
            if count:
                table.add_row(label, str(count))
        console.print(table)
        pending = (
            f"（其中 {summary.term_ended} 件有效期已届满，待登记：运行 fazhi normdocs expire）"
            if summary.term_ended
            else ""
        )
        console.print(
            f"现行有效 {summary.in_force} 件{pending}；"
            f"清理中宣布失效、废止 {summary.ended_by_cleanup} 件"
            f"（废止 {summary.repealed}，宣布失效 {summary.invalidated}）。"
        )
        if options["xlsx"]:
            console.print(f"已导出 {result['rows']} 件到 {result['xlsx']}")

    def _expire(self, options) -> None:
        try:
            on = date.fromisoformat(options["on"]) if options["on"] else None
        except ValueError:
            raise CommandError(
                f"日期“{options['on']}”不合法，应为 YYYY-MM-DD", returncode=2
            ) from None
        ended = services.documents_expire_due(on=on)
        if options["json"]:
            rows = [
                {"id": d.pk, "number": d.doc_number, "title": d.title, "ended_on": d.ended_on}
                for d in ended
            ]
            self.stdout.write(json.dumps({"expired": rows}, ensure_ascii=False, default=str))
            return
        for document in ended:
            self.stdout.write(f"{document}：自{document.ended_on:%Y年%m月%d日}起失效")
        self.stdout.write(f"登记有效期届满 {len(ended)} 件。")
