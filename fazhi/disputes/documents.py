"""The reconsideration decision (行政复议决定书) as a Word document (python-docx).

Layout after GB/T 9704: 仿宋 body in 三号 (16 pt), title in 小标题宋 二号 (22 pt), centred.
The text is assembled from the case record only; staff edit the generated file as needed.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from fazhi.core.domain.time_limits import format_date
from fazhi.disputes.domain import reconsideration as rc
from fazhi.disputes.models import ReconsiderationCase

BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"


def _run(paragraph, text: str, *, font: str = BODY_FONT, size: int = 16, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold = font, Pt(size), bold
    run._element.rPr.rFonts.set(qn("w:eastAsia"), font)
    return run


def decision_docx(case: ReconsiderationCase, *, body_name: str) -> bytes:
    """The decision of a decided case; ``body_name`` is the reconsideration body (复议机关)."""
    if not case.decision:
        raise ValueError("该案件尚未作出复议决定")
    law = rc.law_for(case.received_on)
    doc = Document()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, f"{body_name}\n行政复议决定书", font=TITLE_FONT, size=22)
    number = doc.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(number, case.reference)
    label = rc.DECISION_LABELS[rc.DecisionType(case.decision)]
    paragraphs = [
        f"申请人：{case.applicant_name}",
        f"被申请人：{case.respondent}",
        f"申请人不服被申请人作出的{case.act}，于{format_date(case.received_on)}向本机关申请"
        f"行政复议，本机关于{format_date(case.accepted_on or case.received_on)}依法受理。",
        f"申请人请求：{case.requests}",
        f"申请人称：{case.reasons or '（见申请书）'}",
        f"本机关认为：{case.decision_text or '（见审理意见）'}",
        f"根据{law.title}的规定，本机关决定：{label}。",
        "申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。",
    ]
    for text in paragraphs:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        _run(paragraph, text)
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(sign, f"{body_name}\n{format_date(case.decided_on)}")
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
