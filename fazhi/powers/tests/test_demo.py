"""The demo power list: the codes other apps rely on, the 2019 adjustments, idempotence."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts import scenario as demo
from fazhi.core.models import AuditEvent
from fazhi.powers.models import PowerItem, PowerItemBasis, PowerItemVersion

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 16)
_ALL = demo.demo_modules

REQUIRED = {
    "CF-JC-25": ("penalty", "inspection"),
    "CF-JC-26": ("penalty", "inspection"),
    "CF-JC-30": ("penalty", "inspection"),
    "CF-HT-84": ("penalty", "inspection"),
    "CF-TG-06": ("penalty", "inspection"),
    "CF-NMG-54": ("penalty", "inspection"),
    "CF-SB-84": ("penalty", "inspection"),
    "CF-SB-86": ("penalty", "inspection"),
    "QZ-SB-63": ("coercion", "insurance_centre"),
    "JC-LD-01": ("inspection", "inspection"),
    "XK-LWPQ": ("licensing", "labour_relations"),
    "XK-RLZY": ("licensing", "mobility"),
}


@pytest.fixture(autouse=True)
def _only_what_powers_needs(monkeypatch):
    wanted = {"fazhi.core.demo", "fazhi.laws.demo", "fazhi.powers.demo"}
    monkeypatch.setattr(demo, "demo_modules", lambda: [m for m in _ALL() if m.__name__ in wanted])


def _counts():
    return (
        PowerItem.objects.count(),
        PowerItemVersion.objects.count(),
        PowerItemBasis.objects.count(),
        AuditEvent.objects.exclude(action="core.demo.load").count(),
    )


def test_demo_power_list_and_idempotence():
    # when
    ctx = demo.demo_load(today=TODAY)
    # then: the list as of 2019
    assert PowerItem.objects.count() >= 40
    assert PowerItem.objects.values("kind").distinct().count() == 10  # every kind is present
    for code, (kind, unit) in REQUIRED.items():
        item = PowerItem.objects.get(code=code)
        assert (item.kind, item.org_unit) == (kind, ctx.units[unit]), code
    assert PowerItem.objects.get(code="CF-JC-26").name == "克扣或者无故拖欠劳动者工资报酬等的处理"
    # the 2019 adjustments: at least three items have a second version with its reason
    revised = PowerItem.objects.filter(version_count__gte=2)
    assert revised.count() >= 3
    med = PowerItem.objects.get(code="GF-YLBX-MED")
    assert not med.is_active and "医疗保障局" in med.versions.get(number=2).reason
    moved = PowerItem.objects.get(code="JC-RLZY-34")
    assert moved.versions.get(number=1).org_unit != moved.org_unit
    # the basis is linked to the corpus where the laws demo imported it
    basis = PowerItem.objects.get(code="CF-JC-26").versions.get().bases.order_by("position")
    if basis[0].document_id:  # the shared data folder is present
        assert basis[0].article.number == 26 and basis[1].article.number == 85
        # 行政复议法 2023 rewrote 第十二条: the department-level 复议 item is flagged
        assert PowerItem.objects.get(code="QT-FY-12").needs_review
    # a second run adds nothing
    before = _counts()
    demo.demo_load(today=TODAY)
    assert _counts() == before
