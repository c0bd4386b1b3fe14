"""The head's year as 法规处 uses it, in headless Chromium at 1366 and 390 px: the 2019 demo's
plan, the record with a new study session and its sign-in sheet, 述法 and the assessment."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot, text_of
from fazhi.decisions.tests.test_demo import _ctx
from fazhi.planning import demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_heads_year(page, width, tmp_path):
    demo.load(_ctx())
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "fagui", "fazhi-fagui-2019")
    page.goto_path("/staff/planning/?year=2019")
    expect(page.get_by_role("heading", level=1)).to_have_text("法治建设第一责任人 · 2019年")
    summary = text_of(page.get_by_label("本年概况"))
    assert "2\n局级集体学法（次）" in summary and "4\n处级集体学法（次）" in summary
    screenshot(page, f"planning-year-{width}")
    # a fifth 处级 session with its sign-in sheet
    sheet = tmp_path / "签到表.pdf"
    sheet.write_bytes(b"%PDF-1.4\n% sign-in\n%%EOF\n")
    page.locator("summary", has_text="登记履职记录").click()
    form = page.locator("#duties form")
    form.get_by_label("类别").select_option("study")
    form.get_by_label("学习层级（集体学法必填）").select_option("division")
    form.get_by_label("日期").fill("2019-12-20")
    form.get_by_label("主题").fill("学习《优化营商环境条例》")
    form.get_by_label("应到人数").fill("46")
    form.get_by_label("实到人数").fill("45")
    form.locator("input[name=evidence]").set_input_files(str(sheet))
    form.get_by_role("button", name="登记").click()
    main = text_of(page.locator("main"))
    assert "已登记履职记录" in main and "学习《优化营商环境条例》" in main
    assert "5\n处级集体学法（次）" in text_of(page.get_by_label("本年概况"))
    # the plan, 述法 and the assessment
    page.get_by_role("link", name="市人社局2019年法治政府建设工作要点").click()
    assert "按期完成" in text_of(page.locator("main"))
    screenshot(page, f"planning-plan-{width}")
    page.goto_path("/staff/planning/?year=2019")
    page.get_by_role("link", name="钱局长").click()
    main = text_of(page.locator("main"))
    assert "评议结果" in main and "局级领导干部集体学法 2次" in main
    screenshot(page, f"planning-statement-{width}")
    page.goto_path("/staff/planning/?year=2019")
    page.get_by_role("link", name="全面依法治市2019年绩效考评指标（人社局）").click()
    main = text_of(page.locator("main"))
    assert "推定" in main and "评审打分：孙法规" in main and "取自记录" in main
    screenshot(page, f"planning-assessment-{width}")
