"""The case file (案卷): its ordered records, and its export as one verifiable zip archive.

The archive holds ``records.docx`` (卷内记录), the generated documents under ``documents/``,
every evidence file under ``evidence/`` and ``manifest.json`` listing each file with its SHA-256
(国办发〔2018〕118号 (九): 防删改的数字化存储).

The manifest travels with the archive, so it proves nothing: whoever changes the 决定书 can change
its hash in the manifest too. `case_archive_verify` (``fazhi enforcement verify FILE.zip``)
checks the archive against what the database recorded instead: every evidence file against the
hash taken at ingestion, every generated file against the hashes the export wrote to the audit
chain (``enforcement.case.export``), that audit chain itself, and an archived case's record list
against the digest kept at 归档.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import ENFORCEMENT_EXPORT, require
from fazhi.core.services.evidence import evidence_open
from fazhi.enforcement import documents
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.models import Case
from fazhi.enforcement.services import cases_common as c

MANIFEST = "manifest.json"


def case_file_rows(case: Case) -> list[dict[str, Any]]:
    """Every act of the case in order, with officers and evidence (name, type, SHA-256)."""
    rows = []
    acts = case.acts.order_by("seq").prefetch_related("officers", "evidence")
    for act in acts:
        rows.append(
            {
                "seq": act.seq,
                "on": act.on,
                "kind": act.kind,
                "label": act_rules.ACT_LABELS.get(act.kind, act.kind),
                "summary": act.summary,
                "place": act.place,
                "officers": [o.name for o in act.officers.all()],
                "files": [
                    {
                        "id": e.pk,
                        "name": e.original_name,
                        "mime_type": e.mime_type,
                        "size": e.size,
                        "sha256": e.sha256,
                    }
                    for e in act.evidence.order_by("pk")
                ],
            }
        )
    return rows


def manifest_digest(case: Case) -> str:
    """SHA-256 of the canonical list of records and evidence hashes (stable across exports)."""
    canonical = json.dumps(
        {"case": case.reference, "records": case_file_rows(case)},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _safe(name: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name)[:80] or "file"


@transaction.atomic
def case_export(*, case: Case, actor, out: IO[bytes]) -> dict[str, Any]:
    """Write the case file archive to ``out``; refuses (writes nothing) if an evidence file no
    longer matches its hash. Logs each file's access in its custody record and audits
    ``enforcement.case.export``. Returns the manifest."""
    require(actor, ENFORCEMENT_EXPORT, unit=case.org_unit)
    evidence = list(c.case_evidence(case))
    c.check_evidence_intact(evidence)
    rows = case_file_rows(case)
    entries: list[dict[str, Any]] = []

    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def put(path: str, content: bytes, **extra) -> None:
            archive.writestr(path, content)
            entries.append(
                {
                    "path": path,
                    "sha256": hashlib.sha256(content).hexdigest(),
                    "size": len(content),
                    **extra,
                }
            )

        put("records.docx", documents.case_record(case, rows), title="卷内记录")
        for name, title, content in documents.case_documents(case):
            put(f"documents/{name}", content, title=title)
        for file in evidence:
            with evidence_open(evidence=file, actor=actor, note=f"案卷导出 {case.reference}") as fh:
                content = fh.read()
            put(
                f"evidence/{file.sha256[:12]}-{_safe(file.original_name)}",
                content,
                original_name=file.original_name,
                mime_type=file.mime_type,
                stored_sha256=file.sha256,
            )
        manifest = {
            "format": "fazhi-case-file/1",
            "case": case.reference,
            "decision_number": case.decision_number,
            "status": case.status,
            "exported_at": timezone.now(),
            "case_file_sha256": manifest_digest(case),
            "files": entries,
            # 18.5: each typed step date beside the system's time of entry, the person, flags
            "date_entries": [
                {
                    "step": e.step,
                    "typed_on": e.typed_on,
                    "entered_at": e.entered_at,
                    "entered_by": str(e.entered_by) if e.entered_by else "系统",
                    "due": e.due,
                    "backdated": e.backdated,
                    "hides_lateness": e.hides_lateness,
                }
                for e in case.date_entries.select_related("entered_by").order_by("entered_at", "pk")
            ],
        }
        archive.writestr(
            MANIFEST, json.dumps(manifest, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
    c.record(
        case,
        "export",
        actor,
        files=len(entries),
        case_file_sha256=manifest["case_file_sha256"],
        # what was handed out, on the tamper-evident chain: the reference for verification
        hashes={e["path"]: e["sha256"] for e in entries},
    )
    return manifest


def _zip_hashes(archive: zipfile.ZipFile) -> dict[str, str]:
    return {
        name: hashlib.sha256(archive.read(name)).hexdigest()
        for name in archive.namelist()
        if name != MANIFEST and not name.endswith("/")
    }


def case_archive_verify(*, source) -> dict[str, Any]:
    """Verify a case-file archive (a path or a binary file) against the database, not against
    its own manifest. Returns ``{"ok": bool, "case": reference, "problems": [Chinese text],
    "checked": n}``; reads only (it writes nothing, not even an audit event)."""
    from fazhi.core.models import AuditEvent
    from fazhi.core.services.audit import verify_chain

    problems: list[str] = []
    with zipfile.ZipFile(source) as archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except (KeyError, ValueError):
            manifest = {}
        actual = _zip_hashes(archive)
    reference = str(manifest.get("case", ""))
    case = Case.objects.filter(reference=reference).first()
    if case is None:
        return {
            "ok": False,
            "case": reference,
            "checked": 0,
            "problems": [f"系统中没有案件“{reference}”，无法核验"],
        }
    # 1. evidence: each file against the hash taken at ingestion
    recorded = {e.sha256: e.original_name for e in c.case_evidence(case)}
    seen: set[str] = set()
    for path, digest in sorted(actual.items()):
        if not path.startswith("evidence/"):
            continue
        if digest in recorded:
            seen.add(digest)
        else:
            problems.append(f"{path}：与系统登记的任何证据文件的哈希都不一致（可能被篡改或替换）")
    for digest, name in recorded.items():
        if digest not in seen:
            problems.append(f"证据文件“{name}”不在案卷中或已被改动")
    # 2. every file against an export recorded on the audit chain
    exports = AuditEvent.objects.filter(
        action="enforcement.case.export", target_type="enforcement.case", target_id=str(case.pk)
    ).order_by("-seq")
    recorded_exports = [e for e in exports if isinstance(e.data.get("hashes"), dict)]
    match = next((e for e in recorded_exports if e.data["hashes"] == actual), None)
    if match is None:
        if not recorded_exports:
            problems.append("审计记录中没有该案卷的导出记录，无法核验生成的文书")
        else:
            reference_hashes = min(
                (e.data["hashes"] for e in recorded_exports),
                key=lambda h: len(set(h.items()) ^ set(actual.items())),
            )
            for path in sorted(set(reference_hashes) | set(actual)):
                if path.startswith("evidence/"):
                    continue
                if path not in actual:
                    problems.append(f"{path}：导出时的文件缺失")
                elif path not in reference_hashes:
                    problems.append(f"{path}：导出记录中没有该文件")
                elif reference_hashes[path] != actual[path]:
                    problems.append(f"{path}：哈希与导出时审计记录不符（可能被篡改）")
    # 3. the audit chain that holds those records
    _count, broken = verify_chain()
    if broken is not None:
        problems.append(f"审计链在第{broken.seq}条记录处断裂，导出记录不可信")
    # 4. an archived case's list of records against the digest kept at 归档
    if case.archive_sha256 and manifest_digest(case) != case.archive_sha256:
        problems.append("案卷记录与归档时保存的摘要不一致")
    return {
        "ok": not problems,
        "case": case.reference,
        "checked": len(actual),
        "problems": problems,
    }
