"""`fazhi backup create` / `restore` on both databases (issue 18 item 12).

The restore goes into a scratch database, evidence folder and anchor folder, and is declared good
only after `fazhi audit verify` and `fazhi evidence verify` pass against the restored copy.
"""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from fazhi.core.services import audit
from fazhi.core.services.backup import (
    MANIFEST,
    BackupError,
    _sha256,
    backup_create,
    backup_restore,
    url_of,
)
from fazhi.core.services.evidence import evidence_ingest
from fazhi.core.tests.test_services_evidence import _pdf, _png

pytestmark = pytest.mark.django_db(transaction=True)

SCRATCH_PG = "fazhi_integrity_restore_test"


@pytest.fixture
def isolated(tmp_path, settings):
    """A fresh evidence store and anchor folder for this test only."""
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "live-evidence")},
        },
    }
    settings.FAZHI = {**settings.FAZHI, "AUDIT_ANCHOR_DIR": tmp_path / "live-anchors"}
    yield tmp_path
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {SCRATCH_PG} WITH (FORCE)")


def _target(tmp_path) -> dict:
    if connection.vendor == "postgresql":
        live = url_of(connection.settings_dict)
        url = live.rsplit("/", 1)[0] + f"/{SCRATCH_PG}"
    else:
        url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    return {
        "database_url": url,
        "evidence_root": tmp_path / "restored-evidence",
        "anchor_dir": tmp_path / "restored-anchors",
    }


def _world(staff_user):
    for i in range(5):
        audit.record(actor=staff_user, action="core.test.write", data={"i": i})
    return [
        evidence_ingest(fileobj=io.BytesIO(data), original_name=name, actor=staff_user)
        for data, name in ((_pdf(), "笔录.pdf"), (_png(), "现场.png"))
    ]


def test_backup_then_restore_into_scratch_verifies(isolated, staff_user):
    # given
    files = _world(staff_user)
    backup = isolated / "backup"
    # when
    manifest = backup_create(backup)
    report = backup_restore(backup, **_target(isolated))
    # then
    paths = {f["path"] for f in manifest["files"]}
    assert {"database.sqlite3", "database.dump"} & paths
    assert f"evidence/{files[0].storage_name}" in paths
    assert "anchors/audit-anchors.jsonl" in paths
    assert report.ok, (report.audit, report.evidence)
    assert report.audit["checked"] == manifest["audit_head"]["seq"] >= 8
    assert report.audit["anchors"] == 1
    assert report.evidence["checked"] == 2
    assert (report.evidence_root / files[1].storage_name).read_bytes() == (
        storages["evidence"].open(files[1].storage_name).read()
    )


def test_a_changed_backup_file_is_refused_before_anything_is_restored(isolated, staff_user):
    files = _world(staff_user)
    backup = isolated / "backup"
    backup_create(backup)
    (backup / "evidence" / files[0].storage_name).write_bytes(b"changed")
    target = _target(isolated)
    with pytest.raises(BackupError, match="与清单哈希不符"):
        backup_restore(backup, **target)
    assert not target["evidence_root"].exists()


def test_a_consistently_forged_backup_fails_verification(isolated, staff_user):
    # the file and the manifest both rewritten: only the restored-copy verification can tell
    files = _world(staff_user)
    backup = isolated / "backup"
    backup_create(backup)
    forged = backup / "evidence" / files[0].storage_name
    forged.write_bytes(_pdf())
    manifest = json.loads((backup / MANIFEST).read_text())
    for entry in manifest["files"]:
        if entry["path"] == f"evidence/{files[0].storage_name}":
            entry["sha256"], entry["size"] = _sha256(forged), forged.stat().st_size
    (backup / MANIFEST).write_text(json.dumps(manifest))
    target = _target(isolated)
    report = backup_restore(backup, **target)
    assert report.audit["intact"] is True
    assert report.evidence["intact"] is False
    with pytest.raises(CommandError) as excinfo:
        call_command(
            "backup",
            "restore",
            str(backup),
            "--database-url",
            target["database_url"],
            "--evidence-root",
            str(target["evidence_root"]),
            "--anchor-dir",
            str(target["anchor_dir"]),
        )
    assert excinfo.value.returncode == 1
    assert "校验未通过" in str(excinfo.value)


def test_create_refuses_a_non_empty_directory(isolated, staff_user):
    (isolated / "backup").mkdir()
    (isolated / "backup" / "x").write_text("x")
    with pytest.raises(CommandError) as excinfo:
        call_command("backup", "create", str(isolated / "backup"))
    assert excinfo.value.returncode == 1
