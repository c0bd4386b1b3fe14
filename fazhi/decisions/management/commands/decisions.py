"""`fazhi decisions register [--json]`: every decision with its stage, the procedures still open
and the dates that bind the bureau. `fazhi decisions reminders [--days 60] [--json]`: measures
issued under a 公平竞争审查 exception whose term ends within the window (第十二条), and drafts from
above whose reply is due. Read-only: nothing is written."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from fazhi.decisions.models import Decision
from fazhi.decisions.selectors import decision_row, exceptions_ending
from fazhi.legislation.models import DraftFromAbove


class Command(BaseCommand):
    help = "重大行政决策：register 台账；reminders 例外期限和上级草案反馈期限提醒"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["register", "reminders"])
        parser.add_argument("--days", type=int, default=60, help="提醒窗口（日）")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, action, days, json: bool = False, **options):
        today = timezone.localdate()
        if action == "register":
            rows = [decision_row(d, today) for d in Decision.objects.select_related("org_unit")]
        else:
            rows = [
                {"kind": "公平竞争审查例外期限", "title": r.title, "due": r.term_end}
                for r in exceptions_ending(today, days)
            ] + [
                {"kind": "上级草案反馈期限", "title": d.title, "due": d.due_on}
                for d in DraftFromAbove.objects.filter(sent_on__isnull=True).order_by("due_on")
            ]
        if json:
            self.stdout.write(_dumps(rows))
            return
        for row in rows:
            if action == "register":
                open_gates = "、".join(g["label"] for g in row["gates"] if not g["done"]) or "无"
                self.stdout.write(f"{row['title']}\t{row['stage_label']}\t未完成程序：{open_gates}")
            else:
                self.stdout.write(f"{row['kind']}\t{row['title']}\t{row['due']:%Y-%m-%d}")


def _dumps(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, default=str, indent=2)
