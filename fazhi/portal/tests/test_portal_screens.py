"""The portal a citizen expects (issue 19.6): search on the home page, every card a link, the
document text at full width when there is no 目录, 打印 / 下载 Word, and a 关怀版 in the URL."""

from __future__ import annotations

import base64
import io
import re
import zlib

import pytest
from docx import Document

from fazhi.laws.models import LegalDocument

pytestmark = pytest.mark.django_db


def test_home_has_a_search_box_and_every_card_is_a_link(client):
    page = client.get("/").content.decode()
    assert 'action="/policies/"' in page and 'name="q"' in page
    for href in ("/policies/", "/powers/", "/publicity/", "/officers/"):
        assert f'<h2><a href="{href}' in page, href


def test_care_version_is_a_url_variant(client):
    plain = client.get("/").content.decode()
    assert 'class="portal"' in plain and 'href="?care=1"' in plain
    care = client.get("/?care=1").content.decode()
    assert 'class="portal care"' in care and ">标准版</a>" in care


def test_document_without_toc_takes_the_full_width_and_downloads_as_word(client, corpus):
    document = LegalDocument.objects.filter(articles__isnull=False).distinct().first()
    page = client.get(f"/policies/documents/{document.pk}/").content.decode()
    assert "下载 Word" in page and "打印版" in page
    has_toc = 'class="toc card"' in page
    assert ("doc-layout-single" in page) is (not has_toc)
    response = client.get(f"/policies/documents/{document.pk}/word/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert document.title in text
    first = document.articles.order_by("position").first()
    assert first.clauses[0][:10] in text


def test_document_downloads_as_a_pdf_with_its_text(client, corpus):
    document = LegalDocument.objects.filter(articles__isnull=False).distinct().first()
    assert "下载 PDF" in client.get(f"/policies/documents/{document.pk}/").content.decode()
    response = client.get(f"/policies/documents/{document.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    text = _pdf_text(response.content)
    assert document.title in text
    first = document.articles.order_by("position").first()
    assert first.clauses[0][:10] in text
    assert "— 1 —" in text  # the page number


def _pdf_text(content: bytes) -> str:
    """The strings ReportLab shows (Tj), each page's content stream unpacked (ASCII85 + Flate)
    and the CID font's UTF-16BE decoded; enough to read back what a page says."""
    escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"(": b"(", b")": b")", b"\\": b"\\"}
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S):
        raw = zlib.decompress(base64.a85decode(stream.strip(), adobe=True))
        for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", raw, re.S):
            data = re.sub(
                rb"\\([0-7]{1,3}|.)",
                lambda m: bytes([int(m[1], 8)]) if m[1][:1].isdigit() else escapes.get(m[1], m[1]),
                literal,
                flags=re.S,
            )
            shown.append(data.decode("utf-16-be", errors="replace"))
    return "".join(shown)


def test_print_view_marks_the_page(client, corpus):
    document = LegalDocument.objects.first()
    page = client.get(f"/policies/documents/{document.pk}/?print=1").content.decode()
    assert "print-view" in page
