"""A published draw (drawn, then its seed revealed) is visible on the next request, cached pages
or not (issue 25)."""

from __future__ import annotations

import pytest

from fazhi.inspections.services import draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms

pytestmark = pytest.mark.django_db


def test_a_revealed_draw_is_visible_on_the_next_request(
    client, world, public_cache, django_capture_on_commit_callbacks
):
    before = client.get("/api/v1/inspections/draws").json()
    assert client.get("/api/v1/inspections/draws")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        committed = draws.draw_commit(
            plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
        )
    after = client.get("/api/v1/inspections/draws").json()
    assert len(after) == len(before) + 1  # the new draw, not the cached empty list

    pages = (f"/inspections/draws/{committed.pk}/", f"/api/v1/inspections/draws/{committed.pk}")
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"
    assert committed.seed_hex not in client.get(pages[0]).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        drawn = draws.draw_execute(draw=committed, actor=world["manager"], beacon=BEACON_VALUE)
        draw = draws.draw_reveal(draw=drawn, actor=world["manager"])

    assert draw.seed_hex in client.get(pages[0]).content.decode()
    assert client.get(pages[1]).json()["seed"] == draw.seed_hex
