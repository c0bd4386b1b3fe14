"""`fazhi audit verify | anchor`.

* ``verify`` re-hashes the chain, checks every event's seal and that every signed anchor's
  head is in the chain at its position with its hash; names the first problem (exit 1).
* ``anchor`` appends a signed checkpoint of the current head to the anchor file (daily job).
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.services import anchors
from fazhi.core.services.audit import verify


class Command(BaseCommand):
    help = "审计链操作：verify 校验整条哈希链、事件签名和链头锚点；anchor 签署当前链头锚点"

    def add_arguments(self, parser):
        parser.add_argument(
            "action",
            choices=["verify", "anchor"],
            help="verify：逐条重算哈希并核对签名和锚点；anchor：把当前链头签名写入锚点文件",
        )
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        if options["action"] == "anchor":
            return self._anchor(options)
        result = verify()
        broken = result.broken
        if options["json"]:
            out = {
                "checked": result.checked,
                "anchors": result.anchors,
                "unsealed": result.unsealed,
                "intact": broken is None,
            }
            if broken:
                out |= {"first_broken_seq": broken.seq, "reason": broken.reason}
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        elif broken is None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"审计链完整：共校验 {result.checked} 个事件，核对 {result.anchors} 个锚点。"
                )
            )
            if result.unsealed:
                self.stdout.write(f"其中 {result.unsealed} 个早期事件写入时尚未签名。")
            if not result.anchors:
                self.stdout.write(
                    "尚无锚点：末尾事件被删除或整链重算无法发现，请运行 fazhi audit anchor。"
                )
        if broken is not None:
            raise CommandError(
                f"审计链在序号 {broken.seq} 处断裂：{broken.reason}（已校验 {result.checked} 个事件）",
                returncode=1,
            )

    def _anchor(self, options):
        try:
            anchor = anchors.anchor_head()
        except (anchors.AnchorError, OSError) as exc:
            raise CommandError(f"无法写入锚点：{exc}", returncode=1) from exc
        if anchor is None:
            self.stdout.write("审计链为空，无需锚定。")
            return
        if options["json"]:
            self.stdout.write(json.dumps({"seq": anchor.seq, "hash": anchor.hash}))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"已锚定链头：序号 {anchor.seq}，哈希 {anchor.hash[:16]}…（{anchors.anchor_path()}）"
                )
            )
