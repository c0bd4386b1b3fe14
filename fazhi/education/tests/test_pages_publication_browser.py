"""A 普法 activity's photo uploaded, published and seen on the public /pufa/ page, on a phone and
a laptop (headless Chromium)."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot
from fazhi.core.tests.test_services_evidence import _png

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_legal_staff_publish_an_activity_with_its_photo(page, people, tmp_path, width):
    from fazhi.education import services

    services.activity_record(
        kind="case_explained",
        title="以案释法进企业",
        org_unit=people["units"]["bureau"],
        starts_on=date(2019, 6, 12),
        audience="用人单位和劳动者",
        actor=people["legal"],
    )
    photo = tmp_path / "现场.png"
    photo.write_bytes(_png())
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "legal")
    page.goto_path("/staff/education/pufa/2019/")
    page.get_by_role("link", name="以案释法进企业").click()
    page.get_by_label("说明").fill("宣讲现场")
    page.get_by_label("文件").set_input_files(str(photo))
    page.get_by_role("button", name="上传").click()
    expect(page.locator("main")).to_contain_text("已保存到证据库")
    page.get_by_label("宣讲现场").check()
    page.get_by_role("button", name="在门户公开").click()
    expect(page.locator("main")).to_contain_text("门户公开")
    screenshot(page, f"education-activity-published-{width}")
    page.context.clear_cookies()
    page.goto_path("/pufa/")
    card = page.locator("article.card", has_text="以案释法进企业")
    expect(card).to_contain_text("宣传对象：用人单位和劳动者")
    expect(card.locator("img")).to_have_attribute("alt", "宣讲现场")
    # the photo is loaded and decodes (wait for it: the page may be shown before its image)
    card.locator("img").scroll_into_view_if_needed()
    width_loaded = card.locator("img").evaluate(
        """img => img.complete ? img.naturalWidth : new Promise(done => {
            img.addEventListener("load", () => done(img.naturalWidth), {once: true});
            img.addEventListener("error", () => done(0), {once: true});
        })"""
    )
    assert width_loaded > 0
    screenshot(page, f"pufa-public-{width}")
