"""The 双公示 exchange: streaming export with a pre-flight report, and the receipt import.

Export (``fazhi export shuanggongshi``): the published and withdrawn records of one kind whose
content changed since the last *accepted* batch (or ``since``), plus every record the receiving
side rejected before. Rows are read in chunks (a server-side cursor on PostgreSQL) and written
chunk by chunk (csv.writer, a streamed JSON array, openpyxl write-only), so memory stays flat.
Every row is validated on the way; invalid ones never reach the file: by default the whole
export is refused (the temporary file is deleted, exit 1), with ``skip_invalid`` the valid rows
are kept. The pre-flight report (one line per problem) is written next to the file either way.

A million rows are read, checked and written here, so the loop avoids per-row overheads that do
not change the result: rows are plain named tuples converted column by column (the dates by
``date.fromisoformat``, the category lists decoded once per distinct text), and lines go to the
file a chunk at a time. docs/dev/publicity.md has the measured rates.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import chain
from json.encoder import encode_basestring
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.db.models.sql.constants import MULTI
from django.utils import timezone

from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.publicity import conf, selectors
from fazhi.publicity.domain import fields as columns
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import (
    BatchStatus,
    ExchangeStatus,
    ExportFormat,
    Kind,
    Status,
)
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import ExportBatch, PublicityRecord, record_no

BASIS_EXCHANGE = "双公示数据标准（国家公共信用信息中心）"
REPORT_HEADER = ["数据编号", "文书号", "行政相对人名称", "字段", "问题"]
SAMPLE = 50  # problems kept in memory for the console; the report file has all of them
_LICENSE_ONLY = ("document_title", "license_category", "licence_name", "licence_number",
                 "valid_from", "valid_to")  # fmt: skip
_PENALTY_ONLY = ("violation_type", "facts", "basis", "penalty_categories", "fine_yuan",
                 "confiscation_yuan", "licence_measure")  # fmt: skip
_NEVER_READ = ("party_phone", "party_address")  # no column carries them: not even fetched


def value_fields(kind: Kind) -> tuple[str, ...]:
    """Columns read for an export: what the kind's data items and the exchange columns need."""
    skip = {*_NEVER_READ, *(_PENALTY_ONLY if kind == Kind.LICENSE else _LICENSE_ONLY)}
    names = [n for n in DecisionData.field_names() if n not in skip]
    return ("id", "status", "publicity_ends_on", "withdrawal_change", "withdrawal_reason", *names)


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
            "kind": self.kind, "format": self.format,
            "since": self.since.isoformat() if self.since else None,
            "out": str(self.out) if self.batch else None, "report": str(self.report),
            "validate_only": self.validate_only, "checked": self.checked, "rows": self.rows,
            "withdrawals": self.withdrawals, "invalid": self.invalid, "refused": self.refused,
            "sha256": self.sha256 or None, "batch": self.batch.pk if self.batch else None,
            "problems": self.problems,
        }  # fmt: skip


def export_queryset(*, kind: str, since: datetime | None):
    qs = PublicityRecord.objects.filter(
        kind=kind, status__in=(Status.PUBLISHED, Status.WITHDRAWN), published_on__isnull=False
    )
    if since is not None:
        qs = qs.filter(
            Q(content_changed_at__gte=since) | Q(exchange_status=ExchangeStatus.REJECTED)
        )
    return qs.order_by("id")


# --- reading ------------------------------------------------------------------------------


def _column_converter(convs: list, expression, connection) -> Callable:
    """One column's conversion from the database value, as Django's ``from_db_value`` and
    backend converters do it, with the two costly ones of an export made cheap."""

    def generic(value):
        for convert in convs:
            value = convert(value, expression, connection)
        return value

    kind = expression.output_field.get_internal_type()
    if kind == "DateField":  # SQLite returns ISO text; Django's parse_date starts the same way

        def to_date(value):
            if value is None or type(value) is date:
                return value
            try:
                return date.fromisoformat(value)
            except (TypeError, ValueError):
                return generic(value)

        return to_date
    if kind == "JSONField":  # the category lists: a handful of distinct values, decoded once

        @lru_cache(maxsize=4096)
        def decoded(text):
            value = generic(text)
            return tuple(value) if isinstance(value, list) else value

        def to_json(value):
            return decoded(value) if isinstance(value, str) else generic(value)

        return to_json
    return generic


def _read(qs, names: tuple[str, ...], chunk: int) -> Iterator[list]:
    """Chunks of rows as named tuples with attributes ``names`` (the values_list fields), read
    with a server-side cursor where the backend has one (what ``.iterator()`` does)."""
    compiler = qs.query.get_compiler(qs.db)
    server_side = not compiler.connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS")
    chunks = compiler.execute_sql(MULTI, chunked_fetch=server_side, chunk_size=chunk)
    columns = [s[0] for s in compiler.select[: compiler.col_count]]
    converters = [(pos, _column_converter(convs, expression, compiler.connection))
                  for pos, (convs, expression) in compiler.get_converters(columns).items()]  # fmt: skip
    make = namedtuple("Row", names)._make
    for rows in chunks:
        if converters and rows:
            values = list(zip(*rows, strict=True))
            for pos, convert in converters:
                values[pos] = map(convert, values[pos])
            rows = zip(*values, strict=True)
        yield list(map(make, rows))


# --- streaming writers --------------------------------------------------------------------


def _plain_text(rows: list[list[str]], special: re.Pattern) -> list[str] | None:
    """The chunk's values in order when all are text (``str.join`` accepts only that) and none
    contains a character of ``special``; None otherwise."""
    values = list(chain.from_iterable(rows))
    try:
        text = "".join(values)
    except TypeError:
        return None
    return None if special.search(text) else values


class _CsvWriter:
    """csv.writer's output. A chunk whose values hold no comma, quote or line break (nothing
    QUOTE_MINIMAL quotes) is joined directly: the same bytes, a third of the time."""

    _SPECIAL = re.compile(r'[,"\r\n]')

    def __init__(self, path: Path, header: list[str]):
        # UTF-8 with BOM: the file opens correctly in Excel and WPS.
        self._fh = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        csv.writer(self._fh).writerow(header)
        self._width = len(header)

    def write_rows(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        # one field alone, when empty, is written quoted: leave that to csv.writer
        plain = self._width > 1 and _plain_text(rows, self._SPECIAL) is not None
        if plain and all(len(row) == self._width for row in rows):
            self._fh.write("\r\n".join(map(",".join, rows)) + "\r\n")
            return
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        self._fh.write(buffer.getvalue())

    def close(self) -> None:
        self._fh.close()


class _JsonWriter:
    """A JSON array of objects keyed by column code, written chunk by chunk; each object is
    what ``json.dumps(dict(zip(header, row)), ensure_ascii=False)`` writes. A chunk whose values
    need no escaping (no quote, backslash or control character) fills a template instead."""

    _SPECIAL = re.compile(r'[\x00-\x1f\\"]')

    def __init__(self, path: Path, header: list[str]):
        self._fh = open(path, "w", encoding="utf-8")  # noqa: SIM115
        self._header = header
        self._first = True
        self._fh.write("[")
        self._encode = json.JSONEncoder(ensure_ascii=False).encode
        # '{"K1": "%s", "K2": "%s", …}': each value goes between its quotes as it is
        keys = (encode_basestring(k).replace("%", "%%") for k in header)
        self._template = "{" + ", ".join(f'{k}: "%s"' for k in keys) + "}"

    def _objects(self, rows: list[list[str]]) -> str:
        values = _plain_text(rows, self._SPECIAL)
        if values is not None and len(values) == len(self._header) * len(rows):
            return ",\n".join([self._template] * len(rows)) % tuple(values)
        header, encode = self._header, self._encode
        return ",\n".join(encode(dict(zip(header, row, strict=True))) for row in rows)

    def write_rows(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        self._fh.write(("\n" if self._first else ",\n") + self._objects(rows))
        self._first = False

    def close(self) -> None:
        self._fh.write("\n]\n")
        self._fh.close()


class _XlsxWriter:
    """openpyxl write-only mode: rows go to a temporary XML stream as inline strings (no shared
    string table in memory). A sheet holds 1,048,576 rows; more continue on a new sheet."""

    MAX_ROWS = 1_048_575  # data rows under the header

    def __init__(self, path: Path, header: list[str], title: str):
        from openpyxl import Workbook

        self._path, self._header, self._title = path, header, title
        self._book = Workbook(write_only=True)
        self._sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self._sheets += 1
        name = self._title if self._sheets == 1 else f"{self._title}{self._sheets}"
        self._sheet = self._book.create_sheet(name)
        self._sheet.append(self._header)
        self._rows = 0

    def write_rows(self, rows: list[list[str]]) -> None:
        for row in rows:
            if self._rows == self.MAX_ROWS:
                self._new_sheet()
            self._sheet.append(row)
            self._rows += 1

    def close(self) -> None:
        self._book.save(self._path)


def _writer(fmt: ExportFormat, path: Path, header: list[str], kind: Kind):
    if fmt == ExportFormat.CSV:
        return _CsvWriter(path, header)
    if fmt == ExportFormat.JSON:
        return _JsonWriter(path, header)
    return _XlsxWriter(path, header, "行政许可" if kind == Kind.LICENSE else "行政处罚")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def report_path(out: Path) -> Path:
    return out.with_name(out.name + ".preflight.csv")


def iter_checked(kind: Kind, rows, style: str):
    """(row, problems, line or None) per record: the masked export line of a valid record.

    ``rows`` are ``values_list(*value_fields(kind), named=True)`` rows: they carry the attribute
    names of `DecisionData`, so the rules read them directly (no object per row to build).
    """
    build, make = columns.ROW_BUILDERS[kind], columns.Exchange
    for row in rows:
        ends_on = row.publicity_ends_on
        problems = validate(kind, row, ends_on=ends_on)
        if problems:
            yield row, problems, None
        elif row.status == Status.WITHDRAWN:
            exchange = make(record_no(row.id), ends_on, True, row.withdrawal_reason,
                            row.withdrawal_change)  # fmt: skip
            yield row, problems, build(row, exchange, style)
        else:
            yield row, problems, build(row, make(record_no(row.id), ends_on), style)


def shuanggongshi_export(*, kind: str, fmt: str, out: Path, actor, since: date | datetime | None = None,
                         validate_only: bool = False, skip_invalid: bool = False,
                         progress: Callable[[int], None] | None = None) -> ExportResult:  # fmt: skip
    """Export one kind of decision; see the module docstring. Returns what happened; an export
    that is refused (invalid records, no ``skip_invalid``) leaves no file and no batch."""
    try:
        kind, fmt = Kind(kind), ExportFormat(fmt)
    except ValueError as exc:
        raise Refused(f"参数不合法：{exc}", BASIS_EXCHANGE) from None
    if kind not in columns.COLUMNS:
        raise Refused("双公示只交换行政许可和行政处罚决定", BASIS_EXCHANGE)
    header = columns.header(kind)
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
    writer = None if validate_only else _writer(fmt, tmp, header, kind)
    names = value_fields(kind)
    chunks = _read(export_queryset(kind=kind, since=since).values_list(*names), names, chunk)
    withdrawn = Status.WITHDRAWN
    try:
        with open(result.report, "w", encoding="utf-8-sig", newline="") as report_fh:
            report = csv.writer(report_fh)
            report.writerow(REPORT_HEADER)
            for rows in chunks:
                lines = []
                for row, problems, line in iter_checked(kind, rows, style):
                    result.checked += 1
                    if problems:
                        result.invalid += 1
                        number = record_no(row.id)
                        for p in problems:
                            report.writerow([number, row.document_number, row.party_name, p.code,
                                             p.message])  # fmt: skip
                        if len(result.problems) < SAMPLE:
                            result.problems.append({
                                "record": number, "document_number": row.document_number,
                                "problems": [str(p) for p in problems],
                            })  # fmt: skip
                    elif writer is not None:
                        lines.append(line)
                        result.withdrawals += row.status == withdrawn
                    if progress and result.checked % 10_000 == 0:
                        progress(result.checked)
                if writer is not None:
                    writer.write_rows(lines)
                    result.rows += len(lines)
        if writer is not None:
            writer.close()
            writer = None
            if result.refused:
                tmp.unlink()
            else:
                os.replace(tmp, out)
                result.sha256 = _sha256(out)
                result.batch = export_batch_record(
                    result=result, started_at=started_at, actor=actor
                )
    finally:
        if writer is not None:  # an exception mid-way: no partial file is left behind
            try:
                writer.close()
            finally:
                tmp.unlink(missing_ok=True)
    return result


@transaction.atomic
def export_batch_record(*, result: ExportResult, started_at: datetime, actor) -> ExportBatch:
    batch = ExportBatch.objects.create(
        kind=result.kind, format=result.format, since=result.since, started_at=started_at,
        file_name=str(result.out), row_count=result.rows, withdrawal_count=result.withdrawals,
        skipped_count=result.invalid, sha256=result.sha256, status=BatchStatus.SENT,
    )  # fmt: skip
    audit.record(actor=actor, action="publicity.batch.export", target=batch, data={
        "kind": result.kind, "format": result.format, "rows": result.rows,
        "withdrawals": result.withdrawals, "skipped": result.invalid, "sha256": result.sha256,
        "since": result.since.isoformat() if result.since else None,
    })  # fmt: skip
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
        return {"batch": self.batch.pk, "status": self.batch.status, "accepted": self.accepted,
                "rejected": self.rejected,
                "bad_lines": [{"line": n, "reason": r} for n, r in self.bad_lines]}  # fmt: skip


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
            exchange_reason="" if ok else reason, exchange_batch=batch, updated_at=now,
        )  # fmt: skip
        if ok:
            result.accepted += 1
        else:
            result.rejected += 1
    if result.accepted == 0 and result.rejected == 0:
        raise Refused("回执文件没有可用的行：" + "；".join(
            f"第{n}行{r}" for n, r in result.bad_lines[:10]), BASIS_EXCHANGE)  # fmt: skip
    batch.accepted_count += result.accepted
    batch.rejected_count += result.rejected
    batch.status = BatchStatus.ACCEPTED if batch.accepted_count else BatchStatus.REJECTED
    batch.receipt_file, batch.receipt_at = file_name, now
    batch.save()
    audit.record(actor=actor, action="publicity.batch.receipt", target=batch, data={
        "file": file_name, "accepted": result.accepted, "rejected": result.rejected,
        "bad_lines": len(result.bad_lines), "status": batch.status,
    })  # fmt: skip
    return result
