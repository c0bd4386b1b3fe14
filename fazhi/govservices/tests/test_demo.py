"""The demo: the report's reductions come out of the two catalogues; a second run adds nothing."""

from __future__ import annotations

from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from fazhi.accounts import scenario as core_demo
from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent
from fazhi.govservices import demo
from fazhi.govservices.models import BundleApplication, LicenseApplication
from fazhi.govservices.selectors import catalogue_comparison
from fazhi.powers import demo as powers_demo
from fazhi.publicity.models import PublicityRecord

pytestmark = pytest.mark.django_db
TODAY = date(2020, 1, 10)


def _load():
    created: Counter[str] = Counter()
    core_demo.accounts.roles_ensure(actor=SYSTEM)
    units = core_demo._ensure_units(created)
    users = core_demo._ensure_users(units, created)
    ctx = core_demo.DemoContext(actor=users["admin"], today=TODAY, units=units, users=users)
    powers_demo.load(ctx)
    demo.load(ctx)
    return ctx


def test_demo_gives_the_seed_reductions_and_is_idempotent():
    ctx = _load()
    comparison = catalogue_comparison(from_year=2018, to_year=2019)
    # seed report 一(一): 行政许可事项减少50%，申请材料减少30%，办理时间平均缩短83%
    assert comparison.reduction("licensing_items").percent == 50
    assert comparison.reduction("materials").percent == 30
    assert comparison.reduction("average_promised_days").percent == 83
    assert (comparison.old.licensing_items, comparison.new.licensing_items) == (8, 4)
    assert {i.code for i in comparison.removed} == {"XK-JDJG", "XK-TGA"}
    assert {i.code for i, _ in comparison.merged} == {"XK-LWPQ-BG", "XK-LWPQ-YX"}
    apps = LicenseApplication.objects.all()
    assert 115 <= apps.count() <= 130
    assert apps.filter(is_automatic=True).count() >= 30
    assert apps.filter(status="refused").count() >= 3
    assert apps.filter(is_extended=True).exists()
    assert apps.exclude(correction_notice=None).exists()
    assert BundleApplication.objects.count() == 2
    system = AuditEvent.objects.filter(action="services.application.grant", actor_label="system")
    assert system.count() == apps.filter(is_automatic=True).count()
    numbers = list(
        PublicityRecord.objects.filter(kind="license").values_list("licence_number", flat=True)
    )
    assert len(numbers) == len(set(numbers)) == apps.filter(status="granted").count()
    assert ctx.created["license_applications"] >= 115
    out = StringIO()
    call_command("services", "compare", "2018", "2019", stdout=out)
    assert "行政许可事项：8 → 4，减少 50%" in out.getvalue()
    assert "申请材料：97 → 68，减少 30%" in out.getvalue()
    assert "平均承诺办理时限：17 → 2.89，减少 83%" in out.getvalue()
    before = (apps.count(), AuditEvent.objects.count())
    _load()
    assert (LicenseApplication.objects.count(), AuditEvent.objects.count()) == before
