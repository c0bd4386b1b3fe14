"""Public pages, staff pages, the API and result entry."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import Deadline
from fazhi.inspections.models import CheckResult
from fazhi.inspections.services import checks, draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms
from fazhi.publicity.testing import on_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(world):
    return draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms())


def test_public_page_shows_commitment_but_not_seed_before_reveal(client, committed):
    page = client.get(f"/inspections/draws/{committed.pk}/").content.decode()
    assert committed.list_sha256 in page and committed.seed_sha256 in page
    assert committed.seed_hex not in page
    api = client.get(f"/api/v1/inspections/draws/{committed.pk}").json()
    assert api["seed"] == "" and api["list_sha256"] == committed.list_sha256
    assert client.get(f"/api/v1/inspections/draws/{committed.pk}/verify").json()["ok"] is False


def test_public_page_after_reveal_verifies_and_looks_up(client, committed, world):
    draw = draws.draw_reveal(
        draw=draws.draw_execute(draw=committed, actor=SYSTEM, beacon=BEACON_VALUE), actor=SYSTEM
    )
    drawn = draw.checks.first()
    page = client.get(f"/inspections/draws/{draw.pk}/?uscc={drawn.uscc}").content.decode()
    assert draw.seed_hex in page and "服务器重算核验：✔" in page and "已被抽中" in page
    assert client.get(f"/api/v1/inspections/draws/{draw.pk}/verify").json()["ok"] is True
    body = client.get(f"/api/v1/inspections/draws/{draw.pk}").json()
    assert body["seed"] == draw.seed_hex and len(body["result"]) == draw.checks.count()
    assert client.get(f"/inspections/draws/{draw.pk}/list.txt.gz").status_code == 200
    assert client.get("/api/v1/inspections/items").json()[0]["code"] == "SJ-01"
    assert client.get("/api/v1/inspections/draws").status_code == 200
    assert client.get("/api/v1/inspections/draws/999").status_code == 404


def test_result_entry_opens_publicity_clock_and_publishes(client, committed, world):
    draw = draws.draw_execute(draw=committed, actor=SYSTEM, beacon=BEACON_VALUE)
    check = draw.checks.first()
    # 谁检查、谁录入: the check's own inspector enters its result
    inspector = check.first_inspector.officer
    inspector.user = make_user("jcy", unit=inspector.org_unit, roles=["执法人员"])
    inspector.save(update_fields=["user"])
    client.force_login(inspector.user)
    response = client.post(
        f"/staff/inspections/checks/{check.pk}/result/",
        {
            "outcome": "corrected",
            "checked_on": "2019-05-20",
            "summary": "未签订书面劳动合同，责令改正",
        },
    )
    assert response.status_code == 302
    result = CheckResult.objects.get(check_record=check)
    deadline = Deadline.objects.get(rule_code="inspection.result_publicity")
    assert deadline.start == date(2019, 5, 20) and deadline.due == date(2019, 6, 18)
    # a second entry is refused
    client.post(
        f"/staff/inspections/checks/{check.pk}/result/",
        {"outcome": "no_problem", "checked_on": "2019-05-21"},
    )
    assert CheckResult.objects.filter(check_record=check).count() == 1
    with on_day(date(2019, 5, 30)):  # the 公示日期 is the clock's
        checks.check_result_publish(result=result, actor=inspector.user)
    deadline.refresh_from_db()
    assert deadline.status == "met"
    result.refresh_from_db()
    assert result.published_on == date(2019, 5, 30) and result.published_by == inspector.user
    assert result.entered_late  # entered today, long after 2019-06-18
    assert "未签订" not in client.get("/inspections/results/").content.decode()
    assert check.employer_name in client.get("/inspections/results/").content.decode()


def test_staff_pages_render(client, committed, world):
    client.force_login(world["manager"])
    for path in (
        "/staff/inspections/",
        "/staff/inspections/directory/?q=测试",
        f"/staff/inspections/plans/{world['plan'].pk}/",
        f"/staff/inspections/draws/{committed.pk}/",
        "/staff/inspections/coverage/?year=2019",
        "/inspections/",
        "/inspections/draws/",
        "/inspections/results/",
    ):
        assert client.get(path).status_code == 200, path


def test_staff_draw_steps_through_pages(client, world):
    client.force_login(world["manager"])
    terms = beacon_terms()
    client.post(
        f"/staff/inspections/plans/{world['plan'].pk}/commit/",
        {
            "on": "2019-05-06",
            "beacon_source": terms["beacon_source"],
            "beacon_date": terms["beacon_date"].isoformat(),
        },
    )
    from fazhi.inspections.models import Draw

    draw = Draw.objects.get()
    client.post(f"/staff/inspections/draws/{draw.pk}/draw/", {"beacon": BEACON_VALUE})
    client.post(f"/staff/inspections/draws/{draw.pk}/reveal/")
    draw.refresh_from_db()
    assert draw.status == Draw.Status.REVEALED
    assert draw.beacon_value == BEACON_VALUE and draw.beacon_entered_by == world["manager"]
    public = client.get(f"/inspections/draws/{draw.pk}/").content.decode()
    assert BEACON_VALUE in public and terms["beacon_source"] in public
    api = client.get(f"/api/v1/inspections/draws/{draw.pk}").json()
    assert api["beacon"] == BEACON_VALUE and api["redraw_of"] is None


def test_coverage_counts_items_with_results(world):
    from fazhi.inspections import selectors

    draw = draws.draw_execute(
        draw=draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=SYSTEM, **beacon_terms()),
        actor=SYSTEM,
        beacon=BEACON_VALUE,
    )
    rows, rate = selectors.coverage(year=2019)
    assert rate == 0 and rows[0].checks == draw.checks.count()
    checks.check_result_enter(
        check=draw.checks.first(), outcome="no_problem", checked_on=date(2019, 5, 10), actor=SYSTEM
    )
    assert selectors.coverage(year=2019)[1] == 1.0
