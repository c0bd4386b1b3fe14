"""Phones (issue 19.5): the header folds into a 菜单 button without script, tables scroll inside
their box, and the red header shows a focus ring. Headless Chromium at 390 and 1366 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.accounts.tests.factories import make_user
from fazhi.conftest import browser_login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _header_height(page) -> float:
    return page.locator("header.topbar").bounding_box()["height"]


def test_staff_header_folds_on_a_phone(page, org_tree):
    make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, "legal")
    page.goto_path("/staff/")
    nav_link = page.get_by_role("link", name="规范性文件", exact=True)
    expect(nav_link).to_be_hidden()
    screenshot(page, "phone-staff-header-closed-390")
    assert _header_height(page) < 80  # was 270–312 px of 844
    page.locator("header .menu > summary").click()
    expect(nav_link).to_be_visible()
    expect(page.get_by_role("button", name="退出")).to_be_visible()
    screenshot(page, "phone-staff-header-open-390")
    nav_link.click()
    page.wait_for_load_state()
    assert "/staff/normdocs/" in page.url


def test_staff_header_stays_open_on_a_wide_screen(page, org_tree):
    make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    page.set_viewport_size({"width": 1366, "height": 768})
    browser_login(page, "legal")
    page.goto_path("/staff/")
    expect(page.locator("header .menu > summary")).to_be_hidden()
    expect(page.get_by_role("link", name="规范性文件", exact=True)).to_be_visible()
    # two rows of links since the governance modules joined the menu, open, not folded
    assert _header_height(page) < 200
    screenshot(page, "phone-staff-header-1366")


@pytest.mark.parametrize("width", [1366, 390])
def test_focus_ring_on_the_red_header(page, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto_path("/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand, on red
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineColor, s.outlineWidth]; }"
    )
    assert outline[0] == "solid" and outline[1] == "rgb(255, 255, 255)", outline
    screenshot(page, f"phone-focus-ring-{width}")


def test_portal_header_folds_and_tables_scroll_in_their_box(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto_path("/inspections/results/")
    assert _header_height(page) < 80
    expect(page.get_by_role("link", name="人社政策一点通")).to_be_hidden()
    # the page itself never scrolls sideways: a wide table scrolls inside its own box
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, width
    expect(
        page.get_by_role("searchbox").or_(page.get_by_label("单位名称或统一社会信用代码"))
    ).to_be_visible()
    screenshot(page, "phone-portal-results-390")
