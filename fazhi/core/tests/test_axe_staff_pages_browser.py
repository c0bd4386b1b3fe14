"""axe-core on every page of the staff menu at phone width (issue 19.5/19.10): with the
tables in their focusable scroll boxes, no serious or critical violation is left. A leader who
is also 法规处 staff opens the widest menu; screenshots are kept for a person to look at."""

from __future__ import annotations

import pytest

from fazhi.accounts.navigation import menu_for
from fazhi.accounts.tests.factories import make_user
from fazhi.conftest import browser_login, screenshot
from fazhi.core.tests.a11y import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_menu_page_passes_axe_on_a_phone(page, org_tree):
    user = make_user("head", unit=org_tree["bureau"], roles=["局领导", "法规处工作人员"])
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, "head")
    found = {}
    for label, url in menu_for(user):
        page.goto_path(url)
        screenshot(page, f"axe-390{url.rstrip('/').replace('/', '-')}")
        problems = serious_violations(page)
        if problems:
            found[f"{label} {url}"] = problems
    assert found == {}
