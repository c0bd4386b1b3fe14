"""The Word templates (ADR 0011): the shipped files are what their layout code writes, the fields
are filled and escaped, a missing field fails, and the bureau's edited copies replace the shipped
ones only when their fields match (checked at start-up, not when a user prints)."""

from __future__ import annotations

import io
import shutil

import pytest
from django.core import checks
from docx import Document
from docx.shared import Mm, Pt
from jinja2 import UndefinedError

from fazhi.core import documents, docx_layout
from fazhi.core.apps import _check_docx_templates
from fazhi.core.docx_kinds import KINDS, build, shipped_path

BASE = {
    "number": "津人社发〔2024〕1号",
    "title": "关于做好2024年法治政府建设工作的通知",
    "blocks": [{"kind": "heading", "text": "一、总体要求"}, {"kind": "body", "text": "A&B <公司>"}],
    "signed_on": "2024年3月1日",
    "copies_to": "市委依法治市办",
    "issuer": "某局办公室",
    "issued_on": "2024年3月1日",
}


def _paragraphs(content: bytes) -> list:
    return Document(io.BytesIO(content)).paragraphs


def test_every_shipped_template_is_what_its_layout_writes():
    """``python manage.py build_docx_templates`` rewrites them; edit the layout, not the file."""
    stale = [name for name in KINDS if shipped_path(name).read_bytes() != build(name)]
    assert stale == []


def test_the_base_template_carries_the_gb9704_page_and_the_configured_agency(settings):
    settings.FAZHI = {**settings.FAZHI, "AGENCY_NAME": "某市人力资源和社会保障局"}
    content = documents.render("core/base", BASE)
    doc = Document(io.BytesIO(content))
    section = doc.sections[0]
    edges = (section.page_width, section.page_height, section.top_margin, section.left_margin)
    assert [round(x / Mm(1)) for x in edges] == [210, 297, 37, 28]
    assert round((section.page_width - section.left_margin - section.right_margin) / Mm(1)) == 156
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs if p.text]
    assert paragraphs[:4] == [
        (docx_layout.HEAD, "某市人力资源和社会保障局"),
        (docx_layout.NUMBER, "津人社发〔2024〕1号"),
        (docx_layout.TITLE, "关于做好2024年法治政府建设工作的通知"),
        (docx_layout.H1, "一、总体要求"),
    ]
    assert (docx_layout.BODY, "A&B <公司>") in paragraphs  # escaped into the XML, read back
    assert paragraphs[-2:] == [
        (docx_layout.COLOPHON, "抄送：市委依法治市办。"),
        (docx_layout.COLOPHON, "某局办公室\u3000\u30002024年3月1日印发"),
    ]
    body = doc.styles[docx_layout.BODY]
    assert (body.font.name, body.font.size) == ("仿宋_GB2312", Pt(16))
    assert round(doc.styles["Normal"].paragraph_format.line_spacing.pt, 1) == 29.0
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert footer == "—  —"  # the PAGE field between the dashes


def test_a_field_the_code_does_not_supply_fails_loudly():
    with pytest.raises(UndefinedError, match="signed_on"):
        documents.render("core/base", {k: v for k, v in BASE.items() if k != "signed_on"})


def _edit(src, dst, old: str, new: str) -> None:
    """Rewrite a template's text as staff would in Word."""
    doc = Document(src)
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace(old, new)
    dst.parent.mkdir(parents=True, exist_ok=True)
    doc.save(dst)


def test_the_bureaus_edited_template_replaces_the_shipped_one(settings, tmp_path):
    settings.FAZHI = {**settings.FAZHI, "DOCX_TEMPLATE_DIR": str(tmp_path)}
    edited = tmp_path / "core" / "base.docx"
    _edit(shipped_path("core/base"), edited, "抄送：", "抄报：")
    assert documents.check_overrides() == []
    texts = [p.text for p in _paragraphs(documents.render("core/base", BASE))]
    assert "抄报：市委依法治市办。" in texts and "抄送：市委依法治市办。" not in texts


def test_an_edited_template_that_drops_or_adds_a_field_is_reported_at_start_up(settings, tmp_path):
    settings.FAZHI = {**settings.FAZHI, "DOCX_TEMPLATE_DIR": str(tmp_path)}
    _edit(shipped_path("core/base"), tmp_path / "core" / "base.docx", "{{ number }}", "")
    _edit(
        shipped_path("enforcement/service_receipt"),
        tmp_path / "enforcement" / "service_receipt.docx",
        "{{ reference }}",
        "{{ case_no }}",
    )
    shutil.copy(shipped_path("core/base"), tmp_path / "core" / "memo.docx")
    problems = documents.check_overrides()
    assert problems[0] == "core/base.docx：缺少字段 number"
    assert problems[1].startswith("core/memo.docx：不是平台使用的模板")
    assert problems[2:] == [
        "enforcement/service_receipt.docx：缺少字段 reference",
        "enforcement/service_receipt.docx：有平台不提供的字段 case_no",
    ]
    assert _check_docx_templates in checks.registry.registry.get_checks()
    errors = _check_docx_templates()
    assert [(e.id, e.msg) for e in errors] == [("fazhi.E001", problem) for problem in problems]
