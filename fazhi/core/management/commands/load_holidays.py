"""`fazhi load_holidays FILE...`: load holiday-cn JSON files, then recompute open deadlines.

Idempotent: loading the same file twice changes nothing the second time. Files are taken
older years first, so a later notice wins a day that two files list.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.permissions import SYSTEM
from fazhi.core.services.calendar import HolidayDataError, holidays_load_files
from fazhi.core.services.deadlines import deadlines_recompute


class Command(BaseCommand):
    help = "导入 holiday-cn 格式的放假安排 JSON 文件（可一次导入多个年度）"

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="如 2026.json 2027.json")
        parser.add_argument(
            "--no-recompute", action="store_true", help="导入后不重新计算进行中期限的届满日"
        )
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        try:
            summaries = holidays_load_files(paths=options["files"], actor=SYSTEM)
        except HolidayDataError as exc:
            raise CommandError(str(exc), returncode=1) from None
        changed = any(s.created or s.updated or s.declared for s in summaries)
        recomputed = 0
        if changed and not options["no_recompute"]:
            recomputed = deadlines_recompute(actor=SYSTEM)
        if options["json"]:
            result = {"files": [s.as_dict() for s in summaries], "recomputed": recomputed}
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        for s in summaries:
            if s.is_empty:
                self.stdout.write(
                    self.style.WARNING(
                        f"{s.path}：{s.year}年的放假安排尚未发布（文件为空），未确认该年度。"
                    )
                )
                continue
            line = (
                f"{s.path}：{s.year}年，新增{s.created}天，更新{s.updated}天，未变{s.unchanged}天"
            )
            if s.declared:
                line += f"；已确认{s.year}年放假安排完整录入"
            if s.other_year_days:
                line += f"；其中{len(s.other_year_days)}天属于相邻年度（{'、'.join(s.other_year_days)}）"
            self.stdout.write(line + "。")
            if s.moved:
                self.stdout.write(f"暂定期限重新计算：{len(s.moved)}个发生变化：")
                for moved in s.moved:
                    self.stdout.write(f"  {moved.line()}")
        if changed:
            self.stdout.write(f"已重新计算进行中期限：{recomputed}个届满日发生变化。")
        else:
            self.stdout.write("没有需要更新的日期。")
