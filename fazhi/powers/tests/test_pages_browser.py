"""The public power list and an item page in headless Chromium: filter by kind, open an item,
compare versions, and a phone-sized screen without horizontal scrolling."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from fazhi.conftest import screenshot
from fazhi.powers.services import power_item_revise
from fazhi.powers.tests.conftest import create_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def power_list(people, corpus):
    item = create_item(people)
    create_item(
        people,
        code="CF-JC-30",
        name="无理抗拒、阻挠劳动保障监察的处罚",
        legal_basis_text="《劳动保障监察条例》第三十条",
    )
    create_item(
        people,
        code="XK-LWPQ",
        kind="licensing",
        name="劳务派遣经营许可",
        org_unit=people["units"]["division"],
        legal_basis_text="《中华人民共和国劳动合同法》第五十七条",
    )
    power_item_revise(
        item=item,
        reason="机构改革：实施主体调整为监察一支队",
        effective_from=date(2019, 6, 1),
        actor=people["legal"],
        org_unit=people["units"]["zhidui"],
    )
    return item


def test_public_list_item_page_and_diff(page, power_list):
    # given the public list
    page.goto_path("/powers/")
    expect(page.get_by_role("heading", name="权责清单")).to_be_visible()
    assert page.locator(".badge.zero").count() == 3  # nothing filed this year
    # when: filter by 行政处罚 through the kind navigation
    with page.expect_navigation():
        page.get_by_role("navigation", name="按职权类别筛选").get_by_role(
            "link", name="行政处罚"
        ).click()
    assert page.locator(".item-card").count() == 2
    expect(page.get_by_label("事项名称或编码")).to_be_visible()  # labelled filter fields
    screenshot(page, "powers-public-list")
    # then: open the item
    with page.expect_navigation():
        page.get_by_role("link", name="克扣或者无故拖欠劳动者工资报酬等的处理").click()
    expect(page.get_by_role("heading", name="变更记录")).to_be_visible()
    expect(page.get_by_text("机构改革：实施主体调整为监察一支队").first).to_be_visible()
    expect(page.get_by_role("link", name="《劳动保障监察条例》第二十六条")).to_be_visible()
    screenshot(page, "powers-public-item")
    # and compare version 1 with version 2
    with page.expect_navigation():
        page.get_by_role("button", name="比较").click()
    expect(page.get_by_role("heading", name="实施主体（责任单位）")).to_be_visible()
    assert page.locator(".field-diff ins").count() >= 1
    screenshot(page, "powers-public-diff")
    # on a phone the item page does not scroll sideways
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto_path("/powers/CF-JC-26/")
    assert page.evaluate(NO_OVERFLOW)
    screenshot(page, "powers-public-item-phone")
