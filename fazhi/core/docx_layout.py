"""The shipped Word templates, written from python-docx so that the layout is reproducible.

GB/T 9704—2012 (党政机关公文格式): A4; 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心
156 mm × 225 mm, so the right margin is 26 mm and the bottom 35 mm; the body in 仿宋_GB2312 三号
(16 pt), 22 lines of 28 characters (a fixed line pitch of 225 mm / 22 = 28.99 pt, and −0.25 pt of
character spacing so 28 characters fill the 156 mm); the title in 小标宋 二号 centred; first-level
headings (一、) in 黑体, second-level (（一）) in 楷体; page numbers "— N —" in 宋体 四号, odd pages on
the right and even pages on the left, one character in from the edge (7.5); the 版记 (抄送,
印发机关 and date) between rules at the end (7.4).

Each paragraph carries a named style (公文正文, 公文标题, 一级标题 …), so staff change a font or an
indent once in Word and every paragraph of that kind follows. The text holds docxtpl (Jinja)
fields: ``{{ field }}`` for a value, ``{%p … %}`` paragraphs for conditions and repeats,
``{%tr … %}`` rows in tables. ``fazhi.core.docx_kinds`` lays out each kind with these helpers;
``python manage.py build_docx_templates`` rewrites every shipped file, and a test keeps the
committed files equal to its output.
"""

from __future__ import annotations

import io
import math
import zipfile
from datetime import UTC, datetime

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

BODY_FONT, TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, NUMBER_FONT = (
    "仿宋_GB2312",
    "方正小标宋简体",
    "黑体",
    "楷体_GB2312",
    "宋体",
)
BODY_PT, TITLE_PT, SMALL_PT = 16, 22, 14  # 三号, 二号, 四号
TEXT_W, TEXT_H, LINES, CHARS = 156, 225, 22, 28
LINE_PITCH = TEXT_H / 25.4 * 72 / LINES  # 28.99 pt: 22 lines fill the 225 mm
CHAR_PITCH = TEXT_W / 25.4 * 72 / CHARS  # 15.79 pt: 28 characters fill the 156 mm
# Fixed zip timestamps: the same layout gives the same bytes, so a test can compare.
_EPOCH = (2020, 1, 1, 0, 0, 0)

BODY, TITLE, HEAD, NUMBER, H1, H2, SIGN, COLOPHON, CELL, ITEM = (
    "公文正文",
    "公文标题",
    "版头",
    "发文字号",
    "一级标题",
    "二级标题",
    "落款",
    "版记",
    "表格文字",
    "条目",
)


def _fonts(rpr, name: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _char_spacing(rpr, size: float) -> None:
    """28 characters of the body size on the 156 mm line (16 pt on a 15.79 pt pitch: −0.25 pt);
    other sizes (titles, 四号 tables and 版记) keep their natural spacing."""
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.append(spacing)
    value = math.floor((CHAR_PITCH - size) * 20) if size == BODY_PT else 0
    spacing.set(qn("w:val"), str(value))


def _style(doc, name: str, *, font: str = BODY_FONT, size: int = BODY_PT, bold: bool = False):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.name, style.font.size, style.font.bold = font, Pt(size), bold
    rpr = style.element.get_or_add_rPr()
    _fonts(rpr, font)
    _char_spacing(rpr, size)
    return style


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    _fonts(rpr, BODY_FONT)
    _char_spacing(rpr, BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(LINE_PITCH)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = False  # a fixed grid: no line moves to the next page on its own

    body = _style(doc, BODY).paragraph_format
    body.alignment, body.first_line_indent = WD_ALIGN_PARAGRAPH.JUSTIFY, Pt(BODY_PT * 2)
    for name, font, size in ((TITLE, TITLE_FONT, TITLE_PT), (HEAD, TITLE_FONT, TITLE_PT)):
        fmt = _style(doc, name, font=font, size=size).paragraph_format
        fmt.alignment, fmt.line_spacing = WD_ALIGN_PARAGRAPH.CENTER, Pt(TITLE_PT * 1.5)
    doc.styles[TITLE].paragraph_format.space_after = Pt(LINE_PITCH)  # a blank line below
    doc.styles[TITLE].paragraph_format.keep_with_next = True
    _style(doc, NUMBER).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for name, font in ((H1, HEADING_FONT), (H2, SUBHEADING_FONT)):
        fmt = _style(doc, name, font=font).paragraph_format
        fmt.first_line_indent, fmt.keep_with_next = Pt(BODY_PT * 2), True  # never last on a page
    sign = _style(doc, SIGN).paragraph_format  # GB/T 9704 7.3.5.1: four characters in
    sign.alignment, sign.right_indent = WD_ALIGN_PARAGRAPH.RIGHT, Pt(BODY_PT * 4)
    sign.keep_with_next = True  # the body's name and the date on one page
    _style(doc, COLOPHON, size=SMALL_PT).paragraph_format.left_indent = Pt(SMALL_PT)
    _style(doc, CELL, size=SMALL_PT)
    _style(doc, ITEM, size=SMALL_PT, bold=True)


def _page_number(paragraph) -> None:
    """ "— PAGE —" as a field, so Word and WPS number the pages themselves."""
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        element = OxmlElement(tag)
        if attr:
            element.set(qn("w:fldCharType"), attr)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = "PAGE"
        run._element.append(element)
    paragraph.add_run(" —")
    for r in paragraph.runs:
        r.font.name, r.font.size = NUMBER_FONT, Pt(SMALL_PT)
        _fonts(r._element.get_or_add_rPr(), NUMBER_FONT)


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.bottom_margin, section.right_margin = Mm(297 - 37 - TEXT_H), Mm(210 - 28 - TEXT_W)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(28 - 7)  # the number sits 7 mm below the 版心 (7.5)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    # A line grid only: a character grid narrower than the 16 pt glyph makes LibreOffice give
    # each character two cells; the 28 characters come from the character spacing instead.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH * 20)))
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        indent = Pt(SMALL_PT)  # one character in from the edge of the 版心
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        _page_number(paragraph)


def new_template(title: str):
    doc = Document()
    for paragraph in list(doc.paragraphs):  # the default template's empty first paragraph
        paragraph._element.getparent().remove(paragraph._element)
    _page(doc)
    _styles(doc)
    props = doc.core_properties
    props.title, props.author, props.comments = title, "法治平台", "公文模板（GB/T 9704—2012）"
    props.last_modified_by, props.revision = "法治平台", 1
    props.created = props.modified = datetime(*_EPOCH, tzinfo=UTC)
    return doc


def p(doc, text: str = "", style: str = BODY, *, bold: bool = False):
    paragraph = doc.add_paragraph(style=style)
    if text:
        paragraph.add_run(text).bold = bold or None
    return paragraph


def tag(doc, statement: str) -> None:
    """A docxtpl paragraph tag (``{%p if x %}``): the whole paragraph gives way to the tag."""
    p(doc, "{%p " + statement + " %}")


def sign(doc, who: str, day: str) -> None:
    p(doc, "", "Normal")
    p(doc, who, SIGN)
    p(doc, day, SIGN)


def _rule(paragraph, edge: str, size: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = OxmlElement("w:pBdr")
        ppr.append(pbdr)
    line = OxmlElement(f"w:{edge}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1")):
        line.set(qn(key), value)
    line.set(qn("w:color"), "000000")
    pbdr.append(line)


def colophon(doc, *, copies_to: str, issued: str) -> None:
    """版记 (7.4): a thick first and last rule, a thin one between 抄送 and 印发."""
    p(doc, "", "Normal")
    first = p(doc, copies_to, COLOPHON)
    _rule(first, "top", 8)
    _rule(first, "bottom", 4)
    _rule(p(doc, issued, COLOPHON), "bottom", 8)


def table(doc, rows: list[tuple[str, str]]):
    """A two-column form: the label and the field, 四号."""
    grid = doc.add_table(rows=0, cols=2)
    grid.style = "Table Grid"
    for label, value in rows:
        cells = grid.add_row().cells
        cells[0].paragraphs[0].style = cells[1].paragraphs[0].style = doc.styles[CELL]
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    return grid


def blocks(doc, name: str = "blocks") -> None:
    """Paragraphs from code, each {"kind": "heading" | "subheading" | "body", "text": …}."""
    tag(doc, f"for block in {name}")
    tag(doc, 'if block.kind == "heading"')
    p(doc, "{{ block.text }}", H1)
    tag(doc, 'elif block.kind == "subheading"')
    p(doc, "{{ block.text }}", H2)
    tag(doc, "else")
    p(doc, "{{ block.text }}")
    tag(doc, "endif")
    tag(doc, "endfor")


def lines(doc, name: str, style: str = BODY) -> None:
    """One paragraph per string of the list ``name``."""
    tag(doc, f"for line in {name}")
    p(doc, "{{ line }}", style)
    tag(doc, "endfor")


def base(doc) -> None:
    """The base 公文: 版头 with the agency, 文号, title, body, 落款 and 版记."""
    p(doc, "{{ agency }}", HEAD)
    p(doc, "{{ number }}", NUMBER)
    p(doc, "{{ title }}", TITLE)
    blocks(doc)
    sign(doc, "{{ agency }}", "{{ signed_on }}")
    colophon(doc, copies_to="抄送：{{ copies_to }}。", issued="{{ issuer }}　　{{ issued_on }}印发")


def title_line(doc, head: str, title: str) -> None:
    """A title of two lines (the body's name above the kind of document)."""
    paragraph = p(doc, head, TITLE)
    paragraph.runs[0].add_break(WD_BREAK.LINE)
    paragraph.add_run(title)


def to_bytes(doc) -> bytes:
    """The .docx with fixed zip timestamps, so that the same layout gives the same bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, _EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
