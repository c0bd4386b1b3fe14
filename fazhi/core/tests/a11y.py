"""axe-core in the page tests (issue 19.10): run the engine on the open page and return its
serious and critical violations.

axe-core comes from the ``axe-playwright-python`` package (a dev dependency that ships
``axe.min.js``, MPL-2.0): nothing is fetched at test time. Without the package the check is
skipped, unless FAZHI_REQUIRE_BROWSER=1 (CI), where a missing engine fails the test.
"""

from __future__ import annotations

import os
from functools import cache

import pytest

SERIOUS = ("serious", "critical")


@cache
def _engine() -> str:
    from importlib.resources import files

    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def serious_violations(page) -> list[str]:
    """``rule id: help (selectors)`` for each serious or critical axe-core violation."""
    try:
        source = _engine()
    except (ModuleNotFoundError, FileNotFoundError):
        if os.environ.get("FAZHI_REQUIRE_BROWSER") == "1":
            pytest.fail("无障碍检查需要 axe-playwright-python（开发依赖，内含 axe-core）")
        pytest.skip("无障碍检查需要 axe-playwright-python（pip install -e '.[dev]'）")
    page.wait_for_load_state()
    page.evaluate(source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in result["violations"]
        if v.get("impact") in SERIOUS
    ]
