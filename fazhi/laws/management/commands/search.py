"""`fazhi search "QUERY" [--in-force-on DATE] [--kind KIND] [--limit N] [--json]`."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from fazhi.laws.search import SearchError, SearchFilters, search
from fazhi.laws.search import query as q
from fazhi.laws.search.types import MAX_PAGE_SIZE


class Command(BaseCommand):
    help = "检索法律法规与政策，按条文返回最相关的结果"

    def add_arguments(self, parser):
        parser.add_argument(
            "query",
            help="检索词，如“用人单位不签劳动合同要付双倍工资吗”或文号；"
            "`fazhi search train` 训练检索模型（已知问题与法律用语）",
        )
        parser.add_argument(
            "--in-force-on", default="", help="只看在该日期有效的文本（YYYY-MM-DD）"
        )
        parser.add_argument("--kind", default="", help="文件类别，如 法律、行政法规、规范性文件")
        parser.add_argument("--limit", type=int, default=10, help=f"结果条数（1–{MAX_PAGE_SIZE}）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")
        parser.add_argument(
            "--folds", type=int, default=5, help="`fazhi search train`：交叉验证折数"
        )
        parser.add_argument(
            "--no-cv",
            action="store_true",
            help="`fazhi search train`：不做完整交叉验证（只留出一折校准阈值；指标见 make bench）",
        )
        parser.add_argument(
            "--no-save", action="store_true", help="`fazhi search train`：只评估，不写模型文件"
        )

    def handle(self, *args, **options):
        if options["query"] == "train":
            return self._train(options)
        try:
            as_of = q.parse_date(options["in_force_on"], "有效日期")
            filters = SearchFilters(kind=q.parse_kind(options["kind"]))
            page = search(
                options["query"], filters=filters, as_of=as_of, page_size=options["limit"]
            )
        except SearchError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        if options["json"]:
            body = {
                "query": page.query,
                "terms": page.terms,
                "total": page.total,
                "as_of": page.as_of.isoformat(),
                "hits": [{**vars(h), "status": h.status.value} for h in page.hits],
            }
            self.stdout.write(json.dumps(body, ensure_ascii=False, default=str, indent=2))
            return
        console = Console(file=self.stdout, highlight=False, width=140)
        table = Table(title=f"“{page.query}” 共 {page.total} 条（按 {page.as_of} 的效力判断）")
        for column in ("#", "文件", "条文", "效力", "摘要"):
            table.add_column(column)
        for rank, hit in enumerate(page.hits, 1):
            status = hit.status.value if hit.is_current else f"[red]{hit.status.value}[/]"
            table.add_row(
                str(rank), hit.document_title, hit.article_label, status, _plain(hit.snippet)
            )
        console.print(table)

    def _train(self, options):
        """`fazhi search train`: the learned model from the training questions (search/training.py)."""
        from django.conf import settings

        from fazhi.laws.search import training

        data = Path(settings.FAZHI["SHARED_DATA_DIR"])
        if not (data / training.learned.TRAINING_DATA).exists():
            raise CommandError(
                f"找不到训练数据：{data / training.learned.TRAINING_DATA}", returncode=1
            )
        training.run(
            data,
            k=options["folds"],
            log=lambda line: self.stdout.write(line),
            save=not options["no_save"],
            cross_validate=not options["no_cv"],
        )


def _plain(snippet: str) -> str:
    # Terminal rendering: <mark> becomes bold, the rest is unescaped text.
    escaped = snippet.replace("[", "\\[")
    return html.unescape(
        re.sub(r"</?mark>", lambda m: "[/b]" if "/" in m.group() else "[b]", escaped)
    )
