"""``{% scrollable ["label"] %}<table>…</table>{% endscrollable %}``: the box a wide table
scrolls in on a phone (issue 19.5).

A box that scrolls must be reachable by keyboard and named (axe-core
``scrollable-region-focusable``; WCAG 2.1.1): the box gets ``tabindex="0"``,
``role="region"`` and an ``aria-label`` — the label given, else the table's caption. No
script: app.css makes the box scroll, the table keeps its width.
"""

from __future__ import annotations

import re
from html import unescape

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.DOTALL)


def caption_of(html: str) -> str:
    """The plain text of the first caption in ``html``, or "" (squeezed to one line)."""
    found = _CAPTION.search(html)
    return " ".join(unescape(strip_tags(found.group(1))).split())[:120] if found else ""


class ScrollableNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist, self.label = nodelist, label

    def render(self, context) -> str:
        inner = self.nodelist.render(context)
        label = str(self.label.resolve(context)) if self.label is not None else ""
        return format_html(
            '<div class="table-scroll" tabindex="0" role="region" aria-label="{}">{}</div>',
            label or caption_of(inner) or "表格",
            mark_safe(inner),  # rendered (and escaped) by the template itself
        )


@register.tag("scrollable")
def scrollable(parser, token):
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("{% scrollable %} takes at most one label")
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endscrollable",))
    parser.delete_first_token()
    return ScrollableNode(nodelist, label)
