"""人社政策一点通 in headless Chromium: keyboard only, a phone-sized screen, screenshots."""

from __future__ import annotations

import pytest

from fazhi.conftest import screenshot, text_of
from fazhi.laws.tests.conftest import doc

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"


def tab_to(tab, predicate: str, limit: int = 60) -> None:
    """Press Tab until ``predicate`` (JS over ``el`` = document.activeElement) holds."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def test_search_open_result_and_land_on_the_article_with_the_keyboard(page, corpus):
    # given the search page
    page.goto_path("/policies/")
    # when: Tab to the query box, type, Enter
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    tab_to(page, "el.id === 'q'")
    page.keyboard.type("二倍工资")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("ol.results")
    count = text_of(page.locator("#result-count"))
    assert "找到" in count
    # focus is visible on the first result link
    tab_to(page, "el.closest('.result-title') !== null")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    screenshot(page, "policies-search-results")
    expected = page.evaluate("document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # then the document page opens on the article
    anchor = expected.split("#", 1)[1]
    assert page.evaluate("location.hash") == f"#{anchor}"
    target = page.locator(f"#{anchor}")
    assert target.evaluate("el => el.matches(':target')")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    # and the table of contents is reachable by keyboard and jumps to a chapter
    tab_to(page, "el.closest('nav.toc') !== null")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == href


def test_document_page_fits_a_phone_screen(page, corpus):
    # given the 2023 行政复议法 (long, with chapters and sections)
    document = doc("行政复议法", "2023")
    page.set_viewport_size({"width": 375, "height": 740})
    # when
    page.goto_path(f"/policies/documents/{document.pk}/")
    # then
    assert page.evaluate(NO_OVERFLOW)
    assert text_of(page.get_by_role("heading", level=1)) == document.title
    screenshot(page, "policies-document-mobile")


def test_search_and_diff_fit_a_phone_screen(page, corpus):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto_path("/policies/?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE%E7%94%B3%E8%AF%B7")
    assert page.evaluate(NO_OVERFLOW)
    screenshot(page, "policies-search-mobile")
    document = doc("行政复议法", "2023")
    page.goto_path(f"/policies/documents/{document.pk}/diff/")
    assert page.evaluate(NO_OVERFLOW)


def test_screenshots_of_document_and_diff(page, corpus):
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    page.goto_path(f"/policies/documents/{old.pk}/")
    assert "已被修改" in text_of(page.locator(".doc-status"))
    screenshot(page, "policies-document-amended")
    page.goto_path(f"/policies/documents/{new.pk}/")
    page.get_by_role("button", name="查看修改对照").click()
    page.wait_for_selector(".diff-list")
    assert text_of(page.get_by_role("heading", level=1)).startswith("修改对照")
    screenshot(page, "policies-diff")
