"""Every enforcement write route, web and API, refuses another unit's officer (404: reads are
scoped, so the record does not exist for them) and a role without the right in the case's own
unit (403: the service's gate), writing nothing (issue 18 item 1).

The routes are discovered — the staff URL patterns and the API's POST operations — so a new
write route fails here until it is classified and exercised.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from fazhi.accounts.services import api_token_create
from fazhi.accounts.testing.routes import refused_without_writing
from fazhi.accounts.tests.factories import make_user
from fazhi.enforcement import urls as case_urls
from fazhi.enforcement.domain.arrears import STEP_LABELS as ARREARS_STEPS
from fazhi.enforcement.domain.review import POINT_CODES
from fazhi.enforcement.models import CorrectionOrder, DiscretionBenchmarkSet
from fazhi.enforcement.services import arrears
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.steps import STEPS
from fazhi.enforcement.tests.conftest import investigated_case, two
from fazhi.enforcement.tests.test_rules_services import VALID_USCC

pytestmark = [pytest.mark.django_db, pytest.mark.urls("fazhi.enforcement.tests.urls_rules_test")]

API = "/api/v1/enforcement"

# Staff routes that only read (GET pages and documents that write nothing).
READ_ROUTES = {
    "case_list",
    "case_list_xlsx",
    "case_detail",
    "case_file",
    "case_document",
    "act_document",
    "review_queue",
    "stats",
    "stats_xlsx",
    "discretion_list",
    "discretion_calculator",
    "discretion_detail",
    "arrears_list",
    "arrears_detail",
}
# Staff routes that write (a POST, or a GET that logs custody / audits an export).
WRITE_ROUTES = {
    "case_create",
    "case_action",
    "case_archive_zip",
    "evidence_download",
    "discretion_publish",
    "arrears_create",
    "arrears_step",
}
# API POSTs that compute without writing.
READ_API_POSTS = {f"{API}/discretion/propose"}


@pytest.fixture
def setting(world):
    """一支队's case (filed, with a correction order and an evidence file) and arrears case; the
    outsider (和平区's officer) and a clerk of 一支队 who holds no enforcement role."""
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
    arrears_case = arrears.arrears_case_register(
        reference="津人社欠〔2019〕1号",
        employer_name="天津某公司",
        employer_uscc=VALID_USCC,
        period_from=date(2019, 1, 1),
        period_to=date(2019, 1, 31),
        principal=10000,
        due_date=date(2019, 2, 15),
        org_unit=world["team"],
        actor=u["a"],
    )
    from fazhi.enforcement.services import discretion

    draft = discretion.discretion_set_copy(
        source=DiscretionBenchmarkSet.objects.get(version="2019"),
        version="2030",
        title="",
        actor=u["leader"],
    )
    return {
        "case": case,
        "order": CorrectionOrder.objects.get(case=case),
        "evidence": case.acts.filter(evidence__isnull=False).first().evidence.first(),
        "arrears": arrears_case,
        "draft": draft,
        "outsider": u["outsider"],
        "clerk": make_user("clerk", unit=world["team"], roles=["业务处室经办人"]),
    }


def step_body(world, setting, key: str) -> dict:
    """A well-formed body for each step (the gate, not the shape, must be what refuses)."""
    u, o = world["users"], [str(x.pk) for x in two(world)]
    on = {"on": "2019-03-20", "version": str(setting["case"].version)}
    bodies = {
        "accept": {},
        "reject": {"reason": "不属于管辖"},
        "file": {"approver": str(u["leader"].pk), "officers": o},
        "extend": {"approver": str(u["leader"].pk), "reason": "情况复杂"},
        "withdraw": {"reason": "未发现违法"},
        "act": {"kind": "inspection", "summary": "检查", "officers": o},
        "order": {"due_on": "2019-03-30", "items": "改正", "officers": o},
        "followup": {
            "order": str(setting["order"].pk),
            "complied": "1",
            "summary": "已改正",
            "officers": o,
        },
        "notify": {"text": "经查……", "fine": "1000", "workers": "3"},
        "hearing_request": {},
        "hearing_notice": {"hearing_on": "2019-04-10", "presiding": str(u["reviewer"].pk)},
        "hearing_record": {"summary": "笔录"},
        "hearing_close": {},
        "review_submit": {},
        "review": {"opinion": "agree", **{f"point_{c}": "1" for c in POINT_CODES}},
        "discuss": {"attendees": "局长", "conclusion": "同意"},
        "propose": {"text": "决定", "fine": "1000"},
        "send_back": {"reason": "事实不清"},
        "decide": {},
        "serve": {"recipient": "李四"},
        "pay": {},
        "remind": {},
        "apply_court": {},
        "close": {"note": "结案"},
        "archive": {},
    }
    assert bodies.keys() == STEPS.keys(), "a step without a sample body"
    return {**on, **bodies[key]}


def api_body(world, setting, key: str) -> dict:
    body = step_body(world, setting, key)
    for name in ("officers",):
        if name in body:
            body[name] = [int(v) for v in body[name]]
    if key == "review":
        body = {
            "on": body["on"],
            "opinion": "agree",
            "points": {c: {"passed": True} for c in POINT_CODES},
        }
    if key == "followup":
        body["complied"] = True
    return body


# --- the staff pages ----------------------------------------------------------------------------


def test_every_staff_route_is_classified():
    names = {p.name for p in case_urls.urlpatterns}
    assert names == READ_ROUTES | WRITE_ROUTES


def test_every_case_step_by_another_unit_or_a_clerk_writes_nothing(client, world, setting):
    case = setting["case"]
    for key in STEPS:
        url = reverse("enforcement:case_action", args=[case.pk, key])
        body = step_body(world, setting, key)
        client.force_login(setting["outsider"])
        refused_without_writing(lambda: client.post(url, body), {404})  # noqa: B023
        client.force_login(setting["clerk"])
        refused_without_writing(lambda: client.post(url, body), {403})  # noqa: B023


def test_other_staff_writes_by_another_unit_write_nothing(client, world, setting):
    case, outsider, clerk = setting["case"], setting["outsider"], setting["clerk"]
    register = {
        "power_item": world["items"]["CF-JC-26"].pk,
        "org_unit": world["team"].pk,
        "source": "patrol",
        "procedure": "labor_inspection",
        "received_on": "2019-05-06",
        "cause": "拖欠工资",
        "party_name": "某公司",
        "party_kind": "org",
    }
    arrears_body = {
        "reference": "津人社欠〔2019〕9号",
        "employer_name": "某公司",
        "employer_uscc": VALID_USCC,
        "period_from": "2019-01-01",
        "period_to": "2019-01-31",
        "principal": "1000",
        "due_date": "2019-02-15",
        "org_unit": world["team"].pk,
    }
    for user in (outsider, clerk):
        client.force_login(user)
        # registering in 一支队: the form offers only the user's units (a form error, 200) and
        # the service would refuse (403); either way nothing is written
        refused_without_writing(
            lambda: client.post(reverse("enforcement:case_create"), register),
            {200, 403},
        )
        refused_without_writing(
            lambda: client.post(reverse("enforcement:arrears_create"), arrears_body),
            {200, 403},
        )
        refused_without_writing(
            lambda: client.post(
                reverse("enforcement:discretion_publish", args=[setting["draft"].pk]),
                {"effective_from": "2030-01-01"},
            ),
            {403},
        )
    client.force_login(outsider)
    for url in (
        reverse("enforcement:case_archive_zip", args=[case.pk]),
        reverse("enforcement:evidence_download", args=[case.pk, setting["evidence"].pk]),
    ):
        refused_without_writing(lambda: client.get(url), {404})  # noqa: B023
    for kind in ARREARS_STEPS:
        url = reverse("enforcement:arrears_step", args=[setting["arrears"].pk, kind])
        body = {"on": "2019-03-01", "deadline": "2019-03-16"}
        client.force_login(outsider)
        refused_without_writing(lambda: client.post(url, body), {404})  # noqa: B023
        client.force_login(clerk)
        refused_without_writing(lambda: client.post(url, body), {403})  # noqa: B023
    client.force_login(clerk)  # in the unit, but not a handler: the export is refused too
    refused_without_writing(
        lambda: client.get(reverse("enforcement:case_archive_zip", args=[case.pk])), {403}
    )


# --- the API --------------------------------------------------------------------------------------


def _auth(user) -> dict:
    _token, secret = api_token_create(user=user, name="test", actor=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_every_api_write_by_another_unit_or_a_clerk_writes_nothing(client, world, setting):
    from fazhi.api import api

    paths = api.get_openapi_schema()["paths"]
    posts = {p for p, ops in paths.items() if p.startswith(f"{API}/") and "post" in ops}
    case, arrears_case = setting["case"], setting["arrears"]
    bodies = {
        f"{API}/cases": {
            "power_item_code": "CF-JC-26",
            "org_unit_id": world["team"].pk,
            "source": "patrol",
            "received_on": "2019-05-06",
            "cause": "拖欠工资",
            "party_name": "某公司",
        },
        f"{API}/arrears": {
            "reference": "津人社欠〔2019〕9号",
            "employer_name": "某公司",
            "employer_uscc": VALID_USCC,
            "period_from": "2019-01-01",
            "period_to": "2019-01-31",
            "principal": "1000",
            "due_date": "2019-02-15",
            "org_unit_id": world["team"].pk,
        },
        f"{API}/arrears/{{case_id}}/steps": {"kind": "order", "on": "2019-03-01"},
        **{f"{API}/cases/{{case_id}}/steps/{key}": api_body(world, setting, key) for key in STEPS},
    }
    assert posts - READ_API_POSTS == set(bodies), "an API write route without a test body"
    tokens = {"outsider": _auth(setting["outsider"]), "clerk": _auth(setting["clerk"])}
    for path, body in bodies.items():
        target = arrears_case if "/arrears/" in path else case
        url = path.replace("{case_id}", str(target.pk))
        on_record = "{case_id}" in path
        for who, headers in tokens.items():
            # another unit's record does not exist for the outsider; creating in another unit,
            # or acting without the role, is the gate's 403
            expected = {404} if (who == "outsider" and on_record) else {403}
            refused_without_writing(
                lambda: client.post(url, body, content_type="application/json", **headers),  # noqa: B023
                expected,
            )


def test_the_case_page_offers_the_decision_to_the_leader_only(client, world):
    """Views ask ``allowed()`` what to show: the 负责人's decision form is not offered to the
    officer who proposed it (the service would refuse it anyway)."""
    from fazhi.enforcement.tests.test_gate import proposed

    case = proposed(world)
    url = reverse("enforcement:case_detail", args=[case.pk])
    decide = reverse("enforcement:case_action", args=[case.pk, "decide"])
    client.force_login(world["users"]["a"])
    assert decide not in client.get(url).content.decode()
    client.force_login(world["users"]["leader"])
    assert decide in client.get(url).content.decode()
