"""Evidence is checked against the three records of ingestion (issue 18 item 4): the content
address in the storage path, the stored hash, the hash in the ingest audit event."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from fazhi.core.middleware import RequestContextMiddleware
from fazhi.core.models import AuditEvent
from fazhi.core.models.evidence import CustodyEntry, EvidenceFile
from fazhi.core.services.evidence import (
    EvidenceTampered,
    evidence_ingest,
    evidence_open,
    evidence_verify,
    storage_path,
)
from fazhi.core.tests.test_services_evidence import _pdf

pytestmark = pytest.mark.django_db

FORGED = _pdf()  # unique per test session: the store is shared by the session's tests


def _ingest(user):
    return evidence_ingest(fileobj=io.BytesIO(_pdf()), original_name="笔录.pdf", actor=user)


def _overwrite(name: str, data: bytes) -> None:
    with open(storages["evidence"].path(name), "wb") as fh:
        fh.write(data)


def _problems():
    return [(p.problem, p.storage_name) for p in evidence_verify().problems]


def test_file_changed_alone_is_a_mismatch(staff_user):
    evidence = _ingest(staff_user)
    _overwrite(evidence.storage_name, FORGED)
    assert _problems() == [("mismatch", evidence.storage_name)]


def test_file_and_stored_hash_changed_together_is_caught_by_the_content_address(staff_user):
    # before: this verified as 完整
    evidence = _ingest(staff_user)
    _overwrite(evidence.storage_name, FORGED)
    EvidenceFile.objects.filter(pk=evidence.pk).update(sha256=hashlib.sha256(FORGED).hexdigest())
    assert _problems() == [("address", evidence.storage_name)]


def test_file_hash_and_path_all_changed_is_caught_by_the_ingest_audit_event(staff_user):
    evidence = _ingest(staff_user)
    forged_sha = hashlib.sha256(FORGED).hexdigest()
    storage = storages["evidence"]
    storage.delete(evidence.storage_name)
    storage.save(storage_path(forged_sha), ContentFile(FORGED))
    EvidenceFile.objects.filter(pk=evidence.pk).update(
        sha256=forged_sha, storage_name=storage_path(forged_sha)
    )
    report = evidence_verify()
    assert [(p.problem, p.recorded_sha256) for p in report.problems] == [
        ("ingest", evidence.sha256)
    ]
    with pytest.raises(CommandError) as excinfo:
        call_command("evidence", "verify")
    assert excinfo.value.returncode == 1


def test_download_audits_each_access(staff_user):
    evidence = _ingest(staff_user)
    for _ in range(2):
        with evidence_open(evidence=evidence, actor=staff_user, note="案卷查阅 X") as fh:
            fh.read()
    opened = AuditEvent.objects.filter(action="core.evidence.open", target_id=str(evidence.pk))
    assert opened.count() == 2
    assert opened.first().data == {"sha256": evidence.sha256, "note": "案卷查阅 X"}
    assert opened.first().actor == staff_user


def test_download_of_a_tampered_file_is_refused_and_recorded(staff_user):
    evidence = _ingest(staff_user)
    _overwrite(evidence.storage_name, FORGED)
    custody_before = CustodyEntry.objects.count()
    with pytest.raises(EvidenceTampered) as excinfo:
        evidence_open(evidence=evidence, actor=staff_user)
    assert excinfo.value.code == "evidence_tampered"
    assert "完整性校验" in excinfo.value.message
    assert CustodyEntry.objects.count() == custody_before  # no view was logged: nothing served
    assert not AuditEvent.objects.filter(action="core.evidence.open").exists()
    failure = AuditEvent.objects.get(action="core.evidence.integrity_failure")
    assert failure.data["problem"] == "mismatch"


def test_web_download_of_a_tampered_file_shows_a_clear_page(staff_user):
    request = RequestFactory().get("/staff/enforcement/cases/1/evidence/1/")
    middleware = RequestContextMiddleware(lambda r: None)
    response = middleware.process_exception(request, EvidenceTampered("证据文件未通过完整性校验"))
    assert response.status_code == 409
    assert "证据文件未通过完整性校验" in response.content.decode()
