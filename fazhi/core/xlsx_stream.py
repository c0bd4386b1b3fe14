"""A streaming XLSX writer for the 双公示 export: the sheet XML is templated as text and deflated
straight into a zip member (the standard library's ``zipfile``, streamed).

Why not a library (docs/dev/decisions/0006-xlsx-export-writer.md): openpyxl, even in write-only
mode, makes a cell object per value (about 4,000 rows/s of 33 text cells); XlsxWriter in
``constant_memory`` mode writes each cell through ``write_string``. Measured side by side in one
process on 100,000 rows of 33 Chinese text cells (2026-12-07, CPU seconds): this writer 1.4 s,
XlsxWriter 15.0 s. A city's year of 200,000 rows would spend 30 s in XlsxWriter alone, past the
30-second target before any validation. Here a chunk of rows becomes one string (a join over its
values; per-value work only for the rare chunk that needs escaping) that is encoded once and
written in one call.

What a reader gets back is what openpyxl's write-only writer gives for the same rows (every
value an inline string, so "0012" stays text), with three deliberate differences:

* a None is written as an empty cell rather than left out, so ``read_only`` rows (openpyxl does
  not write a <dimension> in write-only mode either) keep their full width;
* a value starting with "=" stays text: openpyxl makes it a formula, which Excel would compute
  (or report as broken);
* characters XML 1.0 does not allow are dropped where openpyxl raises IllegalCharacterError.

The package holds only the parts SpreadsheetML requires (no docProps, no theme). Nothing is kept per row,
so memory stays flat however many rows are written; a sheet's XML is only written while it is
open, so sheets follow one another.
"""

from __future__ import annotations

import re
import zipfile
from itertools import chain
from pathlib import Path

# zlib level 1: on cells full of Chinese text, deflating is most of the writer's time, and
# levels 3 and 6 took 1.6 and 2.7 times as long for files 2% and 6% smaller. The file is still
# smaller than openpyxl's at level 6, which spends bytes on a reference in every cell.
COMPRESSLEVEL = 1
BLOCK_ROWS = 2000  # rows templated, encoded and written at a time
MAX_CELL = 32_767  # Excel's limit on a cell's characters
# A sheet's XML stays under 2 GiB, where zipfile would need ZIP64 for the member: Excel is known
# to reject ZIP64 headers on members that do not need them (Apache COMPRESS-474), and whether a
# streamed member needs them must be settled before it is written. A fuller sheet continues on
# the next one, as a sheet with more than MAX_ROWS rows does.
SHEET_BYTES = 2_000_000_000

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_OPEN = '<c t="inlineStr"><is><t>'
_OPEN_PRESERVE = '<c t="inlineStr"><is><t xml:space="preserve">'
_CLOSE = "</t></is></c>"
_EMPTY = "<c/>"  # keeps the column position; reads back as None, as openpyxl's empty cell does
_ROW_START = "<row>" + _OPEN
_CELL_BREAK = _CLOSE + _OPEN
_ROW_BREAK = _CLOSE + "</row>\n<row>" + _OPEN
_ROW_END = _CLOSE + "</row>\n"
_SHEET_END = b"</sheetData></worksheet>"

# Not allowed anywhere in an XML 1.0 document (lone surrogates could not even be encoded).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Line breaks become character references so that a row stays on one line (rows that do not fit
# on a sheet are split at line ends); "\r" would otherwise read back as "\n".
# Text like "_x0041_" is written as it is, as openpyxl writes it (Excel decodes it to "A").
_SPECIAL = re.compile(r"[&<>\r\n]")
_INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")  # what Excel refuses in a sheet name

_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_SHEET_TYPE = f"{_CT}.worksheet+xml"
_CONTENT_TYPES = (
    f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
    "<!--sheets--></Types>"
)
_ROOT_RELS = (
    f'{_XML_DECL}<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
# The one cell format every cell uses (Excel wants the two default fills and a border entry).
_STYLES = (
    f'{_XML_DECL}<styleSheet xmlns="{_MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
        .replace("\n", "&#10;")
    )


def _cell(value: str | None) -> str:
    """One <c> element, each step only when the value needs it (the slow path)."""
    if value is None or value == "":
        return _EMPTY
    if not isinstance(value, str):
        value = str(value)
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    # openpyxl cuts a longer text at 32,767 characters (code points, where Excel counts UTF-16
    # units), silently; so does this, since a longer cell is not valid in Excel anyway.
    value = value[:MAX_CELL]
    if not value:
        return _EMPTY
    # openpyxl preserves when value != value.strip(); a line break is preserved as well
    preserve = value[0].isspace() or value[-1].isspace() or "\n" in value or "\r" in value
    if _SPECIAL.search(value):
        value = _escape(value)
    return (_OPEN_PRESERVE if preserve else _OPEN) + value + _CLOSE


def _plain_rows_xml(rows: list[list[str]]) -> str | None:
    """The rows' XML by joining their values into a template, or None when a value is not text
    or needs more than that (escaping, dropping characters, xml:space, truncation)."""
    try:
        text = "".join(chain.from_iterable(rows))
    except TypeError:  # None, or not text at all
        return None
    # isprintable() is one C pass that rules out control characters, line breaks, lone
    # surrogates, \ufffe/\uffff and any whitespace but " " (a regex class took twice as long).
    if not text.isprintable() or "&" in text or "<" in text or ">" in text or not all(rows):
        return None  # (an empty row would get one empty cell)
    if " " in text:
        joined = "\x00".join(chain.from_iterable(rows))  # no value holds "\x00" (not printable)
        if joined[0] == " " or joined[-1] == " " or " \x00" in joined or "\x00 " in joined:
            return None  # a value starting or ending with a space: xml:space="preserve"
    row_xml = list(map(_CELL_BREAK.join, rows))
    # Only a row whose XML is that long can hold a value to truncate (checking each value
    # every time cost more than the rest of these tests together).
    if max(map(len, row_xml)) > MAX_CELL and max(map(len, chain.from_iterable(rows))) > MAX_CELL:
        return None
    xml = _ROW_START + _ROW_BREAK.join(row_xml) + _ROW_END
    return xml.replace(_OPEN + _CLOSE, _EMPTY)  # no "<" in the values, so only empty cells match


def rows_xml(rows: list[list[str | None]]) -> str:
    """The <row> elements of these rows, one per line ('<row>…</row>\\n' each), every value an
    inline string (<c t="inlineStr"><is><t>…</t></is></c>). There are no r= attributes (they are
    optional; readers number rows and cells in order), so a None or '' is written as an empty
    <c/> to keep the later cells in their columns."""
    parts = []
    for start in range(0, len(rows), BLOCK_ROWS):
        block = rows[start : start + BLOCK_ROWS]
        xml = _plain_rows_xml(block)
        if xml is None:
            # A None alone should not cost the whole block the fast path.
            block = [["" if v is None else v for v in row] for row in block]
            xml = _plain_rows_xml(block)
        if xml is None:
            xml = "".join(["<row>" + "".join(map(_cell, row)) + "</row>\n" for row in block])
        parts.append(xml)
    return "".join(parts)


def _attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


class XlsxStreamWriter:
    """One workbook, written row chunk by row chunk. A sheet holds 1,048,576 rows (the header
    and MAX_ROWS data rows); further rows continue on sheets named f"{title}{n}", n = 2, 3, …,
    each with the header again, as the openpyxl writer it replaced did."""

    MAX_ROWS = 1_048_575  # data rows per sheet under the header

    def __init__(self, path: Path, header: list[str], title: str, *, max_rows: int | None = None):
        if not title or _INVALID_TITLE.search(title) or _ILLEGAL.search(title):
            raise ValueError(f"工作表名称不可用：{title!r}")
        if max_rows is not None and max_rows < 1:
            raise ValueError("max_rows must be at least 1")
        self._header_xml = rows_xml([header]).encode()
        # one width for every column: Excel's default (8.43) shows three Chinese characters
        self._cols = (
            f'<cols><col min="1" max="{max(len(header), 1)}" width="20" customWidth="1"/></cols>'
        )
        self._title = title
        self._max_rows = self.MAX_ROWS if max_rows is None else max_rows
        self._names: list[str] = []
        self._rows = 0  # data rows on the current sheet
        self._bytes = 0  # bytes of XML written to it
        self._zip: zipfile.ZipFile | None = zipfile.ZipFile(
            path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL
        )
        self._sheet = None
        self._new_sheet()

    def _new_sheet(self) -> None:
        self._end_sheet()
        n = len(self._names) + 1
        suffix = "" if n == 1 else str(n)
        self._names.append(self._title[: 31 - len(suffix)] + suffix)  # Excel's 31 characters
        # streamed: zipfile deflates as it goes; without force_zip64 a member stays under
        # 2 GiB (SHEET_BYTES), so no ZIP64 header Excel might reject is written
        self._sheet = self._zip.open(f"xl/worksheets/sheet{n}.xml", "w")
        head = f'{_XML_DECL}<worksheet xmlns="{_MAIN_NS}">{self._cols}<sheetData>\n'.encode()
        head += self._header_xml
        self._sheet.write(head)
        self._rows, self._bytes = 0, len(head)

    def _end_sheet(self) -> None:
        if self._sheet is not None:
            self._sheet.write(_SHEET_END)
            self._sheet.close()
            self._sheet = None

    def _room(self) -> int:
        """Rows the current sheet still takes, starting the next sheet when it is full (only
        once there is a row for it, so no sheet is left empty)."""
        if self._rows >= self._max_rows:
            self._new_sheet()
        return self._max_rows - self._rows

    def write_rows(self, rows: list[list[str | None]]) -> None:
        """Rows of text, None or '' for an empty cell; split across sheets as they fill."""
        start = 0
        while start < len(rows):
            block = rows[start : start + min(self._room(), BLOCK_ROWS)]
            self._write(rows_xml(block).encode(), len(block))
            start += len(block)

    def _write(self, data: bytes, rows: int) -> None:
        """``rows`` rows of XML (one per line) onto the sheet, or onto the next one when the
        sheet would pass SHEET_BYTES (row by row, so only the rows that do not fit move)."""
        if self._bytes + len(data) + len(_SHEET_END) > SHEET_BYTES:
            if rows > 1:
                for line in data.splitlines(keepends=True):
                    self._write(line, 1)
                return
            if self._rows:  # (a row alone on a sheet stays: no limit short of ZIP64 is at risk)
                self._new_sheet()
        self._sheet.write(data)
        self._rows += rows
        self._bytes += len(data)

    def close(self) -> None:
        if self._zip is None:
            return
        try:
            self._end_sheet()
            for name, text in self._package_parts():
                self._zip.writestr(name, text.encode())
        finally:
            self._zip.close()
            self._zip = None

    def _package_parts(self) -> list[tuple[str, str]]:
        """The parts besides the sheets, which name the sheets (written last: the order of the
        members does not matter, openpyxl writes [Content_Types].xml last too)."""
        numbers = range(1, len(self._names) + 1)
        sheets = "".join(
            f'<sheet name="{_attr(name)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, name in zip(numbers, self._names, strict=True)
        )
        workbook = (
            f'{_XML_DECL}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
            "</workbook>"
        )
        sheet_rels = "".join(
            f'<Relationship Id="rId{n}" Type="{_REL_NS}/worksheet" '
            f'Target="worksheets/sheet{n}.xml"/>'
            for n in numbers
        )
        workbook_rels = (
            f'{_XML_DECL}<Relationships xmlns="{_PKG_REL_NS}">{sheet_rels}'
            f'<Relationship Id="rId{len(numbers) + 1}" Type="{_REL_NS}/styles" '
            'Target="styles.xml"/></Relationships>'
        )
        sheet_types = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
            for n in numbers
        )
        return [
            ("[Content_Types].xml", _CONTENT_TYPES.replace("<!--sheets-->", sheet_types)),
            ("_rels/.rels", _ROOT_RELS),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbook_rels),
            ("xl/styles.xml", _STYLES),
        ]
