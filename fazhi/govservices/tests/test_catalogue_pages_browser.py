"""The catalogue screens in headless Chromium at 1366 and 390 px, as the 业务处室经办人 uses
them: a new year's draft, an item refused then added (the input kept), publication."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot
from fazhi.core.tests.a11y import serious_violations
from fazhi.govservices.models import CatalogueVersion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_clerk_makes_a_catalogue_version(page, people, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "clerk")
    page.goto_path("/staff/services/")
    page.get_by_role("link", name="新建年度目录").click()
    page.get_by_label("年度").fill("2027")
    page.get_by_label("目录名称").fill("市人社局政务服务事项目录（2027年版）")
    page.get_by_role("button", name="新建目录").click()
    expect(page.get_by_role("status")).to_contain_text("已新建2027年度目录")
    page.get_by_role("link", name="增加事项").click()
    page.get_by_label("事项编码").fill("XK-TSGS")
    page.get_by_label("事项名称").fill("特殊工时制度审批")
    page.get_by_label("事项类型").select_option(label="行政许可")
    page.get_by_label("承诺时限（工作日；即办件填 0）").fill("25")
    page.get_by_label("法定时限（工作日，可不填）").fill("20")
    page.get_by_label("许可类别").select_option(index=1)
    page.get_by_label("许可文号机关代字").fill("津人社许")
    page.get_by_label("申请材料", exact=False).fill("特殊工时制度申请表\n营业执照副本（免提交）")
    page.get_by_role("button", name="增加事项").click()
    expect(page.get_by_role("alert")).to_contain_text("承诺时限不得超过法定时限")
    expect(page.get_by_label("事项名称")).to_have_value("特殊工时制度审批")
    expect(page.get_by_label("申请材料", exact=False)).to_have_value(
        "特殊工时制度申请表\n营业执照副本（免提交）"
    )
    assert serious_violations(page) == []
    screenshot(page, f"services-item-refused-{width}")
    page.get_by_label("承诺时限（工作日；即办件填 0）").fill("5")
    page.get_by_role("button", name="增加事项").click()
    expect(page.get_by_role("status")).to_contain_text("已增加事项 XK-TSGS")
    page.get_by_role("button", name="公布目录").click()
    expect(page.get_by_role("status")).to_contain_text("已公布2027年度目录")
    screenshot(page, f"services-catalogue-published-{width}")
    assert CatalogueVersion.objects.get(year=2027).status == "published"
