"""The document page's articles, built in one pass (presentation.articles_html, issue 25)."""

from __future__ import annotations

from types import SimpleNamespace

from fazhi.portal import presentation as p


def _article(position, label, clauses, headings=()):
    return SimpleNamespace(
        position=position, label=label, clauses=clauses, headings=headings, anchor=f"art-{position}"
    )


def test_headings_labels_and_clauses_are_escaped_with_line_breaks():
    articles = [
        _article(1, "第一条", ["甲<script>\n乙"], headings=("第一章 总则",)),
        _article(2, "", ["丙 & 丁"], headings=("第一章 总则",)),
    ]
    _toc, items = p.outline(articles)
    html = str(p.articles_html(items))
    assert '<h3 id="sec-1" class="structure-heading" tabindex="-1">第一章 总则</h3>' in html
    assert '<h4 class="article-label" id="art-1-label">第一条</h4>' in html
    assert "<p>甲&lt;script&gt;<br>乙</p>" in html and "<script>" not in html
    assert '<h4 class="article-label" id="art-2-label">第 2 段</h4>' in html
    assert "<p>丙 &amp; 丁</p>" in html
    assert html.count('<article class="law-article"') == 2 and html.count("structure-heading") == 1


def test_no_articles_no_markup():
    assert str(p.articles_html([])) == ""
