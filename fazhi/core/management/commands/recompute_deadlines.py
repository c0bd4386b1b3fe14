"""`fazhi recompute_deadlines`: recompute open deadlines after holiday data changed."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from fazhi.core.permissions import SYSTEM
from fazhi.core.services.deadlines import deadlines_recompute


class Command(BaseCommand):
    help = "按当前放假安排重新计算所有进行中期限的届满日"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        changed = deadlines_recompute(actor=SYSTEM)
        if options["json"]:
            self.stdout.write(json.dumps({"changed": changed}))
        else:
            self.stdout.write(f"重新计算完成：{changed}个期限的届满日发生变化。")
