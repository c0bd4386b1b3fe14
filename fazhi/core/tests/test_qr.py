"""QR codes on public pages (issue 19.6): a 执法证 check result and a published decision carry a
QR code that opens their own public page."""

from __future__ import annotations

import re

import segno
from django.template import Context, Template
from django.test import RequestFactory


def test_tag_encodes_the_absolute_url_and_shows_it():
    request = RequestFactory().get("/", HTTP_HOST="rsj.example.gov.cn")
    html = Template('{% load qr %}{% qr_code "/officers/check/" "扫码" number="12 0" %}').render(
        Context({"request": request})
    )
    url = "http://rsj.example.gov.cn/officers/check/?number=12+0"
    assert "<svg" in html and 'aria-label="扫码"' in html and url in html
    # the same matrix segno draws for that URL: the code encodes the page, not a placeholder
    expected = segno.make(url, error="m").svg_inline(scale=4, border=2, title="扫码")
    path = re.search(r' d="([^"]+)"', expected).group(1)
    assert path in html
    assert "style=" not in html and "<script" not in html  # the CSP forbids both inline
