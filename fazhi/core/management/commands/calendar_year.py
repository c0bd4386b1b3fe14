"""`fazhi calendar_year list` / `fazhi calendar_year declare YEAR --source 通知`."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.permissions import SYSTEM
from fazhi.core.selectors.calendar import calendar_years_known
from fazhi.core.services.calendar import HolidayDataError, calendar_year_declare


class Command(BaseCommand):
    help = "查看可计算期限的年度；确认某年度放假安排已完整录入"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["list", "declare"], help="list 查看；declare 确认")
        parser.add_argument("year", nargs="?", type=int, help="年份（declare 时必填）")
        parser.add_argument("--source", default="", help="依据：国务院办公厅放假通知的名称或文号")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        if options["action"] == "declare":
            if options["year"] is None:
                raise CommandError(
                    "请指定年份，例如：fazhi calendar_year declare 2027 --source …", returncode=2
                )
            try:
                row = calendar_year_declare(
                    year=options["year"], source=options["source"], actor=SYSTEM
                )
            except HolidayDataError as exc:
                raise CommandError(str(exc), returncode=1) from None
            if options["json"]:
                moved = [m.as_dict() for m in row.moved_deadlines]
                self.stdout.write(
                    json.dumps(
                        {"years": calendar_years_known(), "moved_deadlines": moved},
                        ensure_ascii=False,
                    )
                )
                return
            if row.moved_deadlines:
                self.stdout.write(f"暂定期限重新计算：{len(row.moved_deadlines)}个发生变化：")
                for moved in row.moved_deadlines:
                    self.stdout.write(f"  {moved.line()}")
        rows = calendar_years_known()
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        for row in rows:
            if row.get("provisional"):
                self.stdout.write(f"{row['year']}年：{row['source']}")
                continue
            origin = "chinesecalendar 数据包" if row["from_package"] else ""
            if row["declared"]:
                origin = (
                    f"{origin}；人工确认：{row['source']}"
                    if origin
                    else f"人工确认：{row['source']}"
                )
            self.stdout.write(f"{row['year']}年：{origin}")
