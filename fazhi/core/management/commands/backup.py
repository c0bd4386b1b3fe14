"""`fazhi backup create PATH` and `fazhi backup restore PATH` (docs/ops/backup.md).

create writes the database, the evidence store and the audit anchors with a manifest of hashes;
restore checks the manifest, restores, then runs `fazhi audit verify` and `fazhi evidence verify`
against the restored copy and exits 1 unless both pass.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.services.backup import BackupError, backup_create, backup_restore


class Command(BaseCommand):
    help = "备份与恢复：create 备份数据库、证据库和审计锚点；restore 恢复后校验审计链和证据库"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="备份到一个新的（或空的）目录")
        create.add_argument("path")
        create.add_argument("--json", action="store_true")
        restore = sub.add_parser("restore", help="从备份目录恢复，并校验")
        restore.add_argument("path")
        restore.add_argument("--database-url", default=None, help="恢复到另一个数据库")
        restore.add_argument("--evidence-root", default=None, help="恢复到另一个证据目录")
        restore.add_argument("--anchor-dir", default=None, help="恢复到另一个锚点目录")
        restore.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        try:
            if options["action"] == "create":
                self._create(options)
            else:
                self._restore(options)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=1) from exc

    def _create(self, options):
        manifest = backup_create(Path(options["path"]))
        if options["json"]:
            self.stdout.write(json.dumps(manifest, ensure_ascii=False))
            return
        head = manifest["audit_head"] or {"seq": 0}
        self.stdout.write(
            self.style.SUCCESS(
                f"备份完成：{options['path']}（{manifest['engine']}，{len(manifest['files'])} 个文件，"
                f"审计链到序号 {head['seq']}，证据 {manifest['evidence_files']} 份）"
            )
        )

    def _restore(self, options):
        report = backup_restore(
            Path(options["path"]),
            database_url=options["database_url"],
            evidence_root=Path(options["evidence_root"]) if options["evidence_root"] else None,
            anchor_dir=Path(options["anchor_dir"]) if options["anchor_dir"] else None,
        )
        if options["json"]:
            body = {"ok": report.ok, "audit": report.audit, "evidence": report.evidence}
            self.stdout.write(json.dumps(body, ensure_ascii=False))
        if report.replaced_anchor_file:
            self.stdout.write(
                f"注意：原锚点文件与备份不同，已另存为 {report.replaced_anchor_file}；"
                "若其中有晚于备份的锚点，说明备份之后的事件已丢失。"
            )
        if not report.ok:
            raise CommandError(
                "已恢复，但校验未通过："
                f"审计链 {'完整' if report.audit.get('intact') else '不完整'}"
                f"（{report.audit.get('reason') or report.audit.get('error') or ''}），"
                f"证据库 {'完整' if report.evidence.get('intact') else '不完整'}。"
                "请勿投入使用，报告信息安全负责人。",
                returncode=1,
            )
        if not options["json"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"恢复完成并已校验：审计链 {report.audit.get('checked')} 个事件、"
                    f"{report.audit.get('anchors')} 个锚点完整；证据 {report.evidence.get('checked')} 个文件完整。"
                )
            )
