"""先行登记保存: recorded and handled by the case's unit; bad input refused, nothing written."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fazhi.accounts.testing.gate import assert_refused, check_gate
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.services import preservation_handle, preservation_record

pytestmark = pytest.mark.django_db


def test_record_and_handle_are_gated_and_refuse_bad_dates(world, supervisors):
    case = filed_case(world)
    u = world["users"]

    def record(actor, saved_on=date(2019, 3, 8), items="工资台账三册"):
        return preservation_record(
            case=case, saved_on=saved_on, items=items, approver="王局长", actor=actor
        )

    for bad in (
        {"saved_on": timezone.localdate() + timedelta(days=1)},
        {"saved_on": date(2019, 3, 5)},  # before 立案 on 6 March
        {"items": "  "},
    ):
        assert_refused(lambda a, bad=bad: record(a, **bad), u["a"])
    row = check_gate(record, responsible=u["a"], outsiders=[u["outsider"], supervisors["district"]])

    def handle(actor, handled_on=date(2019, 3, 12), handling="examine"):
        return preservation_handle(
            preservation=row, handled_on=handled_on, handling=handling, actor=actor
        )

    assert_refused(lambda a: handle(a, handled_on=date(2019, 3, 7)), u["b"], obj=row)
    assert_refused(lambda a: handle(a, handling="burn"), u["b"], obj=row)
    row = check_gate(handle, responsible=u["b"], outsiders=[u["outsider"]], obj=row)
    assert (row.handled_on, row.handled_by, row.handling) == (date(2019, 3, 12), u["b"], "examine")
    assert_refused(handle, u["b"], obj=row)  # handled once
