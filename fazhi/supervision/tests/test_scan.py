"""The warning scan on real cases: one warning per case and rule, closed when fixed, reopened
(the same row) when broken again, finished by the next run when killed halfway."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from fazhi.accounts.testing.gate import row_counts
from fazhi.core.domain.errors import Refused
from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision import selectors
from fazhi.supervision.models import ScanRun, Warning
from fazhi.supervision.services import warnings_scan

pytestmark = pytest.mark.django_db
LATE = date(2019, 12, 20)


def _open(rule=None):
    qs = Warning.objects.filter(status=Warning.Status.OPEN)
    return qs.filter(rule=rule) if rule else qs


def test_scan_opens_once_closes_when_fixed_and_reopens_the_same_row(world):
    case = filed_case(world)
    run = warnings_scan(today=LATE)
    assert run.finished_at and run.opened == 1
    w = Warning.objects.get()
    assert (w.rule, w.level, w.subject_id) == ("decision_late", "red", str(case.pk))
    assert w.org_unit == world["team"]
    again = warnings_scan(today=LATE)
    assert again.opened == 0 and Warning.objects.count() == 1

    # fixed: decided in time, served, two officers → closed by the scan itself
    # (records change through services, which save the case: updated_at is what the scan reads)
    Case.objects.filter(pk=case.pk).update(
        decided_on=date(2019, 4, 1),
        served_on=date(2019, 4, 2),
        status="served",
        updated_at=timezone.now(),
    )
    run = warnings_scan(today=LATE)
    w.refresh_from_db()
    assert run.closed == 1 and w.status == Warning.Status.CLOSED and w.closed_at

    # broken again (the decision undone, as if recorded in error): the same row reopens
    Case.objects.filter(pk=case.pk).update(
        decided_on=None, served_on=None, status="filed", updated_at=timezone.now()
    )
    run = warnings_scan(today=LATE)
    assert run.opened == 1 and Warning.objects.count() == 1
    w.refresh_from_db()
    assert (w.status, w.times_opened, w.closed_at) == ("open", 2, None)

    # a second rule on the same case is a second row
    Case.objects.filter(pk=case.pk).update(
        decided_on=date(2019, 4, 1),
        served_on=date(2019, 4, 30),
        status="served",
        updated_at=timezone.now(),
    )
    warnings_scan(today=LATE)
    assert set(_open().values_list("rule", flat=True)) == {"service_late"}
    assert Warning.objects.count() == 2


def test_a_scan_killed_halfway_is_finished_by_the_next_run_without_duplicates(world):
    filed_case(world)
    filed_case(world, party_name="天津某物业公司")
    killed = warnings_scan(today=LATE, stop_after=1)
    assert killed.finished_at is None and Warning.objects.count() == 1
    run = warnings_scan(today=LATE)
    assert run.finished_at and Warning.objects.count() == 2
    assert run.opened == 1  # the one the killed run did not reach
    assert set(Warning.objects.values_list("rule", flat=True)) == {"decision_late"}


def test_each_finding_says_what_to_do_and_links_to_its_record(world):
    case = filed_case(world)
    warnings_scan(today=LATE)
    w = Warning.objects.get()
    assert "决定" in w.message and w.rule_def.advice
    from django.urls import reverse

    assert selectors.subject_url(w) == reverse("enforcement:case_detail", args=[case.pk])


def test_a_fine_without_hearing_or_review_and_a_serious_case_without_discussion(world):
    case = filed_case(world)
    Case.objects.filter(pk=case.pk).update(
        decided_on=date(2019, 4, 1),
        served_on=date(2019, 4, 2),
        fine=Decimal("45000"),
        status="served",
        is_serious=True,
    )
    warnings_scan(today=date(2019, 4, 3))
    assert set(_open().values_list("rule", flat=True)) == {
        "review_missing",
        "hearing_missing",
        "discussion_missing",
    }


def test_a_threshold_that_does_not_parse_stops_the_scan_and_writes_nothing(world, settings):
    filed_case(world)
    settings.FAZHI = {
        **settings.FAZHI,
        "SUPERVISION_RULES": {"decision_late": {"general_days": "九十"}},
    }
    before = row_counts()
    with pytest.raises(Refused):
        warnings_scan(today=LATE)
    assert row_counts() == before
    with pytest.raises(CommandError):
        call_command("supervision", "scan", "--date", "2019-12-20")


def test_units_see_theirs_and_supervisors_see_all(world, supervisors):
    filed_case(world)
    warnings_scan(today=LATE)
    assert selectors.warnings_for(world["users"]["a"]).count() == 1
    assert selectors.warnings_for(supervisors["legal"]).count() == 1
    assert selectors.warnings_for(supervisors["head"]).count() == 1
    assert selectors.warnings_for(supervisors["district"]).count() == 0


def test_the_command_scans_and_is_idempotent(world, capsys):
    filed_case(world)
    call_command("supervision", "scan", "--date", "2019-12-20", "--json")
    call_command("supervision", "scan", "--date", "2019-12-20", "--json")
    out = capsys.readouterr().out.strip().splitlines()
    assert '"opened": 1' in out[0] and '"opened": 0' in out[1]
    assert ScanRun.objects.filter(finished_at__isnull=False).count() == 2
    call_command("supervision", "rules")
    assert "依据" in capsys.readouterr().out
