"""Backup and restore of everything the records depend on (issue 18 item 12).

A backup is a directory holding

* ``database.sqlite3`` (SQLite's online backup API) or ``database.dump`` (``pg_dump -Fc``),
* ``evidence/`` — the evidence store (content-addressed files and the frozen draw lists),
* ``anchors/audit-anchors.jsonl`` — the signed checkpoints of the audit chain,
* ``manifest.json`` — SHA-256 and size of each of those files, the engine, the audit head.

Restore checks the manifest before it touches anything, puts the three parts in place, and then
runs ``fazhi audit verify`` and ``fazhi evidence verify`` against what it restored (in a fresh
process pointed at the restored database, store and anchors); only when both pass does it
declare success. See docs/ops/backup.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

from django.conf import settings
from django.core.files.storage import storages
from django.db import connection, connections
from django.utils import timezone

from fazhi.core.models import AuditChainHead, EvidenceFile
from fazhi.core.services import anchors, audit

MANIFEST = "manifest.json"
FORMAT = 1
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
EVIDENCE_DIR = "evidence"
ANCHOR_DIR = "anchors"


class BackupError(Exception):
    """The backup cannot be made or restored; the message is Chinese, for the operator."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST)


def _evidence_root() -> Path:
    storage = storages["evidence"]
    location = getattr(storage, "location", None)
    if location is None:
        raise BackupError(
            "证据库不在本地文件系统（S3 等对象存储）：请用存储桶的版本控制与跨区复制备份证据，"
            "本命令只备份本地证据目录"
        )
    return Path(location)


# --- database URLs ------------------------------------------------------------------------------


def url_of(settings_dict: dict) -> str:
    """A DATABASE_URL for a Django connection's settings."""
    if "sqlite" in settings_dict["ENGINE"]:
        return f"sqlite:///{Path(settings_dict['NAME']).resolve()}"
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{settings_dict['NAME']}"


@dataclass(frozen=True)
class PgTarget:
    host: str
    port: str
    user: str
    password: str
    name: str

    @classmethod
    def from_url(cls, url: str) -> PgTarget:
        parsed = urlparse(url)
        return cls(
            host=parsed.hostname or "localhost",
            port=str(parsed.port or 5432),
            user=unquote(parsed.username or ""),
            password=unquote(parsed.password or ""),
            name=parsed.path.lstrip("/"),
        )

    def args(self, *, database: str | None = None) -> list[str]:
        out = ["-h", self.host, "-p", self.port, "-d", database or self.name]
        return out + (["-U", self.user] if self.user else [])

    def env(self) -> dict[str, str]:
        return {**os.environ, **({"PGPASSWORD": self.password} if self.password else {})}


def _run(cmd: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{cmd[0]} 失败：{result.stderr.strip()[-800:]}")
    return result


# --- create -------------------------------------------------------------------------------------


def backup_create(dest: Path, *, actor=None) -> dict:
    """Write a backup into the empty (or new) directory ``dest``; returns the manifest.

    Audits ``core.backup.create`` and anchors the audit head first, so the backup carries a
    signed checkpoint of its own last event.
    """
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"备份目录不是空的：{dest}")
    evidence_root = _evidence_root()
    dest.mkdir(parents=True, exist_ok=True)
    audit.record(actor=actor, action="core.backup.create", data={"path": str(dest)})
    with contextlib.suppress(anchors.AnchorError):  # no key: verify will say so
        anchors.anchor_head()
    head = AuditChainHead.objects.filter(pk=1).first()
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(dest / SQLITE_FILE)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif vendor == "postgresql":
        pg = PgTarget.from_url(url_of(connection.settings_dict))
        _run(["pg_dump", "-Fc", "--no-owner", "-f", str(dest / PG_FILE), *pg.args()], pg.env())
    else:
        raise BackupError(f"不支持的数据库：{vendor}")
    if evidence_root.exists():
        shutil.copytree(evidence_root, dest / EVIDENCE_DIR)
    anchor_file = anchors.anchor_path()
    if anchor_file.exists():
        (dest / ANCHOR_DIR).mkdir()
        shutil.copy2(anchor_file, dest / ANCHOR_DIR / anchors.FILENAME)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "engine": vendor,
        "audit_head": {"seq": head.seq, "hash": head.hash} if head else None,
        "evidence_files": EvidenceFile.objects.count(),
        "files": [
            {"path": p.relative_to(dest).as_posix(), "sha256": _sha256(p), "size": p.stat().st_size}
            for p in _files(dest)
        ],
    }
    (dest / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return manifest


# --- restore ------------------------------------------------------------------------------------


def check_manifest(src: Path) -> dict:
    """Every listed file present with its hash, nothing unlisted; raises BackupError."""
    try:
        manifest = json.loads((src / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"备份清单 {MANIFEST} 缺失或无法读取：{exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"不认识的备份格式：{manifest.get('format')}")
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    problems = []
    for rel, expected in listed.items():
        path = src / rel
        if not path.is_file():
            problems.append(f"缺少 {rel}")
        elif _sha256(path) != expected:
            problems.append(f"{rel} 与清单哈希不符")
    present = {p.relative_to(src).as_posix() for p in _files(src)}
    problems += [f"清单外的文件 {rel}" for rel in sorted(present - set(listed))]
    if problems:
        raise BackupError("备份不完整或被改动：" + "；".join(problems[:20]))
    return manifest


@dataclass
class RestoreReport:
    database_url: str
    evidence_root: Path
    anchor_dir: Path
    audit: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    replaced_anchor_file: Path | None = None

    @property
    def ok(self) -> bool:
        return bool(self.audit.get("intact")) and bool(self.evidence.get("intact"))


def _restore_sqlite(src: Path, url: str) -> None:
    target = Path(unquote(urlparse(url).path))
    if url.startswith("sqlite:////"):
        target = Path("/" + unquote(url.removeprefix("sqlite:////")))
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(src / SQLITE_FILE)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()


def _restore_postgres(src: Path, url: str) -> None:
    pg = PgTarget.from_url(url)
    _ensure_database(pg)
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *pg.args(),
            str(src / PG_FILE),
        ],
        pg.env(),
    )


def _ensure_database(pg: PgTarget) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=pg.host,
        port=pg.port,
        user=pg.user or None,
        password=pg.password or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [pg.name]).fetchone()
        if not found:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(pg.name)))


def _verify_in(report: RestoreReport, command: list[str]) -> dict:
    """Run ``fazhi <command> --json`` in a fresh process against the restored copy."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fazhi.settings.base",
        "DATABASE_URL": report.database_url,
        "FAZHI_EVIDENCE_STORAGE": "filesystem",
        "FAZHI_EVIDENCE_ROOT": str(report.evidence_root),
        "FAZHI_AUDIT_ANCHOR_DIR": str(report.anchor_dir),
        "FAZHI_AUDIT_KEY": settings.FAZHI.get("AUDIT_KEY", ""),
        "FAZHI_SECRET_KEY": settings.SECRET_KEY,
        "FAZHI_AUDIT_ANCHOR_EVERY": "0",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "fazhi.cli", *command, "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"intact": False, "error": (result.stderr or result.stdout).strip()[-800:]}


def backup_restore(
    src: Path,
    *,
    database_url: str | None = None,
    evidence_root: Path | None = None,
    anchor_dir: Path | None = None,
) -> RestoreReport:
    """Restore ``src`` into the configured (or the given) database, evidence root and anchor
    directory, then verify the audit chain and the evidence store there."""
    src = Path(src)
    manifest = check_manifest(src)
    url = database_url or url_of(connection.settings_dict)
    engine = "sqlite" if url.startswith("sqlite:") else "postgresql"
    if engine != manifest["engine"]:
        raise BackupError(f"备份来自 {manifest['engine']}，目标数据库是 {engine}")
    if engine == "sqlite" and "memory" in url:
        raise BackupError("目标是内存数据库，请用 --database-url 指定恢复到的数据库文件")
    report = RestoreReport(
        database_url=url,
        evidence_root=Path(evidence_root) if evidence_root else _evidence_root(),
        anchor_dir=Path(anchor_dir or settings.FAZHI.get("AUDIT_ANCHOR_DIR") or "var/anchors"),
    )
    if database_url is None:
        connections.close_all()
    if engine == "sqlite":
        _restore_sqlite(src, url)
    else:
        _restore_postgres(src, url)
    if (src / EVIDENCE_DIR).exists():
        shutil.copytree(src / EVIDENCE_DIR, report.evidence_root, dirs_exist_ok=True)
    backup_anchors = src / ANCHOR_DIR / anchors.FILENAME
    target_anchors = report.anchor_dir / anchors.FILENAME
    if backup_anchors.exists():
        report.anchor_dir.mkdir(parents=True, exist_ok=True)
        if target_anchors.exists() and _sha256(target_anchors) != _sha256(backup_anchors):
            # anchors newer than the backup mean events after it are lost: keep the evidence
            stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
            report.replaced_anchor_file = target_anchors.with_name(f"{target_anchors.name}.{stamp}")
            target_anchors.rename(report.replaced_anchor_file)
        shutil.copy2(backup_anchors, target_anchors)
    report.audit = _verify_in(report, ["audit", "verify"])
    report.evidence = _verify_in(report, ["evidence", "verify"])
    return report
