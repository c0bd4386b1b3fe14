"""Verify an exported case-file archive against the database, never against its own manifest.

The ``manifest.json`` inside the zip travels with it: whoever changes a 决定书 can change its hash
there too (issue 17.9). So `archive_verify` (``fazhi evidence verify --archive FILE.zip``) reads
the manifest only for the case's name and checks, like ``fazhi enforcement verify FILE.zip``:

1. every file under ``evidence/`` against the evidence store: its SHA-256 must be a registered
   file's, equal to the hash recorded at ingestion on the audit chain (``core.evidence.ingest``),
   and the stored copy must still hash to it;
2. the whole archive against an export recorded on the audit chain (any ``<app>.….export``
   event carrying ``hashes`` — {path: sha256} of what was handed out): every file present with
   that hash, none missing, none added;
3. the audit chain itself, which holds those records.

Reads only: it writes nothing, not even an audit event.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from typing import Any

from fazhi.core.models import AuditEvent
from fazhi.core.models.evidence import EvidenceFile
from fazhi.core.services.audit import verify_chain
from fazhi.core.services.evidence import check_file, ingest_hashes

MANIFEST = "manifest.json"
EVIDENCE_DIR = "evidence/"


def _hashes(archive: zipfile.ZipFile) -> dict[str, str]:
    found = {}
    for name in archive.namelist():
        if name == MANIFEST or name.endswith("/"):
            continue
        digest = hashlib.sha256()
        with archive.open(name) as stream:
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
        found[name] = digest.hexdigest()
    return found


def _evidence_problems(actual: dict[str, str]) -> list[dict[str, str]]:
    """Each evidence file against the store and the hash taken at ingestion."""
    wanted = {d for p, d in actual.items() if p.startswith(EVIDENCE_DIR)}
    stored = {e.sha256: e for e in EvidenceFile.objects.filter(sha256__in=wanted)}
    ingested = ingest_hashes([e.pk for e in stored.values()])
    problems = []
    for path, digest in sorted(actual.items()):
        if not path.startswith(EVIDENCE_DIR):
            continue
        evidence = stored.get(digest)
        if evidence is None:
            problems.append(
                {
                    "path": path,
                    "problem": "哈希不符：与系统登记的任何证据文件都不一致（可能被篡改或替换）",
                }
            )
        elif ingested.get(evidence.pk) != digest:
            problems.append({"path": path, "problem": "哈希不符：与入库时审计记录的哈希不一致"})
        elif (problem := check_file(evidence, ingested.get(evidence.pk))) is not None:
            problems.append(
                {"path": path, "problem": f"系统中的存档文件已损坏：{problem.describe()}"}
            )
    return problems


def _recorded_exports() -> list[dict[str, str]]:
    events = AuditEvent.objects.filter(action__endswith=".export").order_by("-seq")
    return [
        e.data["hashes"]
        for e in events.only("data").iterator()
        if isinstance(e.data, dict) and isinstance(e.data.get("hashes"), dict)
    ]


def _export_problems(actual: dict[str, str]) -> list[dict[str, str]]:
    """The archive against the closest export on the audit chain (an exact match: none)."""
    exports = _recorded_exports()
    if any(hashes == actual for hashes in exports):
        return []
    if not exports:
        return [{"path": "（整卷）", "problem": "审计记录中没有该案卷的导出记录，无法核验"}]
    closest = min(exports, key=lambda h: len(set(h.items()) ^ set(actual.items())))
    problems = []
    for path in sorted(set(closest) | set(actual)):
        if path not in actual:
            problems.append({"path": path, "problem": "文件缺失（导出时有此文件）"})
        elif path not in closest:
            problems.append({"path": path, "problem": "导出记录中没有该文件（被添加）"})
        elif closest[path] != actual[path]:
            problems.append({"path": path, "problem": "内容被改动（哈希不符导出时的审计记录）"})
    return problems


def archive_verify(source) -> dict[str, Any]:
    """Verify a case-file archive (path or binary file). Returns ``{"case", "checked",
    "intact", "problems": [{path, problem}]}``. Raises ``zipfile.BadZipFile`` for a non-zip."""
    with zipfile.ZipFile(source) as archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except (KeyError, ValueError):
            manifest = {}
        actual = _hashes(archive)
    problems = _evidence_problems(actual)
    flagged = {p["path"] for p in problems}
    problems += [p for p in _export_problems(actual) if p["path"] not in flagged]
    _count, broken = verify_chain()
    if broken is not None:
        problems.append(
            {"path": "（审计链）", "problem": f"审计链在第{broken.seq}条记录处断裂，导出记录不可信"}
        )
    return {
        "case": str(manifest.get("case", "")) if isinstance(manifest, dict) else "",
        "checked": len(actual),
        "intact": not problems,
        "problems": problems,
    }
