"""The portal in headless Chromium at 1366 and 390 px (issue 19.6): the document text at full
width, the home search, the 关怀版, the print view."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import screenshot
from fazhi.laws.models import LegalDocument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _flat_document() -> LegalDocument:
    """A document with articles but no 章/节 (no 目录): 180 of 226 in the real corpus."""
    for document in LegalDocument.objects.filter(articles__isnull=False).distinct():
        if not any(a.headings for a in document.articles.all()):
            return document
    raise AssertionError("the corpus subset has no document without chapters")


@pytest.mark.parametrize("width", [1366, 390])
def test_document_without_toc_uses_the_full_width(page, corpus, width):
    document = _flat_document()
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    page.goto_path(f"/policies/documents/{document.pk}/")
    main = page.locator("main").bounding_box()["width"]
    text = page.locator(".doc-main").bounding_box()["width"]
    assert text > main * 0.9, (text, main)  # was 260 px beside an empty sidebar
    expect(page.get_by_role("link", name="下载 Word")).to_be_visible()
    screenshot(page, f"portal-document-{width}")
    page.get_by_role("link", name="打印版").click()
    page.wait_for_load_state()
    expect(page.locator("header.topbar")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".doc-main")).to_be_visible()
    screenshot(page, f"portal-document-print-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_home_search_and_care_version(page, corpus, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    page.goto_path("/")
    screenshot(page, f"portal-home-{width}")
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    if width == 390:
        page.locator("header .menu > summary").click()
    page.get_by_role("link", name="关怀版").click()
    page.wait_for_load_state()
    assert "care=1" in page.url
    bigger = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert bigger >= size * 1.2, (size, bigger)
    screenshot(page, f"portal-home-care-{width}")
    page.get_by_label("搜索人社政策").fill("工伤")
    page.get_by_role("button", name="搜索政策").click()
    page.wait_for_load_state()
    assert "/policies/" in page.url and "q=" in page.url
    expect(page.locator("ol.results")).to_be_visible()
