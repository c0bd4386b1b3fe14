"""The case file (案卷): its ordered records, and its export as one verifiable zip archive.

The archive holds ``records.docx`` (卷内记录), the generated documents under ``documents/``,
every evidence file under ``evidence/`` and ``manifest.json`` listing each file with its SHA-256
(国办发〔2018〕118号 (九): 防删改的数字化存储). ``fazhi evidence verify --archive FILE.zip``
re-hashes the files against the manifest.
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
        }
        archive.writestr(
            MANIFEST, json.dumps(manifest, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
    c.record(
        case, "export", actor, files=len(entries), case_file_sha256=manifest["case_file_sha256"]
    )
    return manifest
