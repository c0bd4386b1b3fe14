"""`fazhi officers import FILE.csv | stats [--year Y] [--json] | check NUMBER [--on D] [--json]`.

Exit codes: 0 success; 1 a rule says no (bad rows in the import, an unknown or unusable card);
2 bad usage.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from fazhi.accounts.models import User
from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.officers import selectors
from fazhi.officers.services.importing import officers_import


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期“{value}”格式不正确（YYYY-MM-DD）", returncode=2) from None


class Command(BaseCommand):
    help = "执法人员与执法证：import 导入 CSV；stats 年度持证率与换证数；check 查验执法证号"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="导入执法人员与执法证（CSV，UTF-8 或 GBK）")
        imp.add_argument("file")
        imp.add_argument("--actor", default="", help="记入审计日志的账号（默认：系统）")
        imp.add_argument("--json", action="store_true")
        stats = sub.add_parser("stats", help="年度持证率、换证数、年审、培训与考试")
        stats.add_argument("--year", type=int, default=None)
        stats.add_argument("--json", action="store_true")
        check = sub.add_parser("check", help="查验执法证号")
        check.add_argument("number")
        check.add_argument("--on", default="", help="查验日期（默认今天）")
        check.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        self.console = Console(file=self.stdout, width=110)
        getattr(self, f"_{options['action']}")(options)

    def _print_json(self, value) -> None:
        self.stdout.write(json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder))

    def _import(self, options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"文件不存在：{path}", returncode=2)
        actor = SYSTEM
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(f"账号“{options['actor']}”不存在", returncode=2)
        try:
            result = officers_import(
                data=path.read_bytes(), actor=actor, today=timezone.localdate(), name=path.name
            )
        except Refused as exc:
            raise CommandError(exc.message, returncode=1) from None
        except PermissionDenied as exc:
            raise CommandError(str(exc), returncode=1) from None
        if options["json"]:
            self._print_json(
                {
                    "created": result.created,
                    "skipped": result.skipped,
                    "officers_created": result.officers_created,
                    "errors": [{"line": n, "reason": r} for n, r in result.errors],
                }
            )
        else:
            self.console.print(
                f"导入执法证 {result.created} 个（新建执法人员 {result.officers_created} 名），"
                f"已存在跳过 {result.skipped} 个，错误 {len(result.errors)} 行。"
            )
            for line, reason in result.errors:
                self.console.print(f"第 {line} 行：{reason}", markup=False)
        if result.errors:
            raise CommandError(f"{len(result.errors)} 行未导入", returncode=1)

    def _stats(self, options) -> None:
        year = options["year"] or timezone.localdate().year
        if not 1990 <= year <= 2100:
            raise CommandError(f"年度“{year}”不合法", returncode=2)
        stats = selectors.certification_stats(year=year)
        if options["json"]:
            self._print_json(stats)
            return
        table = Table(title=f"{year}年执法人员与执法证（截至{stats['as_of']:%Y-%m-%d}）")
        table.add_column("项目")
        table.add_column("数值", justify="right")
        for label, value in (
            ("执法岗位人数", stats["officers"]),
            ("持有效执法证", stats["certified"]),
            ("持证率", stats["rate_percent"]),
            ("换证", stats["renewals"]),
            ("发证（含换证）", stats["issued"]),
            ("年审（合格）", f"{stats['reviews']}（{stats['reviews_passed']}）"),
            ("培训总学时", stats["training_hours_total"]),
            ("人均学时", stats["training_hours_average"]),
            (f"学时不足{stats['min_training_hours']}的人数", stats["training_short"]),
            ("考试（合格）", f"{stats['exams']}（{stats['exams_passed']}）"),
        ):
            table.add_row(label, str(value))
        self.console.print(table)

    def _check(self, options) -> None:
        on = _day(options["on"]) if options["on"] else timezone.localdate()
        found = selectors.certificate_public(number=options["number"], today=on)
        if options["json"]:
            self._print_json(found or {"number": options["number"], "found": False})
        elif found is None:
            self.console.print(f"未找到执法证号 {options['number']}", markup=False)
        else:
            state = "可以使用" if found["usable"] else f"不能使用（{found['reason']}）"
            self.console.print(
                f"{found['number']} {found['name']} {found['org_unit']} 执法区域：{found['area']} "
                f"状态：{found['status_label']} 有效期：{found['issued_on']:%Y-%m-%d} 至 "
                f"{found['expires_on']:%Y-%m-%d}；{on:%Y-%m-%d} {state}",
                markup=False,
            )
        if found is None or not found["usable"]:
            raise CommandError("执法证不存在或不能使用", returncode=1)
