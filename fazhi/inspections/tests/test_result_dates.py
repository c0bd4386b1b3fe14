"""Dates that measure the bureau are set by the system (issue 18 item 5): a check result's
公示日期 is the moment it went public, whatever is typed; the typed 检查完成日期 is kept with
who entered it and when, and a result entered after its publicity period ran out is flagged."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from fazhi.accounts.tests.factories import make_user
from fazhi.core.domain.errors import Refused
from fazhi.core.models import Deadline
from fazhi.inspections.models import CheckResult
from fazhi.inspections.services import checks, draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms
from fazhi.publicity.testing import at_noon, on_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn(world):
    return draws.draw_execute(
        draw=draws.draw_commit(
            plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
        ),
        actor=world["manager"],
        beacon=BEACON_VALUE,
    )


@pytest.fixture
def admin(world):
    """谁检查、谁录入 lets an administrator enter any check's result (the inspectors of these
    checks have no accounts here)."""
    return make_user("sysadmin", unit=world["units"]["bureau"], roles=["系统管理员"])


def test_a_typed_publication_date_is_ignored_the_system_one_counts(world, drawn, admin):
    check = drawn.checks.order_by("index").first()
    client = Client()
    with on_day(date(2019, 5, 21)):
        client.force_login(admin)
        client.post(
            f"/staff/inspections/checks/{check.pk}/result/",
            {"outcome": "no_problem", "checked_on": "2019-05-20"},
        )
    result = CheckResult.objects.get(check_record=check)
    assert not result.entered_late and result.entered_by == admin
    assert result.created_at == at_noon(date(2019, 5, 21))
    # published on 2019-07-01 (after the 06-18 due date) with 05-22 typed
    with on_day(date(2019, 7, 1)):
        client.force_login(admin)
        client.post(f"/staff/inspections/results/{result.pk}/publish/", {"on": "2019-05-22"})
    result.refresh_from_db()
    assert result.published_on == date(2019, 7, 1)
    assert result.published_at == at_noon(date(2019, 7, 1))
    deadline = Deadline.objects.get(rule_code="inspection.result_publicity")
    assert deadline.status == "missed" and deadline.met_on == date(2019, 7, 1)


def test_a_result_entered_after_its_period_is_flagged_and_shown(world, drawn, admin):
    check = drawn.checks.order_by("index").first()
    with on_day(date(2019, 8, 1)):
        checks.check_result_enter(
            check=check, outcome="no_problem", checked_on=date(2019, 5, 20), actor=admin
        )
        with pytest.raises(Refused, match="不能晚于今天"):
            checks.check_result_enter(
                check=drawn.checks.order_by("index")[1],
                outcome="no_problem",
                checked_on=date(2019, 8, 2),
                actor=admin,
            )
        client = Client()
        client.force_login(admin)
        page = client.get(f"/staff/inspections/draws/{drawn.pk}/").content.decode()
    result = CheckResult.objects.get(check_record=check)
    assert result.entered_late and CheckResult.objects.count() == 1
    assert "补录" in page
