"""`fazhi deadline RULE --from YYYY-MM-DD [--extended] [--json]` and `fazhi deadline --list`.

Exit codes: 0 computed, 1 refused (bad date, unknown rule, no calendar data), 2 bad usage.
"""

from __future__ import annotations

import io
import json
import shutil
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.time_limits import (
    RuleNotExtendable,
    UnknownRule,
    format_date,
    weekday_name,
)
from fazhi.core.selectors.deadlines import deadline_compute, effective_days, time_limit_rules


def parse_start(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"起算日“{value}”不是有效日期，请使用 YYYY-MM-DD 格式，例如 2025-09-30。",
            returncode=1,
        ) from None


class Command(BaseCommand):
    help = "计算法定期限的届满日；--list 列出期限规则表"

    def create_parser(self, prog_name, subcommand, **kwargs):
        self._parser = super().create_parser(prog_name, subcommand, **kwargs)
        return self._parser

    def add_arguments(self, parser):
        parser.add_argument(
            "rule", nargs="?", metavar="RULE_CODE", help="期限规则代码，如 penalty.payment"
        )
        parser.add_argument(
            "--from", dest="start", metavar="YYYY-MM-DD", help="起算日（当日不计入）"
        )
        parser.add_argument("--extended", action="store_true", help="按依法延长后的期限计算")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")
        parser.add_argument("--list", action="store_true", help="列出全部期限规则")

    def handle(self, *args, **options):
        if options["list"]:
            return self._list(as_json=options["json"])
        if not options["rule"] or not options["start"]:
            self._parser.error("需要期限规则代码和 --from 起算日，或使用 --list 查看规则表")
        start = parse_start(options["start"])
        try:
            result = deadline_compute(
                code=options["rule"], start=start, extended=options["extended"]
            )
        except (UnknownRule, RuleNotExtendable, CalendarDataMissing) as exc:
            raise CommandError(str(exc), returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return None
        rule = result.rule
        due = f"{format_date(result.due)}（{weekday_name(result.due)}）"
        if rule.before:
            sentence = (
                f"{rule.title}：以{format_date(start)}为基准向前推算{result.days}个"
                f"{rule.unit_label}，最迟为{due}。"
            )
        else:
            extended = "（含依法延长的期限）" if result.extended else ""
            sentence = (
                f"{rule.title}：自{format_date(start)}起算（当日不计入），{result.days}个"
                f"{rule.unit_label}{extended}，届满日为{due}。"
            )
        if result.provisional:
            sentence = sentence.rstrip("。") + "（暂定）。"
        self.stdout.write(sentence)
        self.stdout.write(f"依据：{rule.basis}")
        if result.provisional:
            self.stdout.write(
                "暂定：该期限跨入放假通知尚未发布的年度，仅按《全国年节及纪念日放假办法》"
                "规定的法定节日推算，调休以国务院办公厅通知为准，通知录入后重新计算。"
            )
        if not rule.verified:
            self.stdout.write("注意：该期限天数尚未与官方文本核实，可由管理员在配置中调整。")
        return None

    def _list(self, *, as_json: bool) -> None:
        rules = time_limit_rules()
        if as_json:
            rows = [
                {
                    "code": r.code,
                    "title": r.title,
                    "days": effective_days(r),
                    "unit": r.unit,
                    "extension_days": r.extension_days,
                    "basis": r.basis,
                    "valid_from": r.valid_from.isoformat(),
                    "valid_to": r.valid_to.isoformat() if r.valid_to else None,
                    "verified": r.verified,
                }
                for r in rules
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        table = Table(title="法定期限规则表", show_lines=False)
        for column in ("代码", "名称", "期限", "依据", "适用期间", "核实"):
            table.add_column(column, overflow="fold")
        for r in rules:
            span = f"{r.valid_from.isoformat()} 起" + (
                f"\n至 {r.valid_to.isoformat()}" if r.valid_to else ""
            )
            period = f"{effective_days(r)}个{r.unit_label}"
            if r.extension_days:
                period += f"\n可延长{r.extension_days}日"
            table.add_row(r.code, r.title, period, r.basis, span, "是" if r.verified else "待核实")
        buffer = io.StringIO()
        width = max(shutil.get_terminal_size((160, 24)).columns, 120)
        Console(file=buffer, width=width, force_terminal=False, color_system=None).print(table)
        self.stdout.write(buffer.getvalue().rstrip("\n"))
