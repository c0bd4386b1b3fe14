"""Issue 17 item 15: a party's 统一社会信用代码 / 身份证号码 is checked where it enters 立案
(the staff form and the API), with the shared validator of core.domain.identifiers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.accounts.services import api_token_create
from fazhi.enforcement.models import Case

pytestmark = pytest.mark.django_db

FORM = {
    "source": "patrol",
    "procedure": "labor_inspection",
    "received_on": "2019-05-06",
    "cause": "违法延长工作时间",
    "party_name": "某公司",
    "party_kind": "org",
}


@pytest.mark.parametrize(
    ("kind", "code", "reason"),
    [
        ("org", "91110000600037341A", "统一社会信用代码校验码错误"),
        ("person", "120101199001011234", "身份证号码校验码错误"),
        ("person", "150102880730303", "第一代15位号码不予接受"),
    ],
)
def test_the_case_form_refuses_a_bad_party_code(client, world, kind, code, reason):
    client.force_login(world["users"]["a"])
    data = {
        **FORM,
        "power_item": world["items"]["CF-JC-25"].pk,
        "org_unit": world["team"].pk,
        "party_kind": kind,
        "party_code": code,
    }
    page = client.post(reverse("enforcement:case_create"), data).content.decode()
    assert reason in page
    assert not Case.objects.exists()
    data["party_code"] = "91110000600037341L" if kind == "org" else "11010519491231002X"
    assert client.post(reverse("enforcement:case_create"), data).status_code == 302


def test_the_api_refuses_a_bad_party_code(client, world):
    _token, secret = api_token_create(user=world["users"]["a"], name="t", actor=world["users"]["a"])
    body = {
        "power_item_code": "CF-JC-25",
        "org_unit_id": world["team"].pk,
        "source": "patrol",
        "received_on": "2019-05-06",
        "cause": "违法延长工作时间",
        "party_name": "某公司",
        "party_code": "91110000600037341A",
    }
    response = client.post(
        "/api/v1/enforcement/cases",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 422
    assert "校验码错误" in response.content.decode()
    assert not Case.objects.exists()


def test_a_first_time_reviewer_without_the_legal_qualification_is_refused(world):
    # issue 17 item 10: 行政处罚法 (2021) 第五十八条第二款, checked where the reviewer acts
    from datetime import date

    from fazhi.core.domain.errors import Refused
    from fazhi.enforcement.models import LegalReview
    from fazhi.enforcement.tests.test_publicity_producer import _reviewed
    from fazhi.officers.models import LegalQualification

    LegalQualification.objects.filter(user=world["users"]["reviewer"]).delete()
    with pytest.raises(Refused, match="法律职业资格") as info:
        _reviewed(world, decide_on=date(2024, 9, 27))  # the review step is the last one
    assert "第五十八条第二款" in info.value.basis
    assert not LegalReview.objects.filter(reviewer=world["users"]["reviewer"]).exists()
