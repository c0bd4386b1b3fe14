"""The dashboard's case counts come from a cache keyed by (year, unit scope, data version): a
repeated request does not count the cases again, and a case recorded meanwhile is counted on the
very next request (never stale)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _real_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dashboard-cache-test",
        },
    }
    from django.core.cache import caches

    caches["default"].clear()


def _charts(client, **params):
    answer = client.get(reverse("supervision:dashboard"), {"year": 2019, **params})
    return {c["id"]: c for c in answer.context["charts"]}


def _counts_cases(queries) -> bool:
    return any('FROM "enforcement_case"' in q["sql"] and "GROUP BY" in q["sql"] for q in queries)


def test_a_new_case_is_counted_on_the_next_request_and_an_unchanged_one_comes_cached(
    client, world, supervisors, org_tree
):
    filed_case(world)  # filed 2019-03-06 through the services (audited)
    client.force_login(supervisors["head"])
    march = _charts(client)["by-month"]["rows"][2]
    assert march == ["3月", 1, 0]
    with CaptureQueriesContext(connection) as again:
        assert _charts(client)["by-month"]["rows"][2] == ["3月", 1, 0]
    assert not _counts_cases(again.captured_queries)  # served from the cache

    second = filed_case(world, party_name="天津某物业公司")
    with CaptureQueriesContext(connection) as fresh:
        charts = _charts(client)
    assert _counts_cases(fresh.captured_queries)
    assert charts["by-month"]["rows"][2] == ["3月", 2, 0]
    team = world["team"].name
    assert [r for r in charts["by-unit"]["rows"] if r[0] == team] == [[team, 2, 0]]

    # a case filed in 2018 and decided in 2019 counts under 2019's decisions only
    Case.objects.filter(pk=second.pk).update(
        filed_on=date(2018, 12, 3), decided_on=date(2019, 5, 6)
    )
    from fazhi.core.services import audit

    audit.record(actor=world["users"]["a"], action="test.case.dates", target=second)
    charts = _charts(client)
    assert charts["by-month"]["rows"][2] == ["3月", 1, 0]
    assert charts["by-month"]["rows"][4] == ["5月", 0, 1]
    assert [r for r in charts["by-unit"]["rows"] if r[0] == team] == [[team, 1, 1]]

    # the unit scope is part of the key: another unit's filter does not get the bureau's counts
    other = _charts(client, unit=org_tree["district"].pk)
    assert all(r[1:] == [0, 0] for r in other["by-month"]["rows"])
    own = _charts(client, unit=org_tree["zhidui"].pk)
    assert own["by-month"]["rows"][4] == ["5月", 0, 1]
