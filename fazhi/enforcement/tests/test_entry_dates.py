"""Issue 18.5 for enforcement: a typed step date is kept beside the system's day of entry and the
person; the bureau's clocks are met on the day of entry; back-dating and late entries that would
hide lateness are flagged on the case page and in the API; a future date is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.enforcement import selectors
from fazhi.enforcement.models import Case, CaseCounter, CaseDateEntry
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.testing import on_day
from fazhi.enforcement.tests.conftest import register, two
from fazhi.enforcement.tests.test_api import BASE, auth

pytestmark = pytest.mark.django_db
ACCEPTANCE = "labor_inspection.complaint_acceptance"


def _acceptance(case) -> Deadline:
    return Deadline.objects.get(subject_id=str(case.pk), rule_code=ACCEPTANCE)


def test_entered_the_day_it_was_done_meets_the_clock_without_a_flag(world):
    a = world["users"]["a"]
    with on_day(date(2019, 3, 4)):
        case = register(world)
    with on_day(date(2019, 3, 6)):
        case = intake.case_accept(case=case, on=date(2019, 3, 6), actor=a)
    deadline = _acceptance(case)
    assert (deadline.status, deadline.met_on) == ("met", date(2019, 3, 6))
    entries = selectors.date_entries(case)
    assert [(e.step, e.typed_on, e.entered_on, e.entered_by) for e in entries] == [
        ("register", date(2019, 3, 4), date(2019, 3, 4), a),
        ("accept", date(2019, 3, 6), date(2019, 3, 6), a),
    ]
    assert entries[1].due == deadline.due and not any(e.flagged for e in entries)
    assert entries[1].previous_step == "register"


def test_a_late_entry_typed_within_the_clock_counts_late_and_is_flagged(world):
    """受理 on paper on 03-06 (in time: due 03-11), entered on 03-20: the clock is missed on the
    day of entry, and the entry says the typed date would have hidden it."""
    a = world["users"]["a"]
    with on_day(date(2019, 3, 4)):
        case = register(world)
    due = _acceptance(case).due
    assert date(2019, 3, 6) <= due < date(2019, 3, 20)
    with on_day(date(2019, 3, 20)):
        case = intake.case_accept(case=case, on=date(2019, 3, 6), actor=a)
    deadline = _acceptance(case)
    assert (deadline.status, deadline.met_on) == ("missed", date(2019, 3, 20))
    case.refresh_from_db()
    assert case.accepted_on == date(2019, 3, 6)  # the typed fact is kept
    entry = case.date_entries.get(step="accept")
    assert (entry.hides_lateness, entry.backdated, entry.flagged) == (True, False, True)
    assert entry.entered_on == date(2019, 3, 20) and entry.due == due
    assert [e.pk for e in selectors.flagged_date_entries(user=a)] == [entry.pk]
    assert list(selectors.flagged_date_entries(user=world["users"]["outsider"])) == []


def test_a_date_before_the_previous_step_was_entered_is_flagged_as_back_dated(world):
    """Registered on 03-05 (received 03-04); 受理 typed 03-04 and entered 03-06, in time: the
    clock is met, but the typed day lies before the system knew of the complaint."""
    a = world["users"]["a"]
    with on_day(date(2019, 3, 5)):
        case = register(world)
    with on_day(date(2019, 3, 6)):
        case = intake.case_accept(case=case, on=date(2019, 3, 4), actor=a)
    assert _acceptance(case).status == "met"
    entry = case.date_entries.get(step="accept")
    assert (entry.backdated, entry.hides_lateness, entry.flagged) == (True, False, True)
    assert entry.previous_entered_on == date(2019, 3, 5)
    assert entry.notes == ["早于上一环节（收到/发现日期）的录入日期2019-03-05，疑似倒签"]


def test_a_late_filing_starts_the_clock_on_the_typed_day(world):
    """The investigation clock starts on the typed 立案 date (earlier, so stricter), not on the
    later day of entry."""
    u = world["users"]
    with on_day(date(2019, 3, 4)):
        case = register(world, source="patrol", complainant="")
    with on_day(date(2019, 3, 15)):
        case = intake.case_file(
            case=case, on=date(2019, 3, 6), approver=u["leader"], officers=two(world), actor=u["a"]
        )
    clock = Deadline.objects.get(
        subject_id=str(case.pk), rule_code="labor_inspection.investigation"
    )
    assert clock.start == date(2019, 3, 6)
    entry = case.date_entries.get(step="file")
    assert (entry.typed_on, entry.entered_on, entry.flagged) == (
        date(2019, 3, 6),
        date(2019, 3, 15),
        False,
    )


def _writes():
    return (
        AuditEvent.objects.count(),
        Deadline.objects.count(),
        CaseDateEntry.objects.count(),
        list(CaseCounter.objects.values_list("key", "year", "last_serial")),
        list(Case.objects.order_by("pk").values_list("status", "version")),
    )


def test_a_future_date_is_refused_and_writes_nothing(world):
    a = world["users"]["a"]
    tomorrow = timezone.localdate() + timedelta(days=1)
    before = _writes()
    with pytest.raises(Refused, match="不能晚于录入当日"):
        register(world, received_on=tomorrow)
    assert _writes() == before  # no case, no number spent
    case = register(world, received_on=timezone.localdate())
    before = _writes()
    with pytest.raises(Refused, match=r"受理日期.*不能晚于录入当日"):
        intake.case_accept(case=case, on=tomorrow, actor=a)
    assert _writes() == before


def test_the_flags_show_on_the_case_page_and_in_the_api(client, world):
    a = world["users"]["a"]
    with on_day(date(2019, 3, 4)):
        case = register(world)
    with on_day(date(2019, 3, 20)):
        intake.case_accept(case=case, on=date(2019, 3, 6), actor=a)
    client.force_login(a)
    page = client.get(reverse("enforcement:case_detail", args=[case.pk])).content.decode()
    assert "日期录入记录" in page
    assert "但录入时已超过本机关期限" in page
    detail = client.get(f"{BASE}/cases/{case.pk}", **auth(a)).json()
    assert detail["date_flagged"] is True
    accept = next(e for e in detail["date_entries"] if e["step"] == "accept")
    assert (accept["typed_on"], accept["entered_on"], accept["hides_lateness"]) == (
        "2019-03-06",
        "2019-03-20",
        True,
    )
    assert accept["entered_by"] == str(a) and accept["flags"]
    register_entry = next(e for e in detail["date_entries"] if e["step"] == "register")
    assert register_entry["flags"] == [] and register_entry["backdated"] is False


def test_the_archive_manifest_carries_the_typed_dates(world):
    import io
    import json
    import zipfile

    from fazhi.enforcement.services.cases_archive import MANIFEST, case_export

    a = world["users"]["a"]
    with on_day(date(2019, 3, 4)):
        case = register(world)
    with on_day(date(2019, 3, 20)):
        intake.case_accept(case=case, on=date(2019, 3, 6), actor=a)
    out = io.BytesIO()
    case_export(case=case, actor=a, out=out)
    manifest = json.loads(zipfile.ZipFile(out).read(MANIFEST))
    assert [(e["step"], e["typed_on"], e["hides_lateness"]) for e in manifest["date_entries"]] == [
        ("register", "2019-03-04", False),
        ("accept", "2019-03-06", True),
    ]


def test_supervision_lists_the_flagged_dates_of_the_cases_its_user_sees(client, world):
    a = world["users"]["a"]
    with on_day(date(2019, 3, 4)):
        case = register(world)
    with on_day(date(2019, 3, 20)):
        intake.case_accept(case=case, on=date(2019, 3, 6), actor=a)
    client.force_login(a)
    page = client.get(reverse("supervision:warnings")).content.decode()
    section = page.split('id="h-dates"')[1].split("</section>")[0]
    assert case.reference in section and "补录掩盖超期" in section and "2019-03-06" in section
    client.force_login(world["users"]["outsider"])
    page = client.get(reverse("supervision:warnings")).content.decode()
    assert case.reference not in page.split('id="h-dates"')[1].split("</section>")[0]
