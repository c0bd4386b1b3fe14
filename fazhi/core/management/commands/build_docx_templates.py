"""Write every shipped Word template from its layout (``fazhi.core.docx_kinds``); ``--check``
only reports the files that differ from what the layout gives."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.docx_kinds import KINDS, build, shipped_path


class Command(BaseCommand):
    help = "生成（或用 --check 核对）随平台发布的 Word 公文模板"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="只核对，不写文件")

    def handle(self, *args, check: bool = False, **options) -> None:
        stale = []
        for name in sorted(KINDS):
            path, content = shipped_path(name), build(name)
            if path.is_file() and path.read_bytes() == content:
                continue
            stale.append(name)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                self.stdout.write(f"已生成 {path}")
        if check and stale:
            raise CommandError("模板与版式代码不一致：" + "、".join(stale))
