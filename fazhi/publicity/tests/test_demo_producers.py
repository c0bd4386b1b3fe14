"""The whole demo: every decision of the enforcement and licensing demos registered once, the
public page showing penalties and licences today, the queue every state; a second run adds
nothing; the demo clerk sees their licence applications."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from fazhi.accounts.models import User
from fazhi.accounts.scenario import demo_load
from fazhi.core.models import AuditEvent
from fazhi.disputes.models import ReconsiderationCase
from fazhi.enforcement.models import Case
from fazhi.govservices.models import LicenseApplication
from fazhi.govservices.selectors import application_list
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.selectors import overdue_records, public_records

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 28)


def test_demo_publishes_the_decisions_of_the_other_demos_idempotently(client, monkeypatch):
    # given the demo loaded on TODAY
    ctx = demo_load(today=TODAY)
    assert not [n for n in ctx.notes if "公示" in n or "执法案件" in n], ctx.notes
    # then every decision has exactly one record
    decided = Case.objects.exclude(decided_on=None)
    granted = LicenseApplication.objects.filter(status="granted")
    records = PublicityRecord.objects
    assert records.filter(source_type="enforcement.case").count() == decided.count() > 30
    assert records.filter(kind=Kind.LICENSE).count() == granted.count() > 80
    # the public page shows licences and this year's penalties, one withdrawn with its reason
    public = public_records(today=TODAY)
    assert public.filter(kind=Kind.LICENSE).exists()
    assert public.filter(kind=Kind.PENALTY, status=Status.PUBLISHED).count() >= 2
    withdrawn = public.get(status=Status.WITHDRAWN)
    # withdrawn by serving the reconsideration that revoked it (disputes/publicity.py)
    dispute = ReconsiderationCase.objects.get(reference__contains="公示演示")
    assert (dispute.decision, dispute.status) == ("revoke", "served")
    assert withdrawn.withdrawal_reason == f"经行政复议（{dispute.reference}），原决定被撤销"
    assert dispute.original_case_ref == withdrawn.document_number
    # the queue: late ones (the alarm) and one not yet due
    assert overdue_records(today=TODAY).filter(decided_on__year=TODAY.year).exists()
    assert records.filter(status=Status.PENDING, due_on__gt=TODAY).exists()
    # the public page masks a natural person's ID number
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    person = public.filter(party_category="自然人").first()
    assert person is not None
    page = client.get(f"/publicity/?kind={person.kind}").content.decode()
    assert person.party_name in page
    detail = client.get(f"/publicity/{person.pk}/").content.decode()
    assert person.person_id_number not in detail and "********" in detail
    # the demo clerk sees the applications they handle
    clerk = User.objects.get(username="jingban")
    handled = LicenseApplication.objects.filter(handler=clerk)
    assert handled.exists()
    assert set(application_list(user=clerk)) >= set(handled)
    # when loaded again, then nothing new
    events = AuditEvent.objects.filter(action__startswith="publicity.").count()
    count = records.count()
    again = demo_load(today=TODAY)
    assert not {k for k, v in again.created.items() if v and k.startswith("publicity")}
    assert records.count() == count
    assert AuditEvent.objects.filter(action__startswith="publicity.").count() == events
