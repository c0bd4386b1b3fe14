"""`fazhi enforcement cases [--status S] [--overdue] [--year Y] [--json]` lists cases;
`fazhi enforcement export CASE_REF --out FILE.zip [--user NAME]` writes the case-file archive
(check it with `fazhi enforcement verify FILE.zip [--json]`: against the hashes the database
and the audit chain recorded, not the manifest inside the zip);
`fazhi enforcement stats --year YYYY [--json]` prints the year's statistics (whole bureau).

Exit codes: 0 success, 1 a rule says no (e.g. an evidence file no longer matches its hash),
2 bad usage (unknown case, bad option).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from fazhi.core.domain.errors import Refused
from fazhi.enforcement import selectors
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.selectors_stats import yearly_statistics
from fazhi.enforcement.services.cases_archive import case_archive_verify, case_export


class _Everyone:
    """The command runs on the server: it reads the whole bureau's cases."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None


class Command(BaseCommand):
    help = (
        "行政执法案件：cases 列出案件；export 导出整卷压缩包；verify 核验案卷；stats 年度执法统计"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        cases = sub.add_parser("cases", help="列出案件")
        cases.add_argument("--status", default="", help="状态（如 filed、decided；open 为办理中）")
        cases.add_argument("--overdue", action="store_true", help="只列有逾期期限的案件")
        cases.add_argument("--year", type=int, default=None, help="收案年度")
        cases.add_argument("--limit", type=int, default=200)
        cases.add_argument("--json", action="store_true", help="以 JSON 输出")
        export = sub.add_parser("export", help="导出整卷（卷内记录、文书、证据、哈希清单）")
        export.add_argument("reference", help="案件编号")
        export.add_argument("--out", required=True, help="输出的 zip 文件")
        export.add_argument(
            "--user", default="", help="经手人用户名（须有导出案卷的权限；记入证据保管记录）"
        )
        verify = sub.add_parser("verify", help="核验导出的案卷压缩包（以系统登记的哈希为准）")
        verify.add_argument("archive", help="案卷 zip 文件")
        verify.add_argument("--json", action="store_true", help="以 JSON 输出")
        stats = sub.add_parser("stats", help="年度执法统计（按职权类别、来源、处理结果、权责事项）")
        stats.add_argument("--year", type=int, required=True, help="收案年度")
        stats.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        if options["action"] == "cases":
            self._cases(options)
        elif options["action"] == "stats":
            self._stats(options)
        elif options["action"] == "verify":
            self._verify(options)
        else:
            self._export(options)

    def _cases(self, options) -> None:
        status = options["status"]
        if status and status != "open" and status not in {s.value for s in flow.Status}:
            raise CommandError(f"未知状态：{status}", returncode=2)
        qs = selectors.case_list(
            user=_Everyone(),
            status=status,
            overdue=options["overdue"],
            year=options["year"],
            today=timezone.localdate(),
        )[: options["limit"]]
        rows = [
            {
                "reference": c.reference,
                "status": c.status,
                "status_label": c.status_label,
                "source": c.source,
                "party_name": c.party_name,
                "cause": c.cause,
                "org_unit": c.org_unit.name,
                "power_item": c.power_item.code,
                "received_on": c.received_on.isoformat(),
                "decision_number": c.decision_number,
                "fine": str(c.fine) if c.fine is not None else None,
            }
            for c in qs
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        table = Table(title=f"执法案件（{len(rows)} 件）")
        for column in ("案件编号", "状态", "当事人", "案由", "单位", "决定书文号"):
            table.add_column(column)
        for r in rows:
            table.add_row(
                r["reference"],
                r["status_label"],
                r["party_name"],
                r["cause"],
                r["org_unit"],
                r["decision_number"] or "—",
            )
        Console(file=self.stdout, width=140).print(table)

    def _stats(self, options) -> None:
        if not 1900 <= options["year"] <= 2999:
            raise CommandError(f"年度不正确：{options['year']}", returncode=2)
        stats = yearly_statistics(year=options["year"])
        if options["json"]:
            self.stdout.write(json.dumps(stats, ensure_ascii=False))
            return
        console = Console(file=self.stdout, width=140)
        console.print(f"{stats['year']}年行政执法统计：共收案 {stats['total']} 件（按收到日期计）")
        for title, key in (
            ("职权类别", "by_kind"),
            ("案件来源", "by_source"),
            ("处理结果", "by_outcome"),
        ):
            table = Table(title=f"按{title}")
            table.add_column(title)
            table.add_column("件数", justify="right")
            for row in stats[key]:
                table.add_row(row["label"], str(row["count"]))
            console.print(table)
        table = Table(title="按权责事项")
        for column in ("事项编码", "事项名称", "件数"):
            table.add_column(column, justify="right" if column == "件数" else "left")
        for row in stats["by_power_item"]:
            table.add_row(row["code"], row["name"], str(row["count"]))
        console.print(table)

    def _verify(self, options) -> None:
        path = Path(options["archive"])
        if not path.is_file():
            raise CommandError(f"文件不存在：{path}", returncode=2)
        try:
            report = case_archive_verify(source=path)
        except zipfile.BadZipFile:
            raise CommandError(f"不是 zip 文件：{path}", returncode=2) from None
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        elif report["ok"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"案卷完整：{report['case']}，{report['checked']} 个文件与系统记录一致"
                )
            )
        else:
            self.stdout.write(f"案卷不完整：{report['case']}")
            for problem in report["problems"]:
                self.stdout.write(f"  {problem}")
        if not report["ok"]:
            raise CommandError("案卷核验未通过", returncode=1)

    def _export(self, options) -> None:
        case = selectors.case_by_reference(options["reference"])
        if case is None:
            raise CommandError(f"案件不存在：{options['reference']}", returncode=2)
        actor = None
        if options["user"]:
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"用户不存在：{options['user']}", returncode=2)
        path = Path(options["out"])
        try:
            with path.open("wb") as out:
                manifest = case_export(case=case, actor=actor, out=out)
        except (Refused, PermissionDenied) as exc:
            path.unlink(missing_ok=True)
            raise CommandError(f"已拒绝：{exc}", returncode=1) from exc
        self.stdout.write(
            self.style.SUCCESS(f"已导出 {case.reference}：{len(manifest['files'])} 个文件 → {path}")
        )
        self.stdout.write(f"  案卷清单摘要：{manifest['case_file_sha256']}")
