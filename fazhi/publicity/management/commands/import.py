"""`fazhi import shuanggongshi-receipt FILE [--batch ID] [--json]`: the receiving side's receipt.

CSV (UTF-8 or GBK) with the columns 数据编号 (or 文书号), 状态 (接收成功 / 接收失败), 原因.
Exit 0 when every line was applied, 1 when some lines were bad (they are listed) or nothing
could be applied, 2 on bad usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.publicity.models import ExportBatch
from fazhi.publicity.services.exchange import receipt_import


class Command(BaseCommand):
    help = "导入：shuanggongshi-receipt 导入信用中国（双公示）接收回执"

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["shuanggongshi-receipt"])
        parser.add_argument("file", help="回执 CSV 文件")
        parser.add_argument("--batch", type=int, help="批次号（默认：最近一个待回执批次）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}", returncode=2)
        batch = None
        if options["batch"] is not None:
            batch = ExportBatch.objects.filter(pk=options["batch"]).first()
            if batch is None:
                raise CommandError(f"批次 {options['batch']} 不存在", returncode=2)
        try:
            result = receipt_import(
                raw=path.read_bytes(), file_name=path.name, actor=SYSTEM, batch=batch
            )
        except Refused as exc:
            raise CommandError(str(exc), returncode=1) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(
                f"批次 {result.batch.pk}：接收成功 {result.accepted} 条，接收失败 "
                f"{result.rejected} 条，批次状态：{result.batch.get_status_display()}"
            )
            for line, reason in result.bad_lines:
                self.stdout.write(f"  第{line}行：{reason}")
        if result.bad_lines:
            sys.exit(1)
