"""A corrected power item is visible on the next request, cached pages or not (issue 25)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from fazhi.powers.services import power_item_revise
from fazhi.powers.tests.conftest import create_item

pytestmark = pytest.mark.django_db
REASON = "更正：实施主体调整为监察一支队"


def test_a_revised_item_is_visible_on_the_next_request(
    client, people, corpus, public_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = create_item(people)
    pages = (
        reverse("powers_public:item_list"),
        reverse("powers_public:item_detail", args=[item.code]),
        f"/api/v1/powers/items/{item.code}/versions",
        f"/api/v1/powers/items/{item.code}",
    )
    for url in pages:
        assert client.get(url)["X-Cache"] == "miss", url
        assert client.get(url)["X-Cache"] == "hit", url
    assert REASON not in client.get(pages[1]).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        power_item_revise(
            item=item,
            reason=REASON,
            effective_from=date(2019, 6, 1),
            actor=people["legal"],
            org_unit=people["units"]["zhidui"],
        )

    for url in pages:
        assert client.get(url)["X-Cache"] == "miss", url
    page = client.get(pages[1]).content.decode()
    assert REASON in page and "第2版" in page
    assert client.get(pages[2]).json()[0]["number"] == 2
