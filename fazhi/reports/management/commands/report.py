"""`fazhi report figures --year 2019 [--json]`: every figure of the year's report, its value and
how many records are behind it (or which records are missing).

`fazhi report draft --year 2019 [--layout seed|default] --out FILE.docx [--annex]`: the report as a
公文 (.docx). The prose is the stored draft of that year and layout when 法规处 has one, else the
layout's generated text; the figures are computed from the records now (a frozen report keeps
its own). ``--annex`` also writes FILE.json and FILE.csv: every figure with its definition,
value and the ids of its records. Read-only: nothing is written to the database.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from fazhi.core.documents import agency_name
from fazhi.reports.documents import annex_csv, annex_json, report_docx
from fazhi.reports.domain.flow import Status
from fazhi.reports.domain.layouts import LAYOUTS, fill
from fazhi.reports.models import Report
from fazhi.reports.services import snapshot


class Command(BaseCommand):
    help = "年度法治政府建设报告：figures 列出各项数字及其来源记录；draft 生成 Word 文稿"

    def add_arguments(self, parser):
        parser.add_argument(
            "action", choices=["figures", "draft"], help="figures：数字；draft：文稿"
        )
        parser.add_argument("--year", type=int, required=True, help="报告年度")
        parser.add_argument(
            "--layout",
            choices=sorted(LAYOUTS),
            default="default",
            help="格式（默认：五项法定内容）",
        )
        parser.add_argument("--out", metavar="FILE.docx", help="draft：Word 文稿的保存路径")
        parser.add_argument("--annex", action="store_true", help="draft：同时输出 JSON 和 CSV 附件")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        year = options["year"]
        if not 2000 <= year <= timezone.localdate().year:
            raise CommandError(f"年度“{year}”不合法", returncode=2)
        stored = Report.objects.filter(year=year, layout=options["layout"]).first()
        if stored is not None and stored.status == Status.FROZEN:
            figures = stored.figures  # a frozen report keeps the figures it was signed with
        else:
            figures = self._figures(year, quiet=options["json"])
        if options["action"] == "figures":
            return self._print(figures, year, options["json"])
        if not options["out"]:
            raise CommandError("draft 需要 --out FILE.docx", returncode=2)
        out = Path(options["out"])
        if not out.parent.is_dir():
            raise CommandError(f"目录不存在：{out.parent}", returncode=2)
        spec, agency = LAYOUTS[options["layout"]], agency_name()
        if stored is not None:
            title, opening, sections = stored.title, stored.opening, stored.sections
        else:
            title = f"{agency}{year}年法治政府建设情况报告"
            opening = fill(spec.opening, year=year, agency=agency)
            sections = [
                {
                    "key": s.key,
                    "heading": fill(s.heading, year=year),
                    "paragraphs": [fill(p, year=year, agency=agency) for p in s.paragraphs],
                }
                for s in spec.sections
            ]
        out.write_bytes(
            report_docx(
                title=title,
                opening=opening,
                sections=sections,
                figures=figures,
                day=timezone.localdate(),
            )
        )
        written = [str(out)]
        if options["annex"]:
            sha = stored.content_sha256 if stored is not None else ""
            for suffix, text in (
                (
                    ".json",
                    annex_json(year=year, layout=options["layout"], figures=figures, sha256=sha),
                ),
                (".csv", annex_csv(figures=figures)),
            ):
                path = out.with_suffix(suffix)
                path.write_text(text, encoding="utf-8")
                written.append(str(path))
        missing = sorted(k for k, f in figures.items() if f["value"] is None)
        if options["json"]:
            self.stdout.write(
                json.dumps({"files": written, "missing": missing}, ensure_ascii=False)
            )
            return
        self.stdout.write(f"已生成：{'、'.join(written)}")
        if missing:
            self.stdout.write(
                f"{len(missing)} 项数字缺少记录，文稿中已注明“待补”：{'、'.join(missing)}"
            )

    def _figures(self, year: int, *, quiet: bool) -> dict:
        if quiet:
            return snapshot(year)
        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("统计各项数字", total=None)
            return snapshot(year, lambda done, total: bar.update(task, completed=done, total=total))

    def _print(self, figures: dict, year: int, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps({"year": year, "figures": figures}, ensure_ascii=False))
            return
        table = Table(title=f"{year}年度报告数字")
        for column in ("数字", "数值", "记录数", "统计口径"):
            table.add_column(column)
        for key in sorted(figures):
            f = figures[key]
            table.add_row(f["title"], f["display"], str(len(f["records"])), f["counts"])
        Console(file=self.stdout, width=160).print(table)
