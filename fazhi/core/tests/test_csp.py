"""A Content-Security-Policy on every page; no inline script in any template (issue 18 item 11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fazhi

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(Path(fazhi.__file__).parent.rglob("templates/**/*.html"))


@pytest.mark.parametrize("url", ["/", "/staff/accounts/login/", "/no-such-page/", "/api/v1/laws"])
def test_every_response_carries_the_policy(client, url):
    policy = client.get(url).headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


def test_staff_pages_carry_it_too(client, staff_user):
    client.force_login(staff_user)
    assert "Content-Security-Policy" in client.get("/staff/").headers


def test_no_template_has_inline_script_or_event_handlers():
    assert TEMPLATES, "templates not found"
    offenders = []
    for path in TEMPLATES:
        text = path.read_text("utf-8")
        for match in re.finditer(r"<script\b([^>]*)>", text, re.I):
            if "src=" not in match.group(1):
                offenders.append(f"{path}: inline <script>")
        if re.search(r"\son[a-z]+\s*=\s*[\"']", text, re.I):
            offenders.append(f"{path}: on*= handler")
        if re.search(r"javascript:", text, re.I):
            offenders.append(f"{path}: javascript: URL")
    assert offenders == []
