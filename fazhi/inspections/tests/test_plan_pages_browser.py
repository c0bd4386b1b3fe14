"""The 一单两库 screens in headless Chromium at 1366 and 390 px, as the 总队's officer uses them:
add an item (a refusal keeps the input), publish it, make a plan and open its draw form."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.core.tests.a11y import serious_violations
from fazhi.inspections.models import InspectionItem, InspectionPlan
from fazhi.inspections.tests.conftest import make_employers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_officer_adds_an_item_and_makes_a_plan(page, people, power_item, width):
    make_employers(6)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "manager")
    page.goto_path("/staff/inspections/")
    page.get_by_role("link", name="新增抽查事项").click()
    page.get_by_label("权责事项（行政检查）").select_option(label="JC-LD-01 劳动保障监察检查")
    page.get_by_label("抽查事项编码").fill("SJ-09")
    page.get_by_label("抽查事项名称").fill("工资支付情况检查")
    page.get_by_label("抽查依据").fill("《劳动保障监察条例》第十一条")
    page.get_by_label("抽查方式").fill("书面检查")
    page.get_by_label("A抽查比例").fill("120%")
    page.get_by_role("button", name="列入清单").click()
    expect(page.get_by_role("alert")).to_contain_text("须在 0 与 1 之间")
    expect(page.get_by_label("抽查事项名称")).to_have_value("工资支付情况检查")
    expect(page.get_by_label("A抽查比例")).to_have_value("120%")
    assert serious_violations(page) == []
    screenshot(page, f"inspections-item-refused-{width}")
    page.get_by_label("A抽查比例").fill("5%")
    page.get_by_role("button", name="列入清单").click()
    expect(page.get_by_role("status")).to_contain_text("列入随机抽查事项清单")
    page.get_by_role("button", name="公示").click()
    expect(page.get_by_role("status")).to_contain_text("已公示抽查事项 SJ-09")
    assert InspectionItem.objects.get(code="SJ-09").is_published

    page.get_by_role("link", name="制定抽查计划").click()
    page.get_by_label("计划名称").fill("2026年度工资支付专项抽查")
    page.get_by_label("SJ-09 工资支付情况检查").check()
    page.get_by_label("B抽查比例").fill("0.1")
    page.get_by_label("联合检查部门（可不填）").fill("市市场监管委")
    assert serious_violations(page) == []
    screenshot(page, f"inspections-plan-form-{width}")
    page.get_by_role("button", name="制定计划").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2026年度工资支付专项抽查")
    assert "比例：B 10%" in text_of(page.locator("main"))
    # the draw's first step, refused for a missing public value, keeps what was typed
    page.get_by_label("公开随机值来源").fill("  ")
    today = timezone.localdate().isoformat()
    page.get_by_label("公开随机值公布日期").fill(today)
    page.get_by_role("button", name="第一步：冻结名单并公布承诺值").click()
    expect(page.get_by_role("alert")).to_contain_text("公开随机值")
    expect(page.get_by_label("公开随机值公布日期")).to_have_value(today)
    screenshot(page, f"inspections-plan-detail-{width}")
    assert InspectionPlan.objects.get().shares == {"B": "0.1"}


@pytest.mark.parametrize("width", [1366, 390])
def test_the_draw_page_shows_the_pool_day_beside_its_entry(page, world, width):
    """18.5: the pool's day typed before the day of the commitment is flagged on the staff page."""
    from fazhi.inspections.services import draws
    from fazhi.inspections.tests.conftest import DRAW_DAY, beacon_terms

    draw = draws.draw_commit(
        plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
    )
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "manager")
    page.goto_path(f"/staff/inspections/draws/{draw.pk}/")
    section = page.get_by_test_id("date-entries")
    expect(section.get_by_role("heading", name="日期录入记录")).to_be_visible()
    text = text_of(section)
    assert "抽取日（检查人员名单所依日期）" in text and "2019-05-06" in text
    assert "疑似倒签" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious_violations(page) == []
    screenshot(page, f"inspections-draw-dates-{width}")
