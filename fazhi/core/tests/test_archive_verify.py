"""Issue 17.9: `fazhi evidence verify --archive` checks the archive against the database (the
hashes recorded at ingestion and the export on the audit chain), not the manifest inside it."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core.models import AuditEvent
from fazhi.core.services import audit
from fazhi.core.services.archive_verify import archive_verify
from fazhi.core.services.evidence import evidence_ingest
from fazhi.core.tests.test_services_evidence import _pdf

pytestmark = pytest.mark.django_db

DECISION = b"PK-fake-docx: decision 3000 yuan"


def _zip(path, files: dict[str, bytes], *, manifest_hashes: dict[str, str] | None = None):
    """An archive whose manifest lists ``manifest_hashes`` (default: the files' true hashes)."""
    hashes = manifest_hashes or {p: hashlib.sha256(b).hexdigest() for p, b in files.items()}
    manifest = {
        "case": "JCZD-1-2019-0001",
        "files": [{"path": p, "sha256": h} for p, h in hashes.items()],
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
        z.writestr("manifest.json", json.dumps(manifest))
    return path


@pytest.fixture
def exported(staff_user, tmp_path):
    """An archive as an export writes it: evidence from the store, a generated 决定书, and the
    export's hashes on the audit chain (what any ``*.export`` service records)."""
    content = _pdf()
    evidence = evidence_ingest(
        fileobj=io.BytesIO(content), original_name="笔录.pdf", actor=staff_user
    )
    files = {
        "documents/decision.docx": DECISION,
        f"evidence/{evidence.sha256[:12]}-笔录.pdf": content,
    }
    audit.record(
        actor=staff_user,
        action="enforcement.case.export",
        target=evidence,
        data={"hashes": {p: hashlib.sha256(b).hexdigest() for p, b in files.items()}},
    )
    return files, _zip(tmp_path / "case.zip", files)


def test_an_intact_archive_verifies(exported):
    _files, path = exported
    report = archive_verify(path)
    assert report["intact"] and report["checked"] == 2 and report["case"] == "JCZD-1-2019-0001"
    out = io.StringIO()
    call_command("evidence", "verify", "--archive", str(path), stdout=out)
    assert "案卷完整" in out.getvalue()


def test_a_decision_changed_with_its_manifest_hash_is_caught(exported, tmp_path):
    # the case: the 决定书 and its hash in the manifest both changed
    files, _path = exported
    forged = {**files, "documents/decision.docx": DECISION.replace(b"3000", b"300")}
    path = _zip(tmp_path / "forged.zip", forged)  # the manifest agrees with the forged file
    events = AuditEvent.objects.count()
    report = archive_verify(path)
    assert not report["intact"]
    assert report["problems"] == [
        {"path": "documents/decision.docx", "problem": "内容被改动（哈希不符导出时的审计记录）"}
    ]
    out = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("evidence", "verify", "--archive", str(path), stdout=out)
    assert exc.value.returncode == 1 and "documents/decision.docx" in out.getvalue()
    assert AuditEvent.objects.count() == events  # reads only


def test_replaced_evidence_with_a_matching_manifest_is_caught(exported, tmp_path):
    files, _path = exported
    name = next(p for p in files if p.startswith("evidence/"))
    path = _zip(tmp_path / "swapped.zip", {**files, name: _pdf()})
    problems = archive_verify(path)["problems"]
    assert problems == [
        {"path": name, "problem": "哈希不符：与系统登记的任何证据文件都不一致（可能被篡改或替换）"}
    ]


def test_an_added_or_a_missing_file_is_named(exported, tmp_path):
    files, _path = exported
    added = archive_verify(_zip(tmp_path / "a.zip", {**files, "documents/extra.docx": b"x"}))
    assert {"path": "documents/extra.docx", "problem": "导出记录中没有该文件（被添加）"} in added[
        "problems"
    ]
    trimmed = {p: b for p, b in files.items() if p.startswith("evidence/")}
    missing = archive_verify(_zip(tmp_path / "m.zip", trimmed))
    assert missing["problems"] == [
        {"path": "documents/decision.docx", "problem": "文件缺失（导出时有此文件）"}
    ]


def test_an_archive_never_exported_is_not_intact(staff_user, tmp_path):
    report = archive_verify(_zip(tmp_path / "x.zip", {"documents/decision.docx": DECISION}))
    assert not report["intact"]
    assert "没有该案卷的导出记录" in report["problems"][0]["problem"]
