"""The scan in batches (issue 22, city scale): the batch loader gives, case for case, the facts
the per-case loader gave before batching, so the same warnings; and a batch is read in a number
of queries that does not grow with the number of cases."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fazhi.core.models import AuditEvent
from fazhi.core.selectors.calendar import work_calendar
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.officers.selectors import valid_certificate
from fazhi.publicity.selectors import record_of
from fazhi.supervision import selectors
from fazhi.supervision.domain import warnings as rules
from fazhi.supervision.models import CaseCheck, Preservation, PushItem, ScanRun, Warning
from fazhi.supervision.selectors.facts import (
    CASE_RELATED,
    PUSH_EVENTS,
    CaseBatch,
    _decimal,
    _hearing_right,
    _review_by_catalogue,
)
from fazhi.supervision.services.scan import _merged, warnings_scan

LATE = date(2019, 12, 20)


def per_case_facts(case: Case) -> rules.CaseFacts:
    """The per-case loader as it was before batching (selectors.case_facts at 6d6ee55): a dozen
    queries per case. Kept here as the oracle the batch loader must agree with."""

    def certified(officers, on):
        return sum(1 for o in officers if valid_certificate(officer=o, on=on) is not None)

    acts = list(case.acts.prefetch_related("officers").order_by("seq"))
    kinds = {a.kind for a in acts}
    reviews = list(case.reviews.all())
    publicity = record_of(case) if case.decided_on else None
    proposal = case.proposal or {}
    accepted = list(
        PushItem.objects.filter(
            subject_type=selectors.CASE_TYPE,
            subject_id=str(case.pk),
            status=PushItem.Status.ACCEPTED,
            accepted_at__isnull=False,
        ).values_list("payload", "accepted_at")
    )
    pushes = []
    for key, label in PUSH_EVENTS:
        happened = getattr(case, key)
        if happened is None:
            continue
        days = [timezone.localdate(at) for p, at in accepted if p.get(key) == happened.isoformat()]
        pushes.append((label, happened, min(days) if days else None))
    return rules.CaseFacts(
        procedure=case.procedure,
        filed_on=case.filed_on,
        decided_on=case.decided_on,
        finished=case.status in selectors.FINISHED,
        extended=act_rules.ActKind.EXTENSION in kinds,
        fine=case.fine,
        proposal_min=_decimal(proposal.get("min_amount")),
        proposal_max=_decimal(proposal.get("max_amount")),
        departure_reason=case.departure_reason,
        review_required=bool(reviews)
        or any(
            (case.is_public_interest, case.is_social_impact, case.is_major_rights, case.is_complex)
        ),
        review_agreed=any(r.opinion == "agree" and r.reviewed_on for r in reviews),
        decision_officers=(
            certified(list(case.officers.all()), case.decided_on) if case.decided_on else 0
        ),
        acts=tuple(
            rules.ActFacts(a.get_kind_display(), a.on, certified(list(a.officers.all()), a.on))
            for a in acts
            if a.kind in act_rules.TWO_OFFICER_KINDS
        ),
        hearing_told=bool(case.hearing_reasons),
        review_by_catalogue=_review_by_catalogue(case),
        hearing_right=_hearing_right(case),
        serious=case.is_serious,
        discussed=act_rules.ActKind.DISCUSSION in kinds,
        served_on=case.served_on,
        payment_due=case.payment_due,
        paid_on=case.paid_on,
        reminded_on=case.reminded_on,
        court_applied_on=case.court_applied_on,
        publicity_due=getattr(publicity, "due_on", None),
        published_on=getattr(publicity, "published_on", None),
        changed_on=getattr(publicity, "changed_on", None),
        withdrawn_on=getattr(publicity, "withdrawn_on", None),
        preservations=tuple(
            Preservation.objects.filter(case=case)
            .order_by("saved_on", "pk")
            .values_list("saved_on", "handled_on")
        ),
        pushes=tuple(pushes),
    )


@pytest.mark.shared_demo(date(2019, 12, 31))  # loaded once (fazhi/conftest.py)
def test_batches_give_the_per_case_facts_and_the_same_warnings_on_the_demo(shared_demo):
    today = shared_demo.today
    # what the demo lacks, so the comparison covers rules 6 and 10 too: a register entry on
    # some decided cases and the platform's acceptance of some fed contents
    decided = list(Case.objects.filter(decided_on__isnull=False).order_by("pk")[:6])
    for n, case in enumerate(decided):
        Preservation.objects.create(
            case=case,
            saved_on=case.decided_on - timedelta(days=20),
            items="工资台账",
            approver="王局长",
            handled_on=case.decided_on - timedelta(days=n),
        )
    fed = PushItem.objects.order_by("pk")[::3]
    PushItem.objects.filter(pk__in=[p.pk for p in fed]).update(
        status=PushItem.Status.ACCEPTED, accepted_at=timezone.now() - timedelta(days=300)
    )
    ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    assert len(ids) > 20
    oracle = {pk: per_case_facts(Case.objects.get(pk=pk)) for pk in ids}
    # the oracle is not trivial: officers certified, acts, publicity, both new sources
    facts = list(oracle.values())
    assert any(f.decision_officers >= 2 for f in facts) and any(f.acts for f in facts)
    assert any(f.published_on for f in facts) and any(f.preservations for f in facts)
    assert any(day for f in facts for _, _, day in f.pushes)
    for start in range(0, len(ids), 7):  # batches that mix units, paths and states
        cases = Case.objects.select_related(*CASE_RELATED).filter(pk__in=ids[start : start + 7])
        batch = CaseBatch(cases)
        for case in batch.cases:
            assert batch.facts(case) == oracle[case.pk], case.reference

    # the scan, in batches of 7, opens exactly the warnings the per-case facts give
    for model in (Warning, CaseCheck, ScanRun):
        model.objects.all().delete()
    run = warnings_scan(today=today, batch=7)
    t, cal = selectors.thresholds(), work_calendar()
    expected = {
        (str(pk), rule): (f.level, f.message)
        for pk, facts in oracle.items()
        for rule, f in _merged(rules.evaluate(facts, today=today, thresholds=t, cal=cal)).items()
    }
    got = {
        (w.subject_id, w.rule): (w.level, w.message)
        for w in Warning.objects.filter(subject_type=selectors.CASE_TYPE)
    }
    assert got == expected and expected
    assert run.checked == len(ids) and CaseCheck.objects.count() == len(ids)


def _touch_all():
    Case.objects.update(updated_at=timezone.now())


def _rescan_queries(world) -> int:
    """Queries of a scan re-reading every case (all changed, warnings unchanged)."""
    _touch_all()
    with CaptureQueriesContext(connection) as ctx:
        run = warnings_scan(today=LATE)
    assert run.checked == Case.objects.count() and run.opened == run.closed == 0
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_a_batch_is_read_in_a_number_of_queries_that_does_not_grow_with_its_cases(
    world, django_assert_max_num_queries
):
    for n in range(2):
        filed_case(world, party_name=f"天津某公司{n}")
    first = warnings_scan(today=LATE)
    assert first.opened == 2  # decision_late on each
    event = AuditEvent.objects.get(action="supervision.warnings.settle")  # one per batch
    assert event.target_id == str(first.pk)
    assert sorted((c["change"], c["rule"]) for c in event.data["changes"]) == [
        ("open", "decision_late"),
        ("open", "decision_late"),
    ]
    assert {c["warning"] for c in event.data["changes"]} == set(
        Warning.objects.values_list("pk", flat=True)
    )
    small = _rescan_queries(world)
    for n in range(2, 8):
        filed_case(world, party_name=f"天津某公司{n}")
    warnings_scan(today=LATE)
    large = _rescan_queries(world)
    assert small == large
    _touch_all()
    with django_assert_max_num_queries(40):
        warnings_scan(today=LATE)
    assert Warning.objects.filter(status="open").count() == 8


@pytest.mark.django_db
def test_the_feed_queues_each_new_content_once_in_batches(world):
    cases = [filed_case(world, party_name=f"天津某公司{n}") for n in range(3)]
    warnings_scan(today=LATE)
    assert PushItem.objects.count() == 3
    _touch_all()
    warnings_scan(today=LATE)
    assert PushItem.objects.count() == 3  # nothing changed: nothing new to send
    Case.objects.filter(pk=cases[0].pk).update(
        fine=Decimal("1000"), decided_on=date(2019, 4, 1), updated_at=timezone.now()
    )
    warnings_scan(today=LATE)
    item = PushItem.objects.filter(subject_id=str(cases[0].pk)).order_by("-pk").first()
    assert PushItem.objects.count() == 4
    assert (item.payload["fine_yuan"], item.payload["decided_on"]) == ("1000.00", "2019-04-01")
