"""The gate on core's write services: the holiday calendar every time limit counts on is kept by
the administrator or 法规处 (or the SYSTEM actor: the commands that load the State Council's
notices and recompute); anonymous users and other roles are refused with nothing written. The
deadline and evidence steps are parts of the owning app's services (see EXEMPT in
accounts/tests/test_gate_matrix.py)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.core.services.calendar import (
    calendar_year_declare,
    holiday_override_delete,
    holiday_override_set,
    holidays_load_file,
    holidays_load_files,
)
from fazhi.core.services.deadlines import deadlines_recompute
from fazhi.core.tests.test_services_calendar import NOTICE_2027, _write

pytestmark = pytest.mark.django_db


@pytest.fixture
def others(org_tree):
    return [
        make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"]),
        make_user("boss", unit=org_tree["bureau"], roles=["局领导"]),
        make_user("ldgx", unit=org_tree["fagui"], roles=["业务处室经办人"]),
    ]


def test_overrides(staff_user, others):
    override = check_gate(
        lambda actor: holiday_override_set(
            day=date(2025, 10, 9), is_off_day=True, name="本地调整", actor=actor
        ),
        responsible=staff_user,
        outsiders=others,
    )
    check_gate(
        lambda actor: holiday_override_delete(override=override, actor=actor),
        responsible=staff_user,
        outsiders=others,
        obj=override,
    )


def test_notices_years_and_recompute(tmp_path, staff_user, others):
    path = _write(tmp_path, "2027.json", NOTICE_2027)
    check_gate(
        lambda actor: holidays_load_file(path=path, actor=actor),
        responsible=staff_user,
        outsiders=others,
    )
    check_gate(
        lambda actor: holidays_load_files(paths=[path], actor=actor),
        responsible=SYSTEM,
        outsiders=others,
    )
    check_gate(
        lambda actor: calendar_year_declare(year=2027, source="国办发明电〔2026〕1号", actor=actor),
        responsible=staff_user,
        outsiders=others,
    )
    check_gate(
        lambda actor: deadlines_recompute(actor=actor),
        responsible=SYSTEM,
        outsiders=others,
    )
