"""Every enforcement read, web and API, applies the data scope (issue 18, the enforcement part):
a user sees the cases of their unit and the units below it unless their role is bureau-wide.
Another unit's officer gets 404 on every page, document, export and API operation of a case, and
nothing of it in lists, searches or counts; an officer of the parent unit sees it.

The routes are discovered (the staff URL patterns with a case id, the API's GET operations), so a
new read route of a case is tested here without being listed."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from fazhi.accounts.tests.factories import make_user
from fazhi.enforcement import selectors
from fazhi.enforcement import urls as case_urls
from fazhi.enforcement.models import Case
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.tests.conftest import FACTS, investigated_case, two
from fazhi.enforcement.tests.test_api import BASE, auth

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    """一支队's case with a 责令改正 (an act with its own document), notified (documents, an
    evidence file, open deadlines)."""
    u = world["users"]
    case = investigated_case(world)
    acts.case_order_correction(
        case=case,
        on=date(2019, 3, 8),
        due_on=date(2019, 3, 15),
        items="支付工资",
        officers=two(world),
        actor=u["a"],
    )
    case.refresh_from_db()
    return decision.case_notify(
        case=case,
        on=date(2019, 3, 20),
        outcome="penalty",
        fine=Decimal("45000"),
        text="经查，当事人未为12名劳动者办理社会保险登记。",
        facts=FACTS,
        actor=u["a"],
    )


def _case_routes(case) -> dict[str, str]:
    """Every staff route that names a case, with its URL for ``case``."""
    evidence = case.acts.filter(evidence__isnull=False).first().evidence.first()
    act = case.acts.get(kind="order")
    values = {
        "pk": case.pk,
        "evidence_id": evidence.pk,
        "kind": "notice",
        "seq": act.seq,
        "action": "accept",
    }
    routes = {}
    for pattern in case_urls.urlpatterns:
        names = set(re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern)))
        if "pk" in names and getattr(pattern, "name", "").startswith(("case_", "act_", "evid")):
            routes[pattern.name] = reverse(
                f"enforcement:{pattern.name}", kwargs={n: values[n] for n in names}
            )
    return routes


def test_every_case_page_document_and_export_is_404_for_another_unit(client, world, case):
    routes = _case_routes(case)
    assert {
        "case_detail",
        "case_file",
        "case_document",
        "act_document",
        "case_archive_zip",
        "evidence_download",
        "case_action",
    } <= set(routes)
    client.force_login(world["users"]["outsider"])
    for name, url in routes.items():
        method = client.post if name == "case_action" else client.get
        assert method(url).status_code == 404, name
    client.force_login(world["users"]["a"])  # the case's own unit reads every one
    for name, url in routes.items():
        if name != "case_action":
            assert client.get(url).status_code == 200, name


def test_lists_searches_and_counts_leak_nothing(client, world, case):
    outsider = world["users"]["outsider"]
    late = date(2030, 1, 1)  # the case's clocks are overdue by then
    for filters in ({}, {"query": case.reference}, {"overdue": True}, {"status": case.status}):
        assert not selectors.case_list(user=outsider, today=late, **filters).exists(), filters
        assert selectors.case_list(user=world["users"]["a"], today=late, **filters).count() == 1
    assert not selectors.overdue_deadlines(user=outsider, today=late).exists()
    client.force_login(outsider)
    for query in ({}, {"q": case.reference}, {"overdue": "1"}):
        body = client.get(reverse("enforcement:case_list"), query).content.decode()
        # the search box echoes what was typed; the case itself must not appear
        assert case.party_name not in body and case.cause not in body, query
        assert f'href="{reverse("enforcement:case_detail", args=[case.pk])}"' not in body
        assert "共 0 件" in body, query
    client.force_login(world["users"]["a"])
    assert (
        "共 1 件"
        in client.get(reverse("enforcement:case_list"), {"q": case.reference}).content.decode()
    )
    h = auth(outsider)
    for query in ("", f"?q={case.reference}", "?overdue=true", "?status=notified", "?year=2019"):
        page = client.get(f"{BASE}/cases{query}", **h).json()
        assert page == {"count": 0, "results": []}, query
    mine = client.get(f"{BASE}/cases?q={case.reference}", **auth(world["users"]["a"])).json()
    assert mine["count"] == 1


def test_every_api_read_of_a_case_is_404_for_another_unit(client, world, case):
    from fazhi.api import api

    paths = api.get_openapi_schema()["paths"]
    reads = [
        p for p, ops in paths.items() if p.startswith(f"{BASE}/cases/{{case_id}}") and "get" in ops
    ]
    assert {f"{BASE}/cases/{{case_id}}", f"{BASE}/cases/{{case_id}}/file"} <= set(reads)
    for path in reads:
        url = path.replace("{case_id}", str(case.pk))
        response = client.get(url, **auth(world["users"]["outsider"]))
        assert response.status_code == 404, path
        assert case.reference not in response.content.decode()
        assert client.get(url, **auth(world["users"]["a"])).status_code == 200, path


def test_the_parent_units_officer_and_bureau_wide_roles_see_it(client, world, case):
    """Scope runs down the tree: 总队 sees 一支队's case; 和平区's 人社局 does not; the leader
    (a bureau-wide role) sees every unit's."""
    units = world["units"]
    parent = make_user("zongdui_a", unit=units["zongdui"], roles=["执法人员"])
    sideways = make_user("district_a", unit=units["district"], roles=["执法人员"])
    assert list(selectors.case_visible_to(parent)) == [case]
    assert not selectors.case_visible_to(sideways).exists()
    assert list(selectors.case_visible_to(world["users"]["leader"])) == [case]
    client.force_login(parent)
    assert client.get(reverse("enforcement:case_detail", args=[case.pk])).status_code == 200
    client.force_login(sideways)
    assert client.get(reverse("enforcement:case_detail", args=[case.pk])).status_code == 404
    assert Case.objects.count() == 1
