"""Issue 17 item 8: a 复议 decision or judgment that undoes a penalty reaches the enforcement
case (through its service), and 被复议率 is computed from the decisions on record."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent
from fazhi.disputes import selectors
from fazhi.disputes.domain.reconsideration import DecisionType
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.test_publicity_withdrawal import (  # noqa: F401  (fixture)
    DECIDED,
    NUMBER,
    _decided,
    published,
)
from fazhi.enforcement.models import Case

pytestmark = pytest.mark.django_db


def test_a_revocation_reaches_the_paid_case(client, people, published):  # noqa: F811
    case, _record = published
    Case.objects.filter(pk=case.pk).update(decided_on=DECIDED, paid_on=date(2019, 3, 10))
    dispute = _decided(people, DecisionType.REVOKE, NUMBER)
    recon.reconsideration_serve(case=dispute, on=date(2019, 5, 22), actor=people["legal"])
    case.refresh_from_db()
    aside = case.set_aside
    assert aside["change"] == "撤销" and aside["effective_on"] == "2019-05-22"
    assert aside["refund_due"] is True and dispute.reference in aside["by"]
    event = AuditEvent.objects.get(action="enforcement.case.set_aside")
    assert event.data["refund_due"] is True
    client.force_login(people["leader"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "原决定已被撤销" in page and "已缴罚款应予退还" in page


def test_an_upheld_decision_does_not_touch_the_case(people, published):  # noqa: F811
    case, _record = published
    Case.objects.filter(pk=case.pk).update(decided_on=DECIDED)
    dispute = _decided(people, DecisionType.UPHOLD, NUMBER)
    recon.reconsideration_serve(case=dispute, on=date(2019, 5, 22), actor=people["legal"])
    case.refresh_from_db()
    assert case.set_aside is None


def test_reconsideration_rate_is_computed_from_decisions_made(people, published):  # noqa: F811
    case, _record = published
    Case.objects.filter(pk=case.pk).update(decided_on=DECIDED)
    _decided(people, DecisionType.REVOKE, NUMBER, org_unit=people["units"]["zhidui"])
    rows, _total = selectors.feedback_figures(user=people["leader"], year=2019)
    row = next(r for r in rows if r.key == people["units"]["zhidui"].name)
    assert row.acts == 1 and row.reconsideration_rate.percent == "100.0%"
