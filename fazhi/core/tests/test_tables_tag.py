"""``{% scrollable %}`` (issue 19.5): the box a table scrolls in on a phone is focusable and
named, and every table of the platform's templates sits in one."""

from __future__ import annotations

import re
from pathlib import Path

from django.template import Context, Template

FAZHI = Path(__file__).resolve().parents[2]  # the fazhi package: its apps' and its own templates


def render(source: str, **context) -> str:
    return Template("{% load tables %}" + source).render(Context(context))


def test_the_box_is_focusable_and_named_by_the_caption():
    html = render(
        "{% scrollable %}<table><caption>共 <b>3</b> 件 &amp; 更多</caption></table>{% endscrollable %}"
    )
    assert html.startswith(
        '<div class="table-scroll" tabindex="0" role="region" aria-label="共 3 件 &amp; 更多">'
    )
    assert html.endswith("</table></div>")


def test_a_given_label_wins_and_is_escaped():
    html = render("{% scrollable name %}<table></table>{% endscrollable %}", name='期限"<x>')
    assert 'aria-label="期限&quot;&lt;x&gt;"' in html
    assert 'aria-label="表格"' in render("{% scrollable %}<table></table>{% endscrollable %}")


def test_every_table_sits_in_a_scroll_box():
    unwrapped = []
    paths = sorted(FAZHI.glob("*/templates/**/*.html"))
    assert len(paths) > 100  # the glob finds the templates (it once found none)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        tables = len(re.findall(r"<table\b", text))
        boxed = len(re.findall(r"\{% scrollable[^%]*%\}\s*<table\b", text))
        if tables != boxed:
            unwrapped.append(str(path.relative_to(FAZHI)))
    assert unwrapped == []
