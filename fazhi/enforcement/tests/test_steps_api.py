"""The typed step endpoints end to end (issue 16 item 2; 17.16 part)."""

from __future__ import annotations

import pytest

from fazhi.enforcement.tests.conftest import investigated_case
from fazhi.enforcement.tests.test_api import BASE, auth

pytestmark = pytest.mark.django_db


def test_a_per_worker_fine_needs_the_number_of_workers(client, world):
    """劳动保障监察条例 第二十五条: 100–500 元 for each worker. Without the number the 告知 is
    refused (nothing written); with it the statutory range is computed from it."""
    case = investigated_case(
        world, power_item=world["items"]["CF-JC-25"], violation_code="lsi-25", cause="延长工时"
    )
    h = auth(world["users"]["a"])
    url = f"{BASE}/cases/{case.pk}/steps/notify"
    body = {"on": "2019-03-20", "outcome": "penalty", "fine": "3000", "text": "经查……"}
    r = client.post(url, body, content_type="application/json", **h)
    assert r.status_code == 409 and "人数" in r.json()["detail"]
    assert "第二十五条" in r.json()["detail"]
    case.refresh_from_db()
    assert case.status == "filed" and case.notified_on is None
    r = client.post(url, {**body, "workers": 12}, content_type="application/json", **h)
    assert r.status_code == 200, r.json()
    proposal = r.json()["proposal"]
    assert (proposal["statutory_min"], proposal["statutory_max"]) == ("1200.00", "6000.00")
    r = client.post(
        url,
        {**body, "workers": -1},
        content_type="application/json",
        **h,
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_input"
