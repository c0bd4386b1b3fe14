"""Issue 17 item 15 in licensing: an ID born after the day of receipt, a 15-digit
first-generation number and an unusable phone number are refused at 收件; nothing is written."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.govservices.models import LicenseApplication
from fazhi.govservices.tests.conftest import submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"applicant_id_number": "11010520300101001X"}, "晚于当前日期"),
        ({"applicant_id_number": "150102880730303"}, "第一代15位号码不予接受"),
        ({"applicant_id_number": "11010519491231002X", "contact_phone": "1380000"}, "联系电话无效"),
    ],
)
def test_bad_identifiers_are_refused_at_entry(people, catalogue, overrides, reason):
    events = AuditEvent.objects.count()
    with pytest.raises(Refused, match=reason):
        submit(
            people,
            catalogue["gs"],
            applicant_name="王某",
            applicant_category="natural_person",
            applicant_uscc="",
            received_on=date(2019, 3, 1),
            **overrides,
        )
    assert not LicenseApplication.objects.exists()
    assert AuditEvent.objects.count() == events
