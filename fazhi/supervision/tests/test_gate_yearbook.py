"""The 统计年报 published on the portal: a snapshot, gated, refused before the year ends or twice
without a reason; the public page is cached and changes on the next request after a correction."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from fazhi.accounts.testing.gate import assert_refused, check_gate
from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.models import YearbookPublication
from fazhi.supervision.services import yearbook_publish

pytestmark = pytest.mark.django_db


def _decide(case, day, fine, **more):
    Case.objects.filter(pk=case.pk).update(
        decided_on=day, fine=Decimal(fine), outcome="penalty", **more
    )


def test_publish_a_snapshot_gated_and_correct_it_with_a_reason(
    client, world, supervisors, public_cache, django_capture_on_commit_callbacks
):
    a, b, c = (filed_case(world, party_name=f"公司{i}") for i in range(3))
    _decide(a, date(2019, 5, 1), "45000")
    _decide(b, date(2019, 6, 1), "5000", measures=["confiscation"])
    _decide(c, date(2020, 1, 2), "1000")
    legal = supervisors["legal"]
    assert client.get("/statistics/2019/").status_code == 404
    assert_refused(lambda a: yearbook_publish(year=date.today().year, actor=a), legal)
    with django_capture_on_commit_callbacks(execute=True):
        row = check_gate(
            lambda a: yearbook_publish(year=2019, actor=a),
            responsible=legal,
            outsiders=[world["users"]["a"], supervisors["district"]],
        )
    assert (row.version, row.published_by, row.tables["penalty"]["total"]) == (1, legal, 2)
    assert row.tables["penalty"]["amount_wan"] == "5.0000"
    assert row.tables["penalty"]["records"]["confiscation"] == [b.reference]

    # public: the tables by hand (2 decisions: 1 罚款, 1 没收; 5.0000 万元), each number opens
    # its records; cached
    page = client.get("/statistics/2019/")
    html = page.content.decode()
    assert 'data-testid="n-fine">1<' in html and 'data-testid="n-confiscation">1<' in html
    assert 'data-testid="n-total">2<' in html and 'data-testid="amount">5.0000<' in html
    assert client.get("/statistics/2019/")["X-Cache"] == "hit"
    records = client.get("/statistics/2019/confiscation/").content.decode()
    assert b.reference in records and a.reference not in records and "公司1" not in records
    assert client.get("/statistics/2019/nope/").status_code == 404
    assert "2019年度行政执法统计年报" in client.get("/statistics/").content.decode()

    # a record changes: the published page does not (a snapshot) …
    _decide(c, date(2019, 12, 30), "1000")
    assert 'data-testid="n-total">2<' in client.get("/statistics/2019/").content.decode()
    # … until a correction, which needs its reason, and shows on the next request
    assert_refused(lambda a: yearbook_publish(year=2019, actor=a), legal, obj=row)
    with django_capture_on_commit_callbacks(execute=True):
        row = yearbook_publish(year=2019, actor=legal, correction_note="补录12月30日决定一件")
    assert row.version == 2 and YearbookPublication.objects.count() == 1
    page = client.get("/statistics/2019/")
    assert page["X-Cache"] == "miss"
    html = page.content.decode()
    assert 'data-testid="n-total">3<' in html and "补录12月30日决定一件" in html


def test_the_staff_page_publishes(client, world, supervisors):
    client.force_login(supervisors["legal"])
    url = reverse("supervision:yearbook_publish", args=[2019])
    page = client.get(reverse("supervision:yearbook"), {"year": 2019}).content.decode()
    assert url in page and "尚未公布" in page
    client.post(url)
    assert YearbookPublication.objects.filter(year=2019).exists()
    page = client.get(reverse("supervision:yearbook"), {"year": 2019}).content.decode()
    assert "更正说明" in page and "/statistics/2019/" in page
    client.post(url)  # again, without a reason: refused with the message, nothing changed
    assert YearbookPublication.objects.get(year=2019).version == 1
    client.force_login(world["users"]["a"])
    assert client.post(url).status_code == 403
