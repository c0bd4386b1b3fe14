"""The demo: the seed's figures (136 renewed in 2019, 100% certified) come out of the register."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.models import OrgUnit, User
from fazhi.accounts.scenario import demo_load
from fazhi.officers import selectors
from fazhi.officers.models import Certificate, Officer

TODAY = date(2025, 6, 16)
pytestmark = pytest.mark.shared_demo(TODAY)  # loaded once (fazhi/conftest.py)
UNITS = ("JCZD-1", "JCZD-2", "HPQ-JC", "HDQ-JC", "HXQ-JC", "NKQ-JC", "BHXQ-JC")


def test_demo_gives_the_seed_figures_and_is_idempotent(shared_demo):
    stats = selectors.certification_stats(year=2019)
    assert stats["renewals"] == 136  # seed 四(一): 完成136名执法人员证件申领注册换证
    assert stats["rate_percent"] == "100.0%" and stats["officers"] == 140  # 持证率达到100%
    assert stats["exams_passed"] == stats["exams"] == 140
    assert stats["training_hours_average"] >= 60 and stats["training_short"] > 0
    assert Certificate.objects.filter(status="suspended").count() == 1
    assert Officer.objects.filter(is_active=False).count() == 2
    # the demo users are officers of their units
    for username, unit in (("zhifa1", "JCZD-1"), ("zhifa2", "JCZD-2"), ("hp_zhifa", "HPQ-JC")):
        officer = selectors.officer_for_user(User.objects.get(username=username))
        assert officer is not None and officer.org_unit.code == unit
    # at least 4 usable officers in each inspection unit on every day of 2019
    day = date(2019, 1, 1)
    while day.year == 2019:
        for code in UNITS:
            unit = OrgUnit.objects.get(code=code)
            assert selectors.usable_officers(on=day, org_unit=unit).count() >= 4, (code, day)
        day = date.fromordinal(day.toordinal() + 13)
    # the live register: every active officer holds a usable card on the demo's today
    assert selectors.usable_officers(on=TODAY).count() == 140
    before = (Officer.objects.count(), Certificate.objects.count())
    demo_load(today=TODAY)
    assert (Officer.objects.count(), Certificate.objects.count()) == before
