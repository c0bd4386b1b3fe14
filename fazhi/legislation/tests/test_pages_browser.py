"""The 立法 forms in headless Chromium for 法规处 and the business division, phone and laptop."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot
from fazhi.legislation.models import DraftFromAbove, Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _size(page, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})


@pytest.mark.parametrize("width", [1366, 390])
def test_legal_applies_for_a_rule_and_a_short_comment_period_is_refused(page, people, width):
    today = timezone.localdate()
    _size(page, width)
    browser_login(page, "legal")
    page.goto_path("/staff/legislation/")
    page.get_by_role("link", name="立项申请").click()
    page.get_by_label("项目类型").select_option("rule")
    page.get_by_label("项目名称").fill("职业技能培训规定")
    page.get_by_label("立项申请", exact=False).fill("必要性；主要问题；拟确立的制度")
    page.get_by_role("button", name="登记").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("职业技能培训规定")
    page.locator("#step-start_drafting summary").click()
    page.get_by_role("button", name="开始起草").click()
    expect(page.locator("main")).to_contain_text("起草中")
    box = page.locator("#step-open_comment")
    box.locator("summary").click()
    short = today + timedelta(days=20)
    box.get_by_label("征求意见截止日期").fill(short.isoformat())
    box.get_by_role("button", name="发布征求意见").click()
    expect(page.locator("#step-open_comment [role=alert]")).to_contain_text("30")
    expect(page.locator("#step-open_comment").get_by_label("征求意见截止日期")).to_have_value(
        short.isoformat()
    )
    assert Project.objects.get().comment_opens is None
    screenshot(page, f"legislation-project-legal-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_division_answers_a_draft_from_above_article_by_article(page, people, width):
    today = timezone.localdate()
    _size(page, width)
    browser_login(page, "clerk")
    page.goto_path("/staff/legislation/")
    page.get_by_role("link", name="登记上级草案").click()
    page.get_by_label("草案名称").fill("社会保险法（修正草案）")
    page.get_by_label("征求意见机关").fill("市司法局")
    page.get_by_label("反馈期限").fill((today + timedelta(days=10)).isoformat())
    page.get_by_role("button", name="登记").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("社会保险法（修正草案）")
    box = page.locator("#step-opinions")
    box.locator("summary").click()
    box.get_by_label("意见1：条款").fill("第五条")
    box.get_by_label("意见1：修改建议").fill("删除第二款")
    box.get_by_label("意见1：依据").fill("立法法第六条")
    box.get_by_role("button", name="保存意见").click()
    expect(page.locator("#step-opinions [role=alert]")).to_contain_text("理由")
    expect(page.locator("#step-opinions").get_by_label("意见1：修改建议")).to_have_value(
        "删除第二款"
    )
    assert DraftFromAbove.objects.get().opinions == []
    page.locator("#step-opinions").get_by_label("意见1：理由").fill("与上位法重复")
    page.locator("#step-opinions").get_by_role("button", name="保存意见").click()
    expect(page.locator("main table")).to_contain_text("与上位法重复")
    expect(page.locator("#step-sign")).to_have_count(0)  # a 局领导 signs
    screenshot(page, f"legislation-draft-clerk-{width}")
