"""The 双公示 exchange: streaming export with a pre-flight report, and the receipt import.

Export (``fazhi export shuanggongshi``): the published and withdrawn records of one kind whose
content changed since the last *accepted* batch (or ``since``), plus every record the receiving
side rejected before. Rows are read in chunks (a server-side cursor on PostgreSQL) and written
chunk by chunk (csv.writer, a streamed JSON array, a streamed XLSX sheet), so memory stays flat;
one process writes 200,000 rows well inside 30 seconds (bench/bench_export.py).
Every row is validated on the way; invalid ones never reach the file: by default the whole
export is refused (the temporary file is deleted, exit 1), with ``skip_invalid`` the valid rows
are kept. The pre-flight report (one line per problem) is written next to the file either way.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import PUBLICITY_EXCHANGE, require
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.publicity import conf, selectors
from fazhi.publicity.domain import fields as columns
from fazhi.publicity.domain.enums import BatchStatus, ExchangeStatus, ExportFormat, Kind
from fazhi.publicity.models import ExportBatch, PublicityRecord
from fazhi.publicity.services.export_rows import (
    REPORT_HEADER,
    export_queryset,
    export_rows,
    open_writer,
)

BASIS_EXCHANGE = "双公示数据标准（国家公共信用信息中心）"


@dataclass
class ExportResult:
    kind: str
    format: str
    since: datetime | None
    out: Path
    report: Path
    validate_only: bool
    skip_invalid: bool
    checked: int = 0
    rows: int = 0
    withdrawals: int = 0
    invalid: int = 0
    problems: list[dict] = field(default_factory=list)
    sha256: str = ""
    batch: ExportBatch | None = None

    @property
    def refused(self) -> bool:
        return self.invalid > 0 and not self.skip_invalid

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "format": self.format,
            "since": self.since.isoformat() if self.since else None,
            "out": str(self.out) if self.batch else None,
            "report": str(self.report),
            "validate_only": self.validate_only,
            "checked": self.checked,
            "rows": self.rows,
            "withdrawals": self.withdrawals,
            "invalid": self.invalid,
            "refused": self.refused,
            "sha256": self.sha256 or None,
            "batch": self.batch.pk if self.batch else None,
            "problems": self.problems,
        }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def report_path(out: Path) -> Path:
    return out.with_name(out.name + ".preflight.csv")


def shuanggongshi_export(
    *,
    kind: str,
    fmt: str,
    out: Path,
    actor,
    since: date | datetime | None = None,
    validate_only: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
) -> ExportResult:
    """Export one kind of decision; see the module docstring. Returns what happened; an export
    that is refused (invalid records, no ``skip_invalid``) leaves no file and no batch.
    ``progress(done, total)`` is called as records are checked."""
    require(actor, PUBLICITY_EXCHANGE)
    try:
        kind, fmt = Kind(kind), ExportFormat(fmt)
    except ValueError as exc:
        raise Refused(f"参数不合法：{exc}", BASIS_EXCHANGE) from None
    if kind not in columns.COLUMNS:
        raise Refused("双公示只交换行政许可和行政处罚决定", BASIS_EXCHANGE)
    style = conf.get("SHUANGGONGSHI_DATE_FORMAT")
    chunk = int(conf.get("SHUANGGONGSHI_CHUNK_SIZE"))
    started_at = timezone.now()
    if since is None:
        last = selectors.last_accepted_batch(kind=kind)
        since = last.started_at if last else None
    elif not isinstance(since, datetime):
        since = timezone.make_aware(datetime.combine(since, datetime.min.time()))
    out = Path(out)
    result = ExportResult(kind, fmt, since, out, report_path(out), validate_only, skip_invalid)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        total = export_queryset(kind=kind, since=since).count() if progress else None
        _export_here(kind, fmt, since, style, chunk, tmp, result, progress, total)
        if not validate_only:
            if result.refused:
                tmp.unlink(missing_ok=True)
            else:
                os.replace(tmp, out)
                result.sha256 = _sha256(out)
                result.batch = export_batch_record(
                    result=result, started_at=started_at, actor=actor
                )
    finally:  # an exception mid-way (or a refusal): no partial file is left behind
        tmp.unlink(missing_ok=True)
    return result


def _export_here(kind, fmt, since, style, chunk, tmp, result, progress, total) -> None:
    writer = None if result.validate_only else open_writer(fmt, tmp, kind)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    try:
        with open(result.report, "w", encoding="utf-8-sig", newline="") as report_fh:
            report = csv.writer(report_fh)
            report.writerow(REPORT_HEADER)
            export_rows(
                kind,
                export_queryset(kind=kind, since=since),
                style=style,
                chunk=chunk,
                report=report,
                writer=writer,
                tally=result,
                tick=tick if progress else None,
            )
    finally:
        if writer is not None:
            writer.close()


@transaction.atomic
def export_batch_record(*, result: ExportResult, started_at: datetime, actor) -> ExportBatch:
    require(actor, PUBLICITY_EXCHANGE)
    batch = ExportBatch.objects.create(
        kind=result.kind,
        format=result.format,
        since=result.since,
        started_at=started_at,
        file_name=str(result.out),
        row_count=result.rows,
        withdrawal_count=result.withdrawals,
        skipped_count=result.invalid,
        sha256=result.sha256,
        status=BatchStatus.SENT,
    )
    audit.record(
        actor=actor,
        action="publicity.batch.export",
        target=batch,
        data={
            "kind": result.kind,
            "format": result.format,
            "rows": result.rows,
            "withdrawals": result.withdrawals,
            "skipped": result.invalid,
            "sha256": result.sha256,
            "since": result.since.isoformat() if result.since else None,
        },
    )
    return batch


# --- receipt ------------------------------------------------------------------------------

RECEIPT_OK = {"接收成功", "成功"}
RECEIPT_FAIL = {"接收失败", "失败"}


@dataclass
class ReceiptResult:
    batch: ExportBatch
    accepted: int = 0
    rejected: int = 0
    bad_lines: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "batch": self.batch.pk,
            "status": self.batch.status,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "bad_lines": [{"line": n, "reason": r} for n, r in self.bad_lines],
        }


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Refused("回执文件既不是 UTF-8 也不是 GBK 编码", BASIS_EXCHANGE)


def _find(kind: str, number: str, document: str) -> PublicityRecord | None:
    if number:
        pk = number.upper().removeprefix("GS")
        if not pk.isdigit():
            return None
        return PublicityRecord.objects.filter(kind=kind, pk=int(pk)).first()
    matches = list(PublicityRecord.objects.filter(kind=kind, document_number=document)[:2])
    return matches[0] if len(matches) == 1 else None


@transaction.atomic
def receipt_import(
    *, raw: bytes, file_name: str, actor, batch: ExportBatch | None = None
) -> ReceiptResult:
    """Apply the receiving side's receipt (CSV: 数据编号 or 文书号, 状态 接收成功/接收失败, 原因).

    Good lines mark their record accepted or rejected (with the reason); bad lines are reported
    with their line number and reason. The batch becomes accepted when at least one row was
    accepted (it is then the baseline of the next incremental export; rejected records are
    re-sent), rejected when every row failed. Refuses a file with no usable column or no batch.
    """
    require(actor, PUBLICITY_EXCHANGE)
    if batch is None:
        batch = ExportBatch.objects.filter(status=BatchStatus.SENT).order_by("-created_at").first()
    if batch is None:
        raise Refused("没有待回执的导出批次", BASIS_EXCHANGE)
    batch = ExportBatch.objects.select_for_update().get(pk=batch.pk)
    reader = csv.DictReader(io.StringIO(_decode(raw)))
    names = {(n or "").strip() for n in reader.fieldnames or ()}
    if "状态" not in names or not names & {"数据编号", "文书号"}:
        raise Refused("回执文件缺少列：须有“状态”，以及“数据编号”或“文书号”", BASIS_EXCHANGE)
    result = ReceiptResult(batch)
    now = timezone.now()
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        state, reason = row.get("状态", ""), row.get("原因", "")
        if state not in RECEIPT_OK | RECEIPT_FAIL:
            result.bad_lines.append((line, f"状态“{state}”应为“接收成功”或“接收失败”"))
            continue
        record = _find(batch.kind, row.get("数据编号", ""), row.get("文书号", ""))
        if record is None:
            result.bad_lines.append((line, "找不到对应的公示记录（数据编号或文书号不符）"))
            continue
        ok = state in RECEIPT_OK
        if not ok and not reason:
            reason = "接收方未说明原因"
        PublicityRecord.objects.filter(pk=record.pk).update(
            exchange_status=ExchangeStatus.ACCEPTED if ok else ExchangeStatus.REJECTED,
            exchange_reason="" if ok else reason,
            exchange_batch=batch,
            updated_at=now,
        )
        if ok:
            result.accepted += 1
        else:
            result.rejected += 1
    if result.accepted == 0 and result.rejected == 0:
        raise Refused(
            "回执文件没有可用的行：" + "；".join(f"第{n}行{r}" for n, r in result.bad_lines[:10]),
            BASIS_EXCHANGE,
        )
    batch.accepted_count += result.accepted
    batch.rejected_count += result.rejected
    batch.status = BatchStatus.ACCEPTED if batch.accepted_count else BatchStatus.REJECTED
    batch.receipt_file, batch.receipt_at = file_name, now
    batch.save()
    audit.record(
        actor=actor,
        action="publicity.batch.receipt",
        target=batch,
        data={
            "file": file_name,
            "accepted": result.accepted,
            "rejected": result.rejected,
            "bad_lines": len(result.bad_lines),
            "status": batch.status,
        },
    )
    return result
