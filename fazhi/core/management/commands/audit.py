"""`fazhi audit verify`: re-hash the audit chain and name the first broken link (exit 1)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.services.audit import verify_chain


class Command(BaseCommand):
    help = "审计链操作：verify 校验整条哈希链"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"], help="verify：逐条重算哈希并校验")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        checked, broken = verify_chain()
        if options["json"]:
            result = {"checked": checked, "intact": broken is None}
            if broken:
                result |= {"first_broken_seq": broken.seq, "reason": broken.reason}
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        elif broken is None:
            self.stdout.write(self.style.SUCCESS(f"审计链完整：共校验 {checked} 个事件。"))
        if broken is not None:
            raise CommandError(
                f"审计链在序号 {broken.seq} 处断裂：{broken.reason}（已校验 {checked} 个事件）",
                returncode=1,
            )
