"""The streaming XLSX writer: what openpyxl reads back from it is what openpyxl's own write-only
writer gives for the same rows, however the rows arrive and however many sheets they take."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import Workbook, load_workbook

from fazhi.core import xlsx_stream
from fazhi.core.xlsx_stream import XlsxStreamWriter, rows_xml

HEADER = ["CF_XDR_MC", "CF_XDR_SHXYM", "CF_FR_ZJHM", "CF_SY", "CF_NR_FK", "BZ"]
PLAIN = [  # nothing to escape: the templated fast path
    ["天津市某建筑劳务有限公司", "91120101MA05XY127W", "", "拖欠劳动者工资", "0.200000", ""],
    ["张三", "", "12010219900101123X", "张三（电话138****5678）非法职业中介。", "0012", "007"],
    ["某某商店", "", "", "", "", "备注 中间有空格"],
]
SPECIAL = [  # each row needs the per-value path
    ["R&D <公司>", "'单引号'", '"双引号"', "&amp;", "a > b", "=SUM(A1:A2)"],
    [" 前导空格", "尾随空格 ", "第一行\n第二行", "回车\r\n换行\r", "\u3000全角空格", "\t制表符"],
    [None, "0012", None, "", "x" * 40_000, None],
    ["_x0041_", "]]>", "😀 emoji", "\u00a0", "0", None],
]


def _openpyxl_file(path: Path, rows: list[list[str | None]], title: str = "行政处罚") -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _stream_file(
    path: Path, rows: list[list[str | None]], title: str = "行政处罚", max_rows: int | None = None
) -> Path:
    writer = XlsxStreamWriter(path, HEADER, title, max_rows=max_rows)
    writer.write_rows(rows)
    writer.close()
    return path


def _read(path: Path, *, read_only: bool = False) -> dict[str, list[list]]:
    book = load_workbook(path, read_only=read_only)
    sheets = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book}
    book.close()
    return sheets


def _padded(sheets: dict[str, list[list]]) -> dict[str, list[list]]:
    return {
        title: [row + [None] * (len(HEADER) - len(row)) for row in rows]
        for title, rows in sheets.items()
    }


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@pytest.mark.parametrize(
    "rows", [PLAIN, SPECIAL, PLAIN + SPECIAL], ids=["plain", "special", "mixed"]
)
def test_values_read_back_as_openpyxl_writes_them(tmp_path, rows):
    ours = _stream_file(tmp_path / "ours.xlsx", rows)
    theirs = _openpyxl_file(tmp_path / "theirs.xlsx", rows)

    assert _read(ours) == _read(theirs)
    # read_only: openpyxl leaves out None cells, so its rows can end early; ours keep the width
    assert _read(ours, read_only=True) == _padded(_read(theirs, read_only=True))


def test_digits_stay_text_and_overlong_text_is_cut_as_openpyxl_cuts_it(tmp_path):
    rows = [["0012", "12010219900101123X", "007", "0", "x" * 40_000, "1e5"]]

    values = _read(_stream_file(tmp_path / "out.xlsx", rows))["行政处罚"][1]

    assert values == ["0012", "12010219900101123X", "007", "0", "x" * 32_767, "1e5"]


def test_every_part_is_well_formed_xml_with_the_declared_content_types(tmp_path):
    path = _stream_file(tmp_path / "out.xlsx", PLAIN + SPECIAL, title="R&D<处罚>")

    members = _members(path)
    assert set(members) == {
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
    }
    for data in members.values():
        ElementTree.fromstring(data)  # noqa: S314 (the file this test just wrote)
    assert load_workbook(path).sheetnames == ["R&D<处罚>"]


def test_the_fast_path_writes_what_the_per_value_path_writes(monkeypatch):
    rows = PLAIN * 3 + [["", "", "", "", "", ""]]
    fast = rows_xml(rows)
    assert xlsx_stream._plain_rows_xml(rows) == fast  # it did take the fast path
    monkeypatch.setattr(xlsx_stream, "_plain_rows_xml", lambda rows: None)
    assert rows_xml(rows) == fast


def test_rows_xml_is_one_row_a_line_without_references():
    xml = rows_xml([["a", None, "b\nc"], ["", "&", "d"]])

    assert xml == (
        '<row><c t="inlineStr"><is><t>a</t></is></c><c/>'
        '<c t="inlineStr"><is><t xml:space="preserve">b&#10;c</t></is></c></row>\n'
        '<row><c/><c t="inlineStr"><is><t>&amp;</t></is></c>'
        '<c t="inlineStr"><is><t>d</t></is></c></row>\n'
    )


def test_rows_beyond_a_sheet_continue_on_numbered_sheets_each_with_the_header(tmp_path):
    rows = [[f"第{n}行", str(n), "", "", "", ""] for n in range(1, 8)]

    sheets = _read(_stream_file(tmp_path / "out.xlsx", rows, max_rows=3))

    assert list(sheets) == ["行政处罚", "行政处罚2", "行政处罚3"]
    assert [sheet[0] for sheet in sheets.values()] == [HEADER] * 3
    assert [[row[1] for row in sheet[1:]] for sheet in sheets.values()] == [
        ["1", "2", "3"],
        ["4", "5", "6"],
        ["7"],
    ]


def test_a_sheet_about_to_pass_its_byte_limit_continues_on_the_next_one(tmp_path, monkeypatch):
    # given a sheet limit of the header and about two rows of XML (really 2 GB, below ZIP64)
    rows = [[f"第{n}行", str(n), "", "", "", ""] for n in range(1, 6)]
    row_bytes = len(rows_xml(rows[:1]).encode())
    probe = XlsxStreamWriter(tmp_path / "probe.xlsx", HEADER, "x")
    head = probe._bytes + len(xlsx_stream._SHEET_END)  # what a sheet holds besides its rows
    probe.close()
    monkeypatch.setattr(xlsx_stream, "SHEET_BYTES", head + 2 * row_bytes + 3)
    # when five rows are written in one block, then they fill sheets of two rows in order
    sheets = _read(_stream_file(tmp_path / "out.xlsx", rows))
    assert [[row[1] for row in sheet[1:]] for sheet in sheets.values()] == [
        ["1", "2"],
        ["3", "4"],
        ["5"],
    ]
    with zipfile.ZipFile(tmp_path / "out.xlsx") as book:
        sheets = [i for i in book.infolist() if i.filename.startswith("xl/worksheets/")]
    assert len(sheets) == 3 and all(i.file_size <= xlsx_stream.SHEET_BYTES for i in sheets)


def test_a_full_last_sheet_is_not_followed_by_an_empty_one(tmp_path):
    rows = [["a"] * len(HEADER)] * 6

    assert list(_read(_stream_file(tmp_path / "out.xlsx", rows, max_rows=3))) == [
        "行政处罚",
        "行政处罚2",
    ]


def test_no_rows_leave_the_header_alone(tmp_path):
    assert _read(_stream_file(tmp_path / "out.xlsx", [])) == {"行政处罚": [HEADER]}


def test_characters_xml_does_not_allow_are_dropped(tmp_path):
    rows = [["a\x00b", "\x0bc\x0c", "d\x1f", "e\ud800f", "g\ufffeh\uffff", "\x01\x02"]]

    path = _stream_file(tmp_path / "out.xlsx", rows)

    assert _read(path)["行政处罚"][1] == ["ab", "c", "d", "ef", "gh", None]
    assert _read(path, read_only=True)["行政处罚"][1] == ["ab", "c", "d", "ef", "gh", None]


@pytest.mark.parametrize("title", ["", "a/b", "a[1]", "a\x00"])
def test_a_sheet_name_excel_refuses_is_refused(tmp_path, title):
    with pytest.raises(ValueError):
        XlsxStreamWriter(tmp_path / "out.xlsx", HEADER, title)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Reading xlsx needs Calc, which a Writer-only install (used to look at .docx pages) lacks.
HAS_CALC = SOFFICE is not None and (Path(SOFFICE).resolve().parent / "libsclo.so").exists()


@pytest.mark.skipif(not HAS_CALC, reason="LibreOffice Calc is not installed")
def test_libreoffice_reads_the_file(tmp_path):
    path = _stream_file(tmp_path / "out.xlsx", PLAIN)

    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )

    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as fh:
        assert list(csv.reader(fh)) == [HEADER, *PLAIN]
