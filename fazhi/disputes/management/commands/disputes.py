"""`fazhi disputes figures --year YYYY [--by unit|power_item] [--json]`: the year's counts and
the feedback rates (纠错率, 败诉率, 负责人出庭率) from the registers."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from fazhi.disputes import selectors


class _Everyone:
    """The command runs on the server: it reads the whole bureau's registers."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None


class Command(BaseCommand):
    help = "行政复议与应诉：figures 输出年度案件数与纠错率、败诉率、负责人出庭率"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["figures"], help="figures：年度数字与比率")
        parser.add_argument("--year", type=int, required=True, help="统计年度")
        parser.add_argument("--by", choices=["unit", "power_item"], default="unit")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        year = options["year"]
        if not 1990 <= year <= 2100:
            raise CommandError(f"年度“{year}”不合法", returncode=2)
        counts = selectors.year_counts(year=year)
        rows, total = selectors.feedback_figures(user=_Everyone(), year=year, by=options["by"])

        def item(f) -> dict:
            return {
                "key": f.key,
                "reconsiderations": f.reconsiderations,
                "decided": f.decided,
                "corrected": f.corrected,
                "correction_rate": f.correction_rate.value,
                "suits": f.suits,
                "judged": f.judged,
                "lost": f.lost,
                "loss_rate": f.loss_rate.value,
                "heard": f.heard,
                "head_appeared": f.head_appeared,
                "appearance_rate": f.appearance_rate.value,
            }

        if options["json"]:
            result = {
                "year": year,
                "counts": counts,
                "rows": [item(f) for f in rows],
                "total": item(total),
            }
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        console = Console(file=self.stdout, width=110)
        console.print(
            f"{year}年：收到复议申请 {counts['reconsideration_received']} 件，受理 "
            f"{counts['reconsideration_accepted']} 件；办理行政应诉案件 {counts['litigation_handled']} 件。"
        )
        table = Table(title="纠错与败诉")
        for column in (
            "单位" if options["by"] == "unit" else "权力事项",
            "复议",
            "纠错率",
            "应诉",
            "败诉率",
            "负责人出庭率",
        ):
            table.add_column(column)
        for f in [*rows, total]:
            table.add_row(
                f.key,
                str(f.reconsiderations),
                f.correction_rate.percent,
                str(f.suits),
                f.loss_rate.percent,
                f.appearance_rate.percent,
            )
        console.print(table)
