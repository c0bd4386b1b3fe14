"""The supervision demo: warnings from the scan, a closed 2019 评查 campaign whose files were
scored from what their files lack, two 督办; the report's figure comes from those records; a
second run creates nothing."""

from datetime import date

import pytest
from django.db.models import Count

from fazhi.accounts.scenario import demo_load
from fazhi.core.selectors.figures import compute
from fazhi.supervision import selectors
from fazhi.supervision.domain.warnings import NOT_EVALUATED, RULES
from fazhi.supervision.models import Campaign, Oversight, Rectification, ReviewFile, Warning

pytestmark = pytest.mark.shared_demo(date(2019, 12, 31))  # loaded once (fazhi/conftest.py)


def test_demo_campaign_warnings_oversight_and_the_report_figure(shared_demo):
    ctx = shared_demo
    assert not [n for n in ctx.notes if "评查" in n], ctx.notes
    campaign = Campaign.objects.get(year=2019)
    files = ReviewFile.objects.filter(campaign=campaign)
    assert campaign.status == "closed" and files.count() >= 5
    assert not files.filter(submitted_at__isnull=True).exists()
    for f in files:
        units = {u.org_unit.path for u in f.reviewers.all()}
        assert not any(f.org_unit.path.startswith(p) for p in units)  # 回避
    assert Rectification.objects.count() == 1
    assert Oversight.objects.filter(status="closed").count() == 1
    assert Oversight.objects.filter(status="issued").count() == 1
    value = compute("supervision.case_files_reviewed", 2019)
    assert value.value == files.count() and len(value.records) == files.count()
    warnings = Warning.objects.count()
    by_rule = dict(
        Warning.objects.order_by()
        .values_list("rule")
        .annotate(n=Count("pk"))
        .values_list("rule", "n")
    )
    assert by_rule and set(by_rule) <= set(RULES) - set(NOT_EVALUATED), by_rule
    for w in Warning.objects.all():  # each says what to do and opens its record
        assert w.message and selectors.subject_url(w)
    again = demo_load(today=date(2019, 12, 31))
    assert again.created["评查案卷"] == 0 and again.created["督办"] == 0
    assert Warning.objects.count() == warnings
