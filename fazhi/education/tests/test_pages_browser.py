"""The exam on a phone and a laptop, in headless Chromium: a choice is saved as it is made (the
page's script, through the API), a reload keeps it, then the paper is handed in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from fazhi.conftest import browser_login, screenshot
from fazhi.education.models import Answer, Sitting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_officer_sits_the_exam(page, people, exam, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    browser_login(page, "officer")
    page.goto_path("/staff/education/")
    page.get_by_role("button", name="开始答题").click()
    expect(page.locator("fieldset.exam-question")).to_have_count(7)
    first = page.locator("fieldset.exam-question").first
    first.locator("input[data-question]").nth(1).check()
    expect(first).to_have_class("exam-question exam-saved")
    sitting = Sitting.objects.get()
    assert Answer.objects.get(sitting=sitting, question_id=sitting.questions[0]).response == "B"
    page.reload()
    expect(
        page.locator("fieldset.exam-question").first.locator("input[data-question]").nth(1)
    ).to_be_checked()
    screenshot(page, f"education-sitting-{width}")
    page.get_by_role("button", name="交卷").click()
    expect(page.locator("main")).to_contain_text("已交卷")
    screenshot(page, f"education-submitted-{width}")
