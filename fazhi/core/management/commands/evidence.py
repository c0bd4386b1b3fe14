"""`fazhi evidence verify [--json] [--archive FILE.zip]` and `fazhi evidence ingest PATH --case
REF [--user NAME]`.

verify re-hashes every stored file and exits 1 listing each missing or altered one; with
``--archive`` it checks an exported case-file archive instead — against the database, not the
archive's own ``manifest.json`` (which whoever alters a file can alter too): each evidence file
against the hash recorded at ingestion, every file against the export recorded on the audit
chain, and that chain (``fazhi.core.services.archive_verify``; exit 0 intact, 1 broken, naming
each file). ingest takes a file into the store through the
same service as the staff UI (for scripting).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from fazhi.core.services.archive_verify import archive_verify
from fazhi.core.services.evidence import (
    EvidenceRejected,
    evidence_count,
    evidence_ingest,
    evidence_verify,
)


class Command(BaseCommand):
    help = "证据库操作：verify 校验全部证据文件的哈希；ingest 将文件登记入库"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="逐个重算哈希，发现缺失或被改动的文件")
        verify.add_argument("--json", action="store_true", help="以 JSON 输出")
        verify.add_argument(
            "--archive",
            default="",
            help="改为校验导出的案卷压缩包（按 manifest.json 逐个核对哈希）",
        )
        ingest = sub.add_parser("ingest", help="将文件登记入证据库")
        ingest.add_argument("path", help="文件路径")
        ingest.add_argument("--case", default="", help="所属案件编号")
        ingest.add_argument("--user", default="", help="经手人用户名（记入保管记录）")
        ingest.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        if options["action"] == "verify" and options.get("archive"):
            self._verify_archive(Path(options["archive"]), as_json=options["json"])
        elif options["action"] == "verify":
            self._verify(as_json=options["json"])
        else:
            self._ingest(options)

    def _verify(self, *, as_json: bool) -> None:
        console = Console(stderr=True)
        with Progress(
            TextColumn("校验证据文件"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as progress:
            task = progress.add_task("verify", total=evidence_count())
            report = evidence_verify(on_file=lambda _f: progress.advance(task))
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        elif report.is_intact:
            self.stdout.write(self.style.SUCCESS(f"证据库完整：共校验 {report.checked} 个文件。"))
        else:
            for problem in report.problems:
                self.stdout.write(f"✗ {problem.describe()}")
        if not report.is_intact:
            raise CommandError(
                f"证据库校验未通过：{len(report.problems)} 个文件缺失或被改动"
                f"（共校验 {report.checked} 个）",
                returncode=1,
            )

    def _verify_archive(self, path: Path, *, as_json: bool) -> None:
        if not path.is_file():
            raise CommandError(f"文件不存在：{path}", returncode=2)
        try:
            report = archive_verify(path)
        except (zipfile.BadZipFile, ValueError) as exc:
            raise CommandError(f"不是有效的案卷压缩包：{exc}", returncode=1) from exc
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        elif report["intact"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"案卷完整：{report['case']}，共校验 {report['checked']} 个文件。"
                )
            )
        else:
            for problem in report["problems"]:
                self.stdout.write(f"✗ {problem['path']}：{problem['problem']}")
        if not report["intact"]:
            raise CommandError(
                f"案卷校验未通过：{len(report['problems'])} 个文件缺失、被改动或未列入清单",
                returncode=1,
            )

    def _ingest(self, options) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"文件不存在：{path}", returncode=2)
        actor = None
        if options["user"]:
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"用户不存在：{options['user']}", returncode=2)
        try:
            with path.open("rb") as fh:
                evidence = evidence_ingest(
                    fileobj=fh,
                    original_name=path.name,
                    actor=actor,
                    case_ref=options["case"],
                    declared_type=None,
                )
        except EvidenceRejected as exc:
            raise CommandError(f"已拒收：{exc}", returncode=1) from exc
        if options["json"]:
            body = {
                "sha256": evidence.sha256,
                "size": evidence.size,
                "mime_type": evidence.mime_type,
                "storage_name": evidence.storage_name,
                "case_ref": options["case"],
            }
            self.stdout.write(json.dumps(body, ensure_ascii=False))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"已入库：{path.name}（{evidence.mime_type}，{evidence.size} 字节）"
                )
            )
            self.stdout.write(f"  SHA-256：{evidence.sha256}")
