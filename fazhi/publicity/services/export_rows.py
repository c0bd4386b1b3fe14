"""Reading, checking and writing the rows of a 双公示 export (`exchange.shuanggongshi_export`
runs it).

A million rows are read, checked and written here, so the loop avoids per-row overheads that do
not change the result: rows are plain named tuples converted column by column (the dates by
``date.fromisoformat``, the category lists decoded once per distinct text), and lines go to the
file a chunk at a time. docs/dev/publicity.md has the measured rates.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import chain
from json.encoder import encode_basestring
from pathlib import Path

from django.db.models import Q
from django.db.models.sql.constants import MULTI

from fazhi.core.xlsx_stream import XlsxStreamWriter
from fazhi.publicity.domain import fields as columns
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import ExchangeStatus, ExportFormat, Kind, Status
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import PublicityRecord, record_no

REPORT_HEADER = ["数据编号", "文书号", "行政相对人名称", "字段", "问题"]
SAMPLE = 50  # problems kept in memory for the console; the report file has all of them

_LICENSE_ONLY = (
    "document_title",
    "license_category",
    "licence_name",
    "licence_number",
    "valid_from",
    "valid_to",
)
_PENALTY_ONLY = (
    "violation_type",
    "facts",
    "basis",
    "penalty_categories",
    "fine_yuan",
    "confiscation_yuan",
    "licence_measure",
)
_NEVER_READ = ("party_phone", "party_address")  # no column carries them: not even fetched


def value_fields(kind: Kind) -> tuple[str, ...]:
    """Columns read for an export: what the kind's data items and the exchange columns need."""
    skip = {*_NEVER_READ, *(_PENALTY_ONLY if kind == Kind.LICENSE else _LICENSE_ONLY)}
    names = [n for n in DecisionData.field_names() if n not in skip]
    return ("id", "status", "publicity_ends_on", "withdrawal_change", "withdrawal_reason", *names)


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
    converters = [
        (pos, _column_converter(convs, expression, compiler.connection))
        for pos, (convs, expression) in compiler.get_converters(columns).items()
    ]
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


class CsvWriter:
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


class JsonWriter:
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
        self._fh.write((JSON_OPEN if self._first else JSON_SEPARATOR) + self._objects(rows))
        self._first = False

    def close(self) -> None:
        self._fh.write(JSON_CLOSE)
        self._fh.close()


JSON_OPEN, JSON_SEPARATOR, JSON_CLOSE = "\n", ",\n", "\n]\n"  # after "[", between, at the end


def sheet_title(kind: Kind) -> str:
    return "行政许可" if kind == Kind.LICENSE else "行政处罚"


def open_writer(fmt: ExportFormat, path: Path, kind: Kind):
    header = columns.header(kind)
    if fmt == ExportFormat.CSV:
        return CsvWriter(path, header)
    if fmt == ExportFormat.JSON:
        return JsonWriter(path, header)
    return XlsxStreamWriter(path, header, sheet_title(kind))


# --- the loop -----------------------------------------------------------------------------


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
            exchange = make(
                record_no(row.id), ends_on, True, row.withdrawal_reason, row.withdrawal_change
            )
            yield row, problems, build(row, exchange, style)
        else:
            yield row, problems, build(row, make(record_no(row.id), ends_on), style)


@dataclass
class Tally:
    """What an export (or one worker's part of it) counted."""

    checked: int = 0
    rows: int = 0
    withdrawals: int = 0
    invalid: int = 0
    problems: list[dict] = field(default_factory=list)


def export_rows(
    kind: Kind,
    qs,
    *,
    style: str,
    chunk: int,
    report,
    writer,
    tally,
    tick: Callable[[int], None] | None = None,
) -> None:
    """Check every record of ``qs``: a problem goes to ``report`` (a csv.writer) and to the
    tally's sample, a valid line to ``writer`` (None: validation only). ``tally`` is a `Tally`
    or anything with its attributes; ``tick(n)`` after each chunk of ``n`` records."""
    names = value_fields(kind)
    withdrawn = Status.WITHDRAWN
    for rows in _read(qs.values_list(*names), names, chunk):
        lines = []
        for row, problems, line in iter_checked(kind, rows, style):
            if problems:
                tally.invalid += 1
                number = record_no(row.id)
                for p in problems:
                    report.writerow(
                        [number, row.document_number, row.party_name, p.code, p.message]
                    )
                if len(tally.problems) < SAMPLE:
                    tally.problems.append(
                        {
                            "record": number,
                            "document_number": row.document_number,
                            "problems": [str(p) for p in problems],
                        }
                    )
            elif writer is not None:
                lines.append(line)
                tally.withdrawals += row.status == withdrawn
        tally.checked += len(rows)
        if writer is not None:
            writer.write_rows(lines)
            tally.rows += len(lines)
        if tick:
            tick(len(rows))
