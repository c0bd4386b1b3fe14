"""The decisions register on a phone (issue 19.5): every badge of a row is whole inside its
cell — none cut off by the cell or the screen — and the page does not scroll sideways."""

from __future__ import annotations

import pytest

from fazhi.conftest import browser_login, screenshot
from fazhi.core.tests.a11y import serious_violations
from fazhi.decisions.tests.conftest import start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLIPPED = """() => [...document.querySelectorAll('main td .badge')].filter(b => {
  const cell = b.closest('td').getBoundingClientRect(), r = b.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(b).lineHeight);
  // outside its cell, wider than itself, or wrapped inside a pill whose round ends cut the text
  return r.right > cell.right + 1 || r.left < cell.left - 1 || b.scrollWidth > b.clientWidth + 1
    || r.height > line * 1.5;
}).map(b => b.textContent)"""


@pytest.mark.parametrize("width", [390, 1366])
def test_register_badges_are_whole(page, people, width):
    start(people, affects_market=True)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "legal")
    page.goto_path("/staff/decisions/")
    page.wait_for_load_state()
    assert page.locator("main td .badge").count() >= 5  # the stage and the open gates
    assert page.evaluate(CLIPPED) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    screenshot(page, f"decisions-register-badges-{width}")
    assert serious_violations(page) == []
