"""`fazhi publicity expire [--on DATE] [--json]`: end the publicity of every record whose period
(公示截止期) is over. Run it daily (cron); it is idempotent."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from fazhi.accounts.permissions import SYSTEM
from fazhi.publicity.management.commands._common import parse_day
from fazhi.publicity.services import publicity_expire


class Command(BaseCommand):
    help = "执法公示：expire 结束公示期已满的公示"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["expire"])
        parser.add_argument("--on", help="按此日期判断（默认今天）YYYY-MM-DD")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        on = parse_day(options["on"], "--on") or timezone.localdate()
        ended = publicity_expire(actor=SYSTEM, on=on)
        if options["json"]:
            self.stdout.write(json.dumps({"on": on.isoformat(), "ended": ended}))
        else:
            self.stdout.write(f"{on:%Y-%m-%d}：结束公示 {ended} 条。")
