"""The case-file archive: export, `fazhi evidence verify --archive`, and `fazhi enforcement`."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core.models import AuditEvent, EvidenceFile
from fazhi.enforcement.services.cases_archive import case_archive_verify, case_export
from fazhi.enforcement.tests.conftest import notified_case, register

pytestmark = pytest.mark.django_db


def _export(world, tmp_path):
    case = notified_case(world)
    path = tmp_path / "case.zip"
    user = world["users"]["a"].username
    call_command(
        "enforcement",
        "export",
        case.reference,
        "--out",
        str(path),
        "--user",
        user,
        stdout=io.StringIO(),
    )
    return case, path


def test_export_lists_every_file_with_its_hash(world, tmp_path):
    _case, path = _export(world, tmp_path)
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        paths = {f["path"] for f in manifest["files"]}
    evidence = EvidenceFile.objects.get()
    assert f"evidence/{evidence.sha256[:12]}-台账.png" in paths
    assert {"records.docx", "documents/filing.docx", "documents/notice.docx"} <= paths
    assert AuditEvent.objects.filter(action="enforcement.case.export").exists()
    out = io.StringIO()
    call_command("evidence", "verify", "--archive", str(path), stdout=out)
    assert "案卷完整" in out.getvalue()


def test_verify_names_the_altered_file(world, tmp_path):
    _case, path = _export(world, tmp_path)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("evidence/"):
                data += b"x"
            dst.writestr(item, data)
    out = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("evidence", "verify", "--archive", str(broken), stdout=out)
    assert exc.value.returncode == 1
    assert "evidence/" in out.getvalue() and "哈希不符" in out.getvalue()


def test_export_refuses_altered_evidence(world, tmp_path):
    case = notified_case(world)
    evidence = EvidenceFile.objects.get()
    storages["evidence"].delete(evidence.storage_name)
    storages["evidence"].save(evidence.storage_name, io.BytesIO(b"changed"))
    user = world["users"]["a"].username
    with pytest.raises(CommandError) as exc:
        call_command(
            "enforcement",
            "export",
            case.reference,
            "--out",
            str(tmp_path / "x.zip"),
            "--user",
            user,
        )
    assert exc.value.returncode == 1 and not (tmp_path / "x.zip").exists()
    with pytest.raises(Exception, match="哈希"):
        case_export(case=case, actor=world["users"]["a"], out=io.BytesIO())


def test_export_needs_someone_allowed(world, tmp_path):
    """The CLI is a caller like any other: without a user, or with one outside the case's unit,
    the export is refused and no file is left behind."""
    case = notified_case(world)
    for extra in ([], ["--user", world["users"]["outsider"].username]):
        with pytest.raises(CommandError, match=r"登录|办理范围") as exc:
            call_command(
                "enforcement", "export", case.reference, "--out", str(tmp_path / "y.zip"), *extra
            )
        assert exc.value.returncode == 1 and not (tmp_path / "y.zip").exists()


def test_cases_command_lists_json(world):
    case = register(world)
    out = io.StringIO()
    call_command("enforcement", "cases", "--status", "received", "--json", stdout=out)
    assert [r["reference"] for r in json.loads(out.getvalue())] == [case.reference]
    with pytest.raises(CommandError) as exc:
        call_command("enforcement", "cases", "--status", "nonsense")
    assert exc.value.returncode == 2
    with pytest.raises(CommandError) as exc:
        call_command("enforcement", "export", "NO-SUCH", "--out", "unused.zip")
    assert exc.value.returncode == 2


def _rewrite(path, out, change):
    """Copy the archive, changing entries with ``change(name, data) -> data``."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, change(item.filename, src.read(item.filename)))
    return out


def test_verify_trusts_the_database_not_the_manifest(world, tmp_path):
    """Issue 17 item 9: the 决定书 and its manifest hash both changed still verified."""
    _case, path = _export(world, tmp_path)
    out = io.StringIO()
    call_command("enforcement", "verify", str(path), stdout=out)
    assert "案卷完整" in out.getvalue()
    forged = b"PK forged notice"

    def forge(name, data):
        if name == "documents/notice.docx":
            return forged
        if name == "manifest.json":  # the forger updates the manifest as well
            manifest = json.loads(data)
            for entry in manifest["files"]:
                if entry["path"] == "documents/notice.docx":
                    entry["sha256"] = hashlib.sha256(forged).hexdigest()
                    entry["size"] = len(forged)
            return json.dumps(manifest).encode()
        return data

    broken = _rewrite(path, tmp_path / "forged.zip", forge)
    out = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("enforcement", "verify", str(broken), stdout=out)
    assert exc.value.returncode == 1
    assert "documents/notice.docx：哈希与导出时审计记录不符" in out.getvalue()


def test_verify_checks_evidence_against_its_ingest_hash(world, tmp_path):
    _case, path = _export(world, tmp_path)

    def swap(name, data):
        return data + b"x" if name.startswith("evidence/") else data

    report = case_archive_verify(source=_rewrite(path, tmp_path / "swapped.zip", swap))
    assert not report["ok"]
    assert any("与系统登记的任何证据文件的哈希都不一致" in p for p in report["problems"])
    assert any("台账.png" in p for p in report["problems"])
