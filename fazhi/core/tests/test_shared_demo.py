"""The shared demo (fazhi/conftest.py): one load serves the consecutive tests of its day, a
test's own writes do not reach the next, and the load does not reach a test that does not
share it."""

from datetime import date

import pytest

from fazhi.accounts import scenario
from fazhi.accounts.models import OrgUnit
from fazhi.core.models import AuditEvent

DAY = date(2025, 6, 17)  # no real shared-demo test uses this day: the load here is core's only
_ALL = scenario.demo_modules


@pytest.fixture(autouse=True)
def _core_demo_only(monkeypatch):
    monkeypatch.setattr(
        scenario, "demo_modules", lambda: [m for m in _ALL() if m.__name__ == "fazhi.core.demo"]
    )


@pytest.mark.shared_demo(DAY)
def test_a_shared_test_writes(shared_demo):
    assert shared_demo.today == DAY
    assert AuditEvent.objects.filter(action="core.demo.load").count() == 1
    OrgUnit.objects.filter(code="JU").update(name="改过的名称")


@pytest.mark.shared_demo(DAY)
def test_the_next_sees_the_one_load_but_not_that_write(shared_demo):
    assert OrgUnit.objects.get(code="JU").name != "改过的名称"
    assert AuditEvent.objects.filter(action="core.demo.load").count() == 1


@pytest.mark.django_db
def test_a_test_that_does_not_share_it_sees_none_of_it():
    assert not OrgUnit.objects.exists() and not AuditEvent.objects.exists()
