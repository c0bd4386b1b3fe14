"""`fazhi services compare 2018 2019 [--json]`: the reductions between two catalogue versions."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from fazhi.govservices.selectors import catalogue_comparison


class Command(BaseCommand):
    help = "政务服务事项目录：比较两个年度版本（事项、材料、承诺时限的压减比例）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        compare = sub.add_parser("compare", help="比较两个年度的事项目录")
        compare.add_argument("from_year", type=int)
        compare.add_argument("to_year", type=int)
        compare.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, **options):
        try:
            result = catalogue_comparison(
                from_year=options["from_year"], to_year=options["to_year"]
            )
        except Http404 as exc:
            self.stderr.write(str(exc))
            raise SystemExit(1) from exc
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        a, b = options["from_year"], options["to_year"]
        self.stdout.write(f"政务服务事项目录 {a} → {b}")
        for r in result.reductions:
            pct = "—" if r.percent is None else f"{r.percent}%"
            self.stdout.write(f"  {r.label}：{r.old} → {r.new}，减少 {pct}（精确值 {r.exact}%）")
        for title, rows in (
            ("取消的事项", [f"{i.code} {i.name}" for i in result.removed]),
            ("合并的事项", [f"{i.code} {i.name} → 并入 {into}" for i, into in result.merged]),
            ("新增的事项", [f"{i.code} {i.name}" for i in result.added]),
        ):
            self.stdout.write(f"{title}（{len(rows)}项）")
            for row in rows:
                self.stdout.write(f"  {row}")
        if result.old.items == 0:
            raise CommandError("起始年度目录没有事项")
        self.stdout.write("计算方法：减少比例 =（旧值 − 新值）÷ 旧值 × 100%，四舍五入到整数。")
