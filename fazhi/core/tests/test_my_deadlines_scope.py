"""我的期限 never links a record its user cannot open (issue 18 item 11: three overdue arrears
deadlines linked to another unit's cases, which answered 404)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import Deadline
from fazhi.core.selectors.deadlines import deadlines_for_user
from fazhi.enforcement.models import ArrearsCase

pytestmark = pytest.mark.django_db


def _arrears(unit, reference):
    return ArrearsCase.objects.create(
        reference=reference,
        employer_name="测试用人单位",
        employer_uscc="91120101MA05L0XW3X",
        period_from=date(2019, 1, 1),
        period_to=date(2019, 3, 31),
        principal=Decimal("1000.00"),
        due_date=date(2019, 5, 1),
        org_unit=unit,
    )


def _deadline(case, owner):
    return Deadline.objects.create(
        subject_type="enforcement.arrearscase",
        subject_id=str(case.pk),
        subject_label=str(case),
        org_unit=case.org_unit,
        owner=owner,
        rule_code="test",
        start=date(2019, 5, 1),
        due=date(2019, 5, 10),
    )


def test_a_deadline_on_another_units_record_is_listed_without_a_link(org_tree, client):
    user = make_user("district", unit=org_tree["district_team"], roles=["执法人员"])
    mine = _arrears(org_tree["district_team"], "欠〔2019〕1号")
    theirs = _arrears(org_tree["zongdui"], "欠〔2019〕2号")
    own_deadline, other_deadline = _deadline(mine, user), _deadline(theirs, user)
    # when
    rows = {
        row.deadline.pk: row.url for row in deadlines_for_user(user=user, today=date(2019, 6, 1))
    }
    # then
    assert rows[own_deadline.pk] == mine.get_absolute_url()
    assert rows[other_deadline.pk] == ""  # still listed (it is theirs to act on), never a 404 link
    client.force_login(user)
    page = client.get("/staff/").content.decode()
    assert theirs.get_absolute_url() not in page
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(theirs.get_absolute_url()).status_code == 404
