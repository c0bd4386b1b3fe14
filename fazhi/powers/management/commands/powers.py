"""`fazhi powers flag-review [--on YYYY-MM-DD] [--json]` and `fazhi powers usage --year YYYY`.

flag-review marks the items whose legal basis was amended or repealed (`fazhi laws import` runs
it itself whenever the import changed the corpus); usage prints the cases filed per item in a year with the 零执法 items.
Exit codes: 0 done, 1 refused, 2 bad usage.
"""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.powers import selectors
from fazhi.powers.domain.usage import is_zero_enforcement, usage_label
from fazhi.powers.services import power_items_flag_changed_law


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期“{value}”格式不正确，请用 YYYY-MM-DD", returncode=2) from None


class Command(BaseCommand):
    help = "权责清单：flag-review 标记依据已修改或废止的事项；usage 输出年度执法量与零执法事项"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        flag = sub.add_parser("flag-review", help="标记依据已修改或废止、需要复核的事项")
        flag.add_argument("--on", default="", help="按该日判断法规效力，默认今天")
        flag.add_argument("--json", action="store_true", help="以 JSON 输出")
        usage = sub.add_parser("usage", help="年度各事项立案数（零执法事项）")
        usage.add_argument("--year", type=int, required=True)
        usage.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        if options["action"] == "usage":
            return self._usage(options)
        on = _day(options["on"]) if options["on"] else None
        try:
            flagged = power_items_flag_changed_law(actor=SYSTEM, on=on)
        except Refused as exc:
            raise CommandError(str(exc), returncode=1) from None
        rows = [
            {"code": i.code, "name": i.name, "reasons": i.review_reason.splitlines()}
            for i in flagged
        ]
        if options["json"]:
            self.stdout.write(json.dumps({"flagged": rows}, ensure_ascii=False))
            return
        console = Console(file=self.stdout, width=120, highlight=False)
        console.print(f"新标记待复核事项 {len(rows)} 项。")
        if rows:
            table = Table()
            for column in ("编码", "事项名称", "原因"):
                table.add_column(column)
            for row in rows:
                table.add_row(row["code"], row["name"], "\n".join(row["reasons"]))
            console.print(table)

    def _usage(self, options):
        year = options["year"]
        if not 1990 <= year <= 2100:
            raise CommandError(f"年度“{year}”不合法", returncode=2)
        counts = selectors.power_item_usage(year=year)
        items = selectors.power_item_public_list(filters=selectors.ItemFilters(status="active"))
        rows = [
            {
                "code": i.code,
                "name": i.name,
                "kind": i.kind,
                "count": counts.get(i.pk, 0),
                "zero_enforcement": is_zero_enforcement(counts.get(i.pk, 0), is_active=i.is_active),
            }
            for i in items
        ]
        if options["json"]:
            self.stdout.write(json.dumps({"year": year, "items": rows}, ensure_ascii=False))
            return
        console = Console(file=self.stdout, width=120, highlight=False)
        zero = sum(r["zero_enforcement"] for r in rows)
        console.print(f"{year}年：有效事项 {len(rows)} 项，其中零执法 {zero} 项。")
        table = Table()
        for column in ("编码", "事项名称", "立案数"):
            table.add_column(column)
        for row in rows:
            table.add_row(row["code"], row["name"], usage_label(row["count"], is_active=True))
        console.print(table)
