"""The dashboard draws in headless Chromium (1366 and 390 px); a reviewer scores in the browser."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from fazhi.accounts.tests.factories import make_user
from fazhi.conftest import browser_login, screenshot
from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.services import warnings_scan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_dashboard_draws(page, world, org_tree, width):
    make_user("lingdao_b", unit=org_tree["bureau"], roles=["局领导"])
    for i in range(3):
        case = filed_case(world, party_name=f"公司{i}")
        Case.objects.filter(pk=case.pk).update(
            decided_on=date(2019, 4 + i, 1), fine=Decimal("5000")
        )
    warnings_scan(today=date(2019, 12, 20))
    from fazhi.supervision.tests.disputes_rows import seed

    seed(org_tree)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "lingdao_b")
    page.goto_path("/staff/supervision/dashboard/?year=2019")
    expect(page.get_by_role("heading", level=1)).to_have_text("执法监督驾驶舱")
    chart = page.locator('[data-chart="by-month"] svg')
    expect(chart).to_be_visible()
    assert page.locator("[data-chart] svg").count() == 7
    # the rate charts draw one bar series (the rate); the counts stay in the table
    for chart_id in ("correction", "litigation"):
        expect(page.locator(f'[data-chart="{chart_id}"] svg')).to_be_visible()
        assert page.locator(f'[data-chart="{chart_id}"] svg path[fill]').count() > 0
    expect(page.locator("#h-correction")).to_have_text("2019年行政复议纠错率（按单位）")
    assert "66.7" in page.locator("#h-correction + .chart + .table-scroll table").inner_text()
    screenshot(page, f"supervision-dashboard-{width}")


@pytest.mark.parametrize("width", [1366, 390])
def test_published_yearbook_on_the_portal(page, world, org_tree, width):
    from fazhi.supervision.services import yearbook_publish

    cases = [filed_case(world, party_name=f"公司{i}") for i in range(2)]
    for i, case in enumerate(cases):
        Case.objects.filter(pk=case.pk).update(
            decided_on=date(2019, 4 + i, 1), fine=Decimal("5000"), outcome="penalty"
        )
    legal = make_user("fagui_b", unit=org_tree["fagui"], roles=["法规处工作人员"])
    yearbook_publish(year=2019, actor=legal)
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    page.goto_path("/statistics/")
    page.get_by_role("link", name="2019年度行政执法统计年报").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2019年度行政执法统计年报")
    expect(page.get_by_test_id("n-total")).to_have_text("2")
    expect(page.get_by_test_id("amount")).to_have_text("1.0000")
    screenshot(page, f"portal-statistics-{width}")
    page.get_by_test_id("n-fine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("行政处罚：罚款（2件）")
    expect(page.get_by_text(cases[0].reference)).to_be_visible()


@pytest.mark.parametrize("width", [1366, 390])
def test_the_scan_runs_as_a_job_from_the_warning_page(page, world, org_tree, width):
    make_user("fagui_scan", unit=org_tree["fagui"], roles=["法规处工作人员"])
    filed_case(world)  # filed in 2019, never decided: late by now
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "fagui_scan")
    page.goto_path("/staff/supervision/")
    page.get_by_role("button", name="立即核查").click()
    expect(page.locator("#job-status")).to_have_text("已完成")
    expect(page.get_by_text("已核查 1 件案件，新发预警 1 条，消除 0 条。")).to_be_visible()
    screenshot(page, f"supervision-scan-job-{width}")
    page.get_by_role("link", name="查看执法预警").click()
    expect(page.locator("#scan-job")).to_contain_text("上次后台核查：已完成")
    expect(page.locator("td", has_text="未在法定期限内作出处理决定").first).to_be_visible()
    screenshot(page, f"supervision-warnings-after-job-{width}")
