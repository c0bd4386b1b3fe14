"""The enforcement demo: a year of cases in every state; a second run creates nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import F

from fazhi.accounts.scenario import demo_load
from fazhi.core.models import AuditEvent
from fazhi.enforcement.domain.case_flow import Status
from fazhi.enforcement.models import Case, CaseDateEntry

pytestmark = pytest.mark.shared_demo(date(2019, 12, 31))  # loaded once (fazhi/conftest.py)


def test_demo_covers_every_state_and_is_idempotent(shared_demo):
    ctx = shared_demo
    assert not [n for n in ctx.notes if "执法案件" in n], ctx.notes
    cases = Case.objects.filter(reference__contains="-2019-D")
    assert cases.count() >= 55
    states = set(cases.values_list("status", flat=True))
    assert states == {s.value for s in Status} - {"heard"}
    assert cases.filter(surcharge__gt=0).exists()
    assert cases.filter(reviews__opinion="problems").exists()
    assert cases.filter(acts__evidence__mime_type__startswith="audio/").exists()
    assert cases.filter(acts__evidence__mime_type__startswith="video/").exists()
    assert cases.filter(hearing__record__isnull=False).exists()
    numbers = list(cases.exclude(decision_number="").values_list("decision_number", flat=True))
    assert len(numbers) == len(set(numbers)) > 20
    assert cases.filter(officers__user__username="zhifa1").exists()
    # issue 17: the 负责人 decides every case on the officer's proposal; wage arrears end in
    # 加付赔偿金 (not a 罚款) after an unheeded 责令支付, never published as CF_CFLB=罚款
    decided = cases.exclude(decided_on=None)
    assert not decided.filter(decided_by__username__in=["zhifa1", "zhifa2", "hp_zhifa"]).exists()
    assert not decided.filter(proposed_on=None).exists()
    wages = decided.filter(violation_code="lsi-26")
    assert wages.exists() and not wages.exclude(sanction="compensation").exists()
    assert not wages.filter(fine__gt=0).exists() and not wages.filter(surcharge__gt=0).exists()
    assert not wages.exclude(orders__is_payment=True, orders__status="overdue").exists()
    from fazhi.publicity.models import PublicityRecord

    published = PublicityRecord.objects.filter(document_number__in=wages.values("decision_number"))
    assert published.exists() and not published.exclude(kind="other").exists()
    assert not published.filter(fine_yuan__isnull=False).exists()
    # issue 18.5: the demo's staff enter each step the day it is done: every typed date is
    # logged beside its entry, none flagged, and no clock of the bureau missed by a late entry
    entries = CaseDateEntry.objects.filter(case__in=cases)
    assert entries.filter(step="decide").count() == decided.count()
    assert not entries.filter(flagged=True).exists()
    assert not entries.exclude(typed_on=F("entered_on")).exclude(step="serve").exists()
    # when loaded again, then nothing new
    events = AuditEvent.objects.count()
    again = demo_load(today=date(2019, 12, 31))
    assert again.created["enforcement_cases"] == 0
    assert (
        Case.objects.count()
        == cases.count() + Case.objects.exclude(reference__contains="-2019-D").count()
    )
    assert (
        AuditEvent.objects.filter(action__startswith="enforcement.case").count()
        == AuditEvent.objects.filter(action__startswith="enforcement.case", seq__lte=events).count()
    )
