"""The demo command run again over the full demo (loaded once, fixture ``shared_demo``)."""

import pytest

from fazhi.accounts.models import User
from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.selectors.deadlines import deadlines_overview, subject_urls
from fazhi.core.tests.test_demo import TODAY, _counts, _run

pytestmark = [pytest.mark.full_demo, pytest.mark.shared_demo(TODAY)]


def test_second_run_writes_only_its_own_audit_event(shared_demo):
    # given: the full demo, loaded once
    before = _counts()
    # when
    _run()
    # then
    after = _counts()
    assert after == {**before, "AuditEvent": before["AuditEvent"] + 1}
    last = AuditEvent.objects.order_by("-seq").first()
    assert last.action == "core.demo.load"
    assert last.data["created"] == {}
    assert AuditEvent.objects.filter(action="core.demo.load").count() == 2
    # every record a deadline hangs on opens from 我的期限 (core's own demo ones hang on units)
    deadlines = Deadline.objects.exclude(subject_type="accounts.orgunit")
    assert len(subject_urls(deadlines)) == deadlines.count() > 0
    # and every kind of record on 期限概览 leads to the list where it is worked through
    kinds = deadlines_overview(user=User.objects.get(username="admin"), today=TODAY)
    assert kinds and all(kind.url for kind in kinds)
