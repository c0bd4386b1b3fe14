"""Word documents in the layout of a 公文 (GB/T 9704—2012 党政机关公文格式), shared by every app
that prints something a bureau signs.

The page: A4; 天头 (top margin) 37 mm, 订口 (left margin) 28 mm, 版心 156 mm × 225 mm, so the
right margin is 26 mm and the bottom 35 mm; the body in 仿宋 三号 (16 pt), 22 lines of 28
characters (a fixed line pitch of 225 mm / 22); the title in 小标宋 二号 centred; first-level
headings (一、) in 黑体, second-level (（一）) in 楷体; page numbers "— N —" in 宋体 四号, odd pages on
the right and even pages on the left, one character in from the edge; the 版记 (抄送, 印发机关 and
date) between rules at the end. The issuing body's name comes from configuration
(``FAZHI["AGENCY_NAME"]``), never from code.
"""

from __future__ import annotations

import io
from datetime import date

from django.conf import settings
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
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
BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16, 22, 14
LINE_PITCH = Pt(225 / 22 / 25.4 * 72)  # 22 lines in the 225 mm 版心


def agency_name() -> str:
    return settings.FAZHI.get("AGENCY_NAME", "天津市人力资源和社会保障局")


def chinese_date(day: date) -> str:
    """GB/T 9704 7.3.5.3: Arabic numerals, no leading zero.

    >>> chinese_date(date(2020, 3, 1))
    '2020年3月1日'
    """
    return f"{day.year}年{day.month}月{day.day}日"


def _font(run, name: str, size: int, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


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
        _font(r, NUMBER_FONT, PAGE_NUMBER_PT)


def new_document() -> Document:
    """An empty A4 document with the 公文 page, styles and page numbers."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28 - 7)  # the number sits 7 mm below the 版心 (GB/T 9704 7.5)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = BODY_FONT, Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        indent = Pt(PAGE_NUMBER_PT)  # one character in from the edge of the 版心
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        _page_number(paragraph)
    return doc


def title(doc: Document, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing = Pt(TITLE_PT * 1.5)
    paragraph.paragraph_format.space_after = LINE_PITCH  # one blank line under the title
    _font(paragraph.add_run(text), TITLE_FONT, TITLE_PT)


def heading(doc: Document, text: str, *, level: int = 1) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _font(paragraph.add_run(text), HEADING_FONT if level == 1 else SUBHEADING_FONT, BODY_PT)


def body(doc: Document, text: str) -> None:
    """A body paragraph: two characters of first-line indent, justified."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _font(paragraph.add_run(text), BODY_FONT, BODY_PT)


def signature(doc: Document, who: str, day: date) -> None:
    """The issuing body and date, right-aligned four characters in (GB/T 9704 7.3.5.1)."""
    doc.add_paragraph()
    for text in (who, chinese_date(day)):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = Pt(BODY_PT * 4)
        _font(paragraph.add_run(text), BODY_FONT, BODY_PT)


def _rule(paragraph, edge: str, size: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = OxmlElement("w:pBdr")
        ppr.append(pbdr)
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    pbdr.append(line)


def colophon(doc: Document, *, copies_to: str, issuer: str, issued_on: date) -> None:
    """版记: 抄送 and 印发机关/印发日期 in 仿宋 四号 between a thick first and last rule and a thin
    one between them (GB/T 9704 7.4)."""
    doc.add_paragraph()
    if copies_to:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
        _rule(paragraph, "top", 8)
        _rule(paragraph, "bottom", 4)
        _font(paragraph.add_run(f"抄送：{copies_to}。"), BODY_FONT, PAGE_NUMBER_PT)
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
    if not copies_to:
        _rule(paragraph, "top", 8)
    _rule(paragraph, "bottom", 8)
    _font(
        paragraph.add_run(f"{issuer}\u3000\u3000{chinese_date(issued_on)}印发"),
        BODY_FONT,
        PAGE_NUMBER_PT,
    )


def to_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
