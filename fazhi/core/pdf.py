"""PDF of a text document (title, facts, headings, articles) on the same A4 公文 page as
``fazhi.core.documents`` (GB/T 9704—2012: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines, page
numbers "— N —" odd right / even left), for citizens who print or keep a document as PDF.

ReportLab's CID font ``STSong-Light`` (Adobe-GB1) is used: every PDF reader on Windows, macOS,
Android, iOS and poppler renders it from its own CJK fonts, so nothing needs embedding and no font
file ships with Fazhi (ADR 0009). The body is 宋体 16 pt, not 仿宋: 仿宋 has no standard CID
name, and a PDF that depends on a font the reader lacks prints as boxes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import paragraph as _paragraph

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

# ReportLab's CJK line breaking hangs a character that cannot start a line (GB/T 15834: 句内点号
# never open a line), but its list is the Japanese one and lacks the full-width comma and others
# below; without them "，" opened lines of the 劳动合同法. Both splitters read the list.
_EXTRA = "".join(c for c in "，、；：！？。）》」』】〕" if c not in _textsplit.ALL_CANNOT_START)
_textsplit.ALL_CANNOT_START += _EXTRA
_paragraph.ALL_CANNOT_START += _EXTRA

LEADING = 225 / 22 * mm  # 22 lines in the 225 mm 版心
_BODY = ParagraphStyle(
    "body", fontName=FONT, fontSize=16, leading=LEADING, firstLineIndent=32, wordWrap="CJK"
)
_STYLES = {
    "title": ParagraphStyle(
        "title",
        parent=_BODY,
        fontSize=22,
        leading=22 * 1.5,
        alignment=TA_CENTER,
        firstLineIndent=0,
        spaceAfter=LEADING,
    ),
    "facts": ParagraphStyle("facts", parent=_BODY, alignment=TA_CENTER, firstLineIndent=0),
    "heading": ParagraphStyle(
        "heading", parent=_BODY, alignment=TA_CENTER, firstLineIndent=0, spaceBefore=LEADING / 2
    ),
    "body": _BODY,
}

Kind = Literal["title", "facts", "heading", "body"]


def _page_number(canvas, doc) -> None:
    """ "— N —" 7 mm below the 版心, one character in from the edge: right on odd pages, left on
    even pages (GB/T 9704 7.5)."""
    n = canvas.getPageNumber()
    text, y = f"— {n} —", 35 * mm - 7 * mm - 14
    canvas.setFont(FONT, 14)
    if n % 2:
        canvas.drawRightString(A4[0] - 26 * mm - 14, y, text)
    else:
        canvas.drawString(28 * mm + 14, y, text)


def render(blocks: Iterable[tuple[Kind, str]], *, title: str = "") -> bytes:
    """The PDF of ``blocks`` — (kind, plain text) in reading order."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        title=title,
        author="",
    )
    story: list = []
    for kind, text in blocks:
        if not text:
            story.append(Spacer(1, LEADING))
            continue
        story.append(Paragraph(escape(text).replace("\n", "<br/>"), _STYLES[kind]))
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out.getvalue()
