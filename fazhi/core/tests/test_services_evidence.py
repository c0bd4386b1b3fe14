"""The evidence store: ingest, dedupe, refusals that leave nothing behind, verify."""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zlib

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core.models import AuditEvent
from fazhi.core.models.evidence import CustodyEntry, EvidenceAttachment, EvidenceFile
from fazhi.core.services.evidence import (
    EvidenceRejected,
    evidence_ingest,
    evidence_open,
    evidence_verify,
    storage_path,
)


def _png() -> bytes:
    """A small valid PNG; random text makes each call's content (and hash) unique."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", b"Comment\x00" + os.urandom(8).hex().encode())
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _pdf() -> bytes:
    return (
        b"%PDF-1.4\n%" + os.urandom(8).hex().encode() + b"\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Unseekable(io.RawIOBase):
    """An upload stream that can only be read forwards."""

    def __init__(self, data: bytes):
        self._inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._inner.read(size)


@pytest.mark.django_db
def test_ingest_stores_by_content_and_logs_custody_and_audit(staff_user):
    # given
    data = _png()
    # when
    evidence = evidence_ingest(
        fileobj=io.BytesIO(data),
        original_name="现场照片.png",
        actor=staff_user,
        case_ref="津人社监〔2025〕1号",
    )
    # then
    assert evidence.sha256 == _sha(data)
    assert evidence.size == len(data)
    assert evidence.mime_type == "image/png"
    assert (
        evidence.storage_name
        == f"sha256/{evidence.sha256[:2]}/{evidence.sha256[2:4]}/{evidence.sha256}"
    )
    with storages["evidence"].open(evidence.storage_name, "rb") as fh:
        assert fh.read() == data
    attachment = EvidenceAttachment.objects.get(evidence=evidence)
    assert (attachment.case_ref, attachment.original_name, attachment.attached_by) == (
        "津人社监〔2025〕1号",
        "现场照片.png",
        staff_user,
    )
    entry = CustodyEntry.objects.get(evidence=evidence)
    assert (entry.action, entry.actor, entry.attachment) == ("ingest", staff_user, attachment)
    event = AuditEvent.objects.get(action="core.evidence.ingest")
    assert event.target_id == str(evidence.pk)
    assert event.data["sha256"] == evidence.sha256
    assert event.data["duplicate"] is False


@pytest.mark.django_db
def test_same_content_twice_is_stored_once_with_a_new_custody_entry(staff_user):
    # given
    data = _pdf()
    first = evidence_ingest(
        fileobj=io.BytesIO(data), original_name="询问笔录.pdf", actor=staff_user, case_ref="A-1"
    )
    # when
    again = evidence_ingest(
        fileobj=io.BytesIO(data), original_name="笔录副本.pdf", actor=staff_user, case_ref="A-1"
    )
    other_case = evidence_ingest(
        fileobj=io.BytesIO(data), original_name="笔录.pdf", actor=staff_user, case_ref="B-2"
    )
    # then
    assert first.pk == again.pk == other_case.pk
    assert EvidenceFile.objects.count() == 1
    assert CustodyEntry.objects.filter(evidence=first, action="ingest").count() == 3
    assert sorted(EvidenceAttachment.objects.values_list("case_ref", flat=True)) == ["A-1", "B-2"]
    events = AuditEvent.objects.filter(action="core.evidence.ingest").order_by("seq")
    assert [e.data["duplicate"] for e in events] == [False, True, True]


@pytest.mark.django_db
def test_an_unseekable_stream_is_spooled_and_stored(staff_user):
    data = _png()
    evidence = evidence_ingest(fileobj=_Unseekable(data), original_name="x.png", actor=staff_user)
    with storages["evidence"].open(evidence.storage_name, "rb") as fh:
        assert fh.read() == data


def _assert_nothing_written(data: bytes) -> None:
    assert not EvidenceFile.objects.exists()
    assert not EvidenceAttachment.objects.exists()
    assert not CustodyEntry.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="core.evidence").exists()
    assert not storages["evidence"].exists(storage_path(_sha(data)))


@pytest.mark.django_db
def test_an_oversized_file_is_refused_and_nothing_is_written(staff_user, settings):
    # given
    settings.FAZHI = {**settings.FAZHI, "EVIDENCE_MAX_BYTES": 100}
    data = _pdf() + b"0" * 200
    # when
    with pytest.raises(EvidenceRejected) as excinfo:
        evidence_ingest(fileobj=io.BytesIO(data), original_name="大文件.pdf", actor=staff_user)
    # then
    assert excinfo.value.code == "file_too_large"
    assert "超过大小上限" in str(excinfo.value)
    _assert_nothing_written(data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "name", "declared", "message"),
    [
        (
            "png renamed .pdf",
            "询问笔录.pdf",
            None,
            "文件内容为PNG 图片，与扩展名“.pdf”不符，疑似改名",
        ),
        ("declared as pdf", "照片.png", "application/pdf", "与声明的类型“application/pdf”不符"),
        ("executable extension", "照片.exe", None, "不支持的文件类型“.exe”"),
    ],
)
def test_a_mislabelled_file_is_refused_and_nothing_is_written(
    staff_user, _case, name, declared, message
):
    # given
    data = _png()
    # when
    with pytest.raises(EvidenceRejected) as excinfo:
        evidence_ingest(
            fileobj=io.BytesIO(data), original_name=name, actor=staff_user, declared_type=declared
        )
    # then
    assert message in str(excinfo.value)
    _assert_nothing_written(data)


@pytest.mark.django_db
def test_content_of_a_type_not_allowed_is_refused(staff_user):
    data = b"MZ\x90\x00" + os.urandom(300)  # a Windows executable
    with pytest.raises(EvidenceRejected) as excinfo:
        evidence_ingest(fileobj=io.BytesIO(data), original_name="文件", actor=staff_user)
    assert "不在允许范围内" in str(excinfo.value)
    _assert_nothing_written(data)


@pytest.mark.django_db
def test_a_generic_declared_type_is_ignored(staff_user):
    evidence = evidence_ingest(
        fileobj=io.BytesIO(_pdf()),
        original_name="a.pdf",
        actor=staff_user,
        declared_type="application/octet-stream",
    )
    assert evidence.mime_type == "application/pdf"


@pytest.mark.django_db
def test_open_logs_a_view_in_the_custody_record(staff_user):
    data = _pdf()
    evidence = evidence_ingest(fileobj=io.BytesIO(data), original_name="a.pdf", actor=staff_user)
    with evidence_open(evidence=evidence, actor=staff_user) as fh:
        assert fh.read() == data
    assert list(evidence.custody.values_list("action", flat=True)) == ["ingest", "view"]


@pytest.mark.django_db
def test_verify_passes_on_an_intact_store(staff_user):
    for _ in range(2):
        evidence_ingest(fileobj=io.BytesIO(_png()), original_name="p.png", actor=staff_user)
    report = evidence_verify()
    assert (report.checked, report.is_intact) == (2, True)
    call_command("evidence", "verify")  # exits 0: no CommandError


@pytest.mark.django_db
def test_verify_detects_a_tampered_and_a_deleted_file(staff_user, capsys):
    # given
    intact, tampered, deleted = (
        evidence_ingest(fileobj=io.BytesIO(_png()), original_name=f"{i}.png", actor=staff_user)
        for i in range(3)
    )
    storage = storages["evidence"]
    with open(storage.path(tampered.storage_name), "r+b") as fh:
        fh.seek(-1, os.SEEK_END)
        fh.write(b"\x00")
    storage.delete(deleted.storage_name)
    # when
    with pytest.raises(CommandError) as excinfo:
        call_command("evidence", "verify")
    # then
    assert excinfo.value.returncode == 1
    assert "2 个文件缺失或被改动" in str(excinfo.value)
    out = capsys.readouterr().out
    assert f"内容被改动：{tampered.storage_name}" in out
    assert f"文件缺失：{deleted.storage_name}" in out
    assert intact.storage_name not in out


@pytest.mark.django_db
def test_verify_json_lists_each_problem(staff_user, capsys):
    evidence = evidence_ingest(fileobj=io.BytesIO(_pdf()), original_name="a.pdf", actor=staff_user)
    storages["evidence"].delete(evidence.storage_name)
    with pytest.raises(CommandError):
        call_command("evidence", "verify", "--json")
    body = json.loads(capsys.readouterr().out)
    assert body == {
        "checked": 1,
        "intact": False,
        "missing": [evidence.storage_name],
        "mismatched": [],
    }


@pytest.mark.django_db
def test_ingest_command_stores_a_file_for_a_case(staff_user, tmp_path, capsys):
    # given
    path = tmp_path / "录音.wav"
    path.write_bytes(b"RIFF" + struct.pack("<I", 36) + b"WAVEfmt " + os.urandom(24))
    # when
    call_command(
        "evidence", "ingest", str(path), "--case", "C-9", "--user", staff_user.username, "--json"
    )
    # then
    body = json.loads(capsys.readouterr().out)
    assert body["mime_type"] == "audio/wav"
    attachment = EvidenceAttachment.objects.get(case_ref="C-9")
    assert attachment.attached_by == staff_user
    assert attachment.evidence.sha256 == body["sha256"]


@pytest.mark.django_db
def test_ingest_command_exits_1_on_a_refused_file(tmp_path):
    path = tmp_path / "笔录.pdf"
    path.write_bytes(_png())
    with pytest.raises(CommandError) as excinfo:
        call_command("evidence", "ingest", str(path), "--case", "C-9")
    assert excinfo.value.returncode == 1
    assert "疑似改名" in str(excinfo.value)
    assert not EvidenceFile.objects.exists()


@pytest.mark.django_db
def test_a_failure_after_storing_removes_the_bytes_and_rows(staff_user, monkeypatch):
    # given: the audit write fails after the file was stored
    from fazhi.core.services import audit

    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(audit, "record", broken)
    data = _pdf()
    # when
    with pytest.raises(RuntimeError):
        evidence_ingest(fileobj=io.BytesIO(data), original_name="a.pdf", actor=staff_user)
    # then
    _assert_nothing_written(data)


@pytest.mark.parametrize(
    ("_case", "head", "name", "accepted"),
    [
        (
            "docx",
            b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml...word/document.xml",
            "a.docx",
            True,
        ),
        ("plain zip named docx", b"PK\x03\x04" + b"\x00" * 26 + b"data.bin", "a.docx", False),
        ("xlsx named docx", b"PK\x03\x04" + b"\x00" * 26 + b"xl/workbook.xml", "a.docx", False),
        ("ofd", b"PK\x03\x04" + b"\x00" * 26 + b"OFD.xml", "公文.ofd", True),
        ("wav", b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24, "录音.WAV", True),
        ("wav named avi", b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24, "录像.avi", False),
        (
            "mp4 from a recorder",
            b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 40,
            "执法记录.mp4",
            True,
        ),
        ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40, "照片.jpeg", True),
        ("plain text", "询问笔录".encode() * 10, "笔录.txt", False),
    ],
)
def test_content_decides_the_type(_case, head, name, accepted):
    from fazhi.core.domain import evidence as rules

    if accepted:
        assert rules.classify(candidates=rules.sniff(head), original_name=name)
    else:
        with pytest.raises(EvidenceRejected):
            rules.classify(candidates=rules.sniff(head), original_name=name)
