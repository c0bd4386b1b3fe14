"""``{% qr_code path label %}``: an inline SVG QR code that opens ``path`` on this site.

Printed on a 执法证 check result and a published decision so a paper copy or another phone can
open the public page (issue 19.6). segno writes plain SVG (no script, no style attribute, so the
Content-Security-Policy is satisfied) with no other dependency.
"""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def qr_code(context, path: str, label: str, **query) -> str:
    if query:
        path = f"{path}?{urlencode(query)}"
    request = context.get("request")
    url = request.build_absolute_uri(path) if request is not None else path
    svg = segno.make(url, error="m").svg_inline(
        scale=4, border=2, dark="#000", light="#fff", title=label, svgclass="qr-svg"
    )
    return format_html(
        '<figure class="qr"><span class="qr-image" role="img" aria-label="{}">{}</span>'
        '<figcaption>{}<br><span class="qr-url">{}</span></figcaption></figure>',
        label,
        mark_safe(svg),  # segno's own markup; the URL inside it is escaped by segno
        label,
        url,
    )
