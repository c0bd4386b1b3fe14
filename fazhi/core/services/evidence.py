"""The evidence store: ingest (content-addressed, deduplicated), open with custody, verify.

Files live in ``storages["evidence"]`` at ``sha256/ab/cd/<hash>``: the name *is* the content, so a
second copy of the same exhibit is never stored twice and any change to a stored file shows up as
a hash mismatch in :func:`evidence_verify`.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils.module_loading import autodiscover_modules

from fazhi.core.domain import evidence as rules
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.core.models.evidence import (
    CustodyAction,
    CustodyEntry,
    EvidenceAttachment,
    EvidenceFile,
)
from fazhi.core.services import audit

CHUNK = 1024 * 1024
INGEST_ACTION = "core.evidence.ingest"
TARGET_TYPE = "core.evidencefile"
EvidenceRejected = rules.EvidenceRejected


def storage_path(sha256: str) -> str:
    return f"sha256/{sha256[:2]}/{sha256[2:4]}/{sha256}"


@dataclass(frozen=True)
class _Scan:
    sha256: str
    size: int
    head: bytes


def _scan(source: IO[bytes], sink: IO[bytes] | None, limit: int) -> _Scan:
    """Hash ``source`` chunk by chunk (never whole in memory), copying to ``sink`` if given."""
    digest, size, head = hashlib.sha256(), 0, b""
    while chunk := source.read(CHUNK):
        size += len(chunk)
        rules.check_size(size, limit)  # stop reading as soon as the limit is passed
        digest.update(chunk)
        if len(head) < rules.SNIFF_BYTES:
            head += chunk[: rules.SNIFF_BYTES - len(head)]
        if sink is not None:
            sink.write(chunk)
    rules.check_size(size, limit)
    return _Scan(digest.hexdigest(), size, head)


@contextmanager
def _seekable(fileobj: IO[bytes]) -> Iterator[tuple[IO[bytes], _Scan]]:
    """Scan the file; yield it rewound (spooled to a temporary file if it cannot seek)."""
    limit = settings.FAZHI["EVIDENCE_MAX_BYTES"]
    if getattr(fileobj, "seekable", lambda: False)():
        start = fileobj.tell()
        scan = _scan(fileobj, None, limit)
        fileobj.seek(start)
        yield fileobj, scan
        return
    with tempfile.TemporaryFile() as spool:
        scan = _scan(fileobj, spool, limit)
        spool.seek(0)
        yield spool, scan


def _store(content: IO[bytes], sha256: str) -> tuple[str, bool]:
    """Put the bytes at their content address; returns (name, whether this call wrote them)."""
    storage = storages["evidence"]
    name = storage_path(sha256)
    if storage.exists(name):
        # Left by an ingest whose transaction failed after storing (no row points to it), or
        # written by a concurrent ingest of the same content. Keep it if it is intact.
        with storage.open(name, "rb") as existing:
            if _hash_stream(existing) == sha256:
                return name, False
        storage.delete(name)
    saved = storage.save(name, File(content, name=sha256))
    if saved != name:  # a storage that renames on collision would break content addressing
        storage.delete(saved)
        raise RuntimeError(f"证据存储未按内容地址保存：{saved}")
    return name, True


def _hash_stream(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def evidence_ingest(
    *,
    fileobj: IO[bytes],
    original_name: str,
    actor,
    case_ref: str = "",
    declared_type: str | None = None,
) -> EvidenceFile:
    """Take a file into the evidence store.

    Streams the content once to hash it and enforce ``FAZHI["EVIDENCE_MAX_BYTES"]``, sniffs the
    type from the content and refuses a file whose content contradicts its extension or declared
    type. A refused file leaves nothing behind: no stored bytes, no row, no audit event.

    Same content twice: one stored file; each call adds a custody entry, and the first call per
    case adds an ``EvidenceAttachment``. Audits ``core.evidence.ingest``.

    Raises :class:`EvidenceRejected` (``.code`` tells why, ``str()`` is the Chinese message).
    """
    original_name = (original_name or "").strip()[:255] or "未命名"
    with _seekable(fileobj) as (content, scan):
        file_type = rules.classify(
            candidates=rules.sniff(scan.head),
            original_name=original_name,
            declared_type=declared_type,
        )
        wrote: str | None = None
        try:
            with transaction.atomic():
                evidence = (
                    EvidenceFile.objects.select_for_update().filter(sha256=scan.sha256).first()
                )
                duplicate = evidence is not None
                if evidence is None:
                    name, written = _store(content, scan.sha256)
                    wrote = name if written else None
                    evidence = _create_file(scan, file_type, original_name, name, actor)
                attachment, attached = EvidenceAttachment.objects.get_or_create(
                    evidence=evidence,
                    case_ref=case_ref,
                    defaults={
                        "original_name": original_name,
                        "declared_type": (declared_type or "")[:100],
                        "attached_by": audit.person(actor),
                    },
                )
                note = "内容已在库中，未重复存储" if duplicate else "首次入库"
                if duplicate and not attached:
                    note = "重复提交（同一案件、同一内容）"
                CustodyEntry.objects.create(
                    evidence=evidence,
                    attachment=attachment,
                    actor=audit.person(actor),
                    action=CustodyAction.INGEST,
                    note=f"{note}；文件名：{original_name}"[:255],
                )
                audit.record(
                    actor=actor,
                    action=INGEST_ACTION,
                    target=evidence,
                    data=_audit_data(evidence, original_name, case_ref, duplicate),
                )
        except BaseException:
            if wrote:  # the transaction rolled back: do not leave the bytes behind
                storages["evidence"].delete(wrote)
            raise
    return evidence


def _create_file(scan: _Scan, file_type: rules.FileType, original_name: str, name: str, actor):
    try:
        with transaction.atomic():
            return EvidenceFile.objects.create(
                sha256=scan.sha256,
                size=scan.size,
                mime_type=file_type.mime,
                original_name=original_name,
                storage_name=name,
                uploaded_by=audit.person(actor),
            )
    except IntegrityError:
        # A concurrent ingest of the same content committed first; its row and file serve both.
        return EvidenceFile.objects.get(sha256=scan.sha256)


def _audit_data(
    evidence: EvidenceFile, original_name: str, case_ref: str, duplicate: bool
) -> dict[str, Any]:
    return {
        "sha256": evidence.sha256,
        "size": evidence.size,
        "mime_type": evidence.mime_type,
        "original_name": original_name,
        "case_ref": case_ref,
        "duplicate": duplicate,
    }


class EvidenceTampered(Refused):
    """A stored file no longer matches what was recorded when it was taken in."""

    default_code = "evidence_tampered"
    status = 409


def ingest_hashes(evidence_ids: list[int] | None = None) -> dict[int, str]:
    """The SHA-256 each file had when it was taken in, from the first ``core.evidence.ingest``
    audit event of that file (the audit chain, not the row that may have been edited)."""
    events = AuditEvent.objects.filter(action=INGEST_ACTION, target_type=TARGET_TYPE)
    if evidence_ids is not None:
        events = events.filter(target_id__in=[str(i) for i in evidence_ids])
    found: dict[int, str] = {}
    for target_id, data in events.order_by("seq").values_list("target_id", "data").iterator():
        if target_id.isdigit() and int(target_id) not in found:
            found[int(target_id)] = (data or {}).get("sha256", "")
    return found


def check_file(evidence: EvidenceFile, ingested: str | None) -> VerifyProblem | None:
    """The three records of ingestion — the content address in the storage path, the stored
    hash, the hash in the ingest audit event — must each equal the file's SHA-256 now."""
    storage = storages["evidence"]
    actual = ""
    try:
        with storage.open(evidence.storage_name, "rb") as stream:
            actual = _hash_stream(stream)
    except (FileNotFoundError, OSError):
        actual = ""
    if not actual:
        return VerifyProblem(evidence.sha256, evidence.storage_name, "missing")
    if actual != evidence.sha256:
        return VerifyProblem(evidence.sha256, evidence.storage_name, "mismatch", actual)
    if evidence.storage_name != storage_path(actual):
        return VerifyProblem(evidence.sha256, evidence.storage_name, "address", actual)
    if ingested != actual:
        return VerifyProblem(
            evidence.sha256, evidence.storage_name, "ingest", actual, ingested or ""
        )
    return None


def evidence_open(*, evidence: EvidenceFile, actor, note: str = "") -> IO[bytes]:
    """Open a stored file for reading (调阅): checked first, then logged in its custody record
    and audited as ``core.evidence.open``.

    A file that no longer matches its ingestion records is refused with
    :class:`EvidenceTampered`; the failure is audited (``core.evidence.integrity_failure``) so
    the incident stays on record. The caller closes the returned file. Access control is the
    caller's (selector's) job.
    """
    problem = check_file(evidence, ingest_hashes([evidence.pk]).get(evidence.pk))
    if problem is not None:
        with transaction.atomic():
            audit.record(
                actor=actor,
                action="core.evidence.integrity_failure",
                target=evidence,
                data={"problem": problem.problem, "detail": problem.describe(), "note": note},
            )
        raise EvidenceTampered(
            f"证据文件未通过完整性校验，已拒绝调阅：{problem.describe()}。请报告信息安全负责人。",
            code="evidence_tampered",
        )
    with transaction.atomic():
        CustodyEntry.objects.create(
            evidence=evidence,
            actor=audit.person(actor),
            action=CustodyAction.VIEW,
            note=note[:255],
        )
        audit.record(
            actor=actor,
            action="core.evidence.open",
            target=evidence,
            data={"sha256": evidence.sha256, "note": note[:255]},
        )
    return storages["evidence"].open(evidence.storage_name, "rb")


@dataclass
class VerifyProblem:
    sha256: str
    storage_name: str
    problem: str  # "missing", "mismatch", "address", "ingest"
    actual_sha256: str = ""
    recorded_sha256: str = ""  # for "ingest": the hash in the ingest audit event

    def describe(self) -> str:
        if self.problem == "missing":
            return f"文件缺失：{self.storage_name}"
        if self.problem == "mismatch":
            return f"内容被改动：{self.storage_name}（现哈希 {self.actual_sha256[:16]}…）"
        if self.problem == "address":
            return f"存储路径与内容哈希不符：{self.storage_name}（内容哈希 {self.actual_sha256[:16]}…）"
        if not self.recorded_sha256:
            return f"没有入库审计记录：{self.storage_name}"
        return (
            f"与入库审计记录不符：{self.storage_name}"
            f"（入库时 {self.recorded_sha256[:16]}…，现 {self.actual_sha256[:16]}…）"
        )


@dataclass
class VerifyReport:
    checked: int = 0
    problems: list[VerifyProblem] = field(default_factory=list)

    @property
    def is_intact(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "intact": self.is_intact,
            "missing": [p.storage_name for p in self.problems if p.problem == "missing"],
            "mismatched": [
                {
                    "storage_name": p.storage_name,
                    "problem": p.problem,
                    "expected": p.sha256,
                    "actual": p.actual_sha256,
                    **({"ingested": p.recorded_sha256} if p.problem == "ingest" else {}),
                }
                for p in self.problems
                if p.problem != "missing"
            ],
        }


# Other stores of files whose integrity `fazhi evidence verify` covers (the frozen lists of
# 双随机 draws …): each app registers a check in its ``integrity`` module.
StoredCheck = Callable[[], Iterator[VerifyProblem]]
_extra_checks: dict[str, StoredCheck] = {}


def register_check(label: str) -> Callable[[StoredCheck], StoredCheck]:
    def decorate(check: StoredCheck) -> StoredCheck:
        _extra_checks[label] = check
        return check

    return decorate


def extra_checks() -> dict[str, StoredCheck]:
    autodiscover_modules("integrity")
    return dict(_extra_checks)


def evidence_verify(*, on_file: Callable[[EvidenceFile], None] | None = None) -> VerifyReport:
    """Check every stored file against its ingestion records (see :func:`check_file`), then
    every registered store (frozen draw lists); report what is missing or altered.

    Reads only (writes nothing); ``on_file`` is called after each file, for progress display.
    """
    report = VerifyReport()
    ingested = ingest_hashes()
    for evidence in EvidenceFile.objects.order_by("pk").iterator(chunk_size=500):
        report.checked += 1
        problem = check_file(evidence, ingested.get(evidence.pk))
        if problem is not None:
            report.problems.append(problem)
        if on_file is not None:
            on_file(evidence)
    for check in extra_checks().values():
        for problem in check():  # yields None for each intact file, or its problem
            report.checked += 1
            if problem is not None:
                report.problems.append(problem)
    return report


def evidence_count() -> int:
    return EvidenceFile.objects.count()
