"""Every write route of the staff pages and every API write, in every app with unit-scoped
records, refuses another unit's user and writes nothing (issue 18 item 1). Enforcement's routes
are attacked in more depth by ``enforcement/tests/test_gate_routes.py``.

The routes are discovered (``accounts.testing.routes``): a new staff route or API write fails
``test_every_*_is_classified`` until it is put in READ or WRITE below, and each WRITE entry names
the demo record it is attacked on. The attacker is a 河西区 user holding both unit-scoped roles
(执法人员, 业务处室经办人) and no bureau-wide one, so every demo record outside 河西区 is
another unit's to them; one shared demo load serves every test (savepoints).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.contrib.messages import SUCCESS, get_messages
from django.urls import reverse

from fazhi.accounts.permissions import in_scope
from fazhi.accounts.roles import DIVISION_CLERK, ENFORCEMENT_OFFICER
from fazhi.accounts.services import api_token_create
from fazhi.accounts.testing.gate import fields_of, row_counts
from fazhi.accounts.testing.routes import api_writes, sample_body, staff_routes
from fazhi.accounts.tests.factories import make_user

DAY = date(2025, 6, 16)  # the day the other demo tests share
pytestmark = pytest.mark.shared_demo(DAY)


@dataclass(frozen=True)
class On:
    """A write route on a record: the first demo record of ``model`` (by pk; ``make(ctx)``
    when the demo holds none), the URL kwargs taken from it (an attribute, or a 'literal'), and
    the actions of an ``<action>`` route."""

    model: str
    kwargs: tuple[tuple[str, str], ...] = (("pk", "pk"),)
    actions: tuple[str, ...] = ()
    make: Callable[[Any], Any] | None = None


def _zhifa1_token(ctx):
    owner = ctx.users["zhifa1"]
    token, _secret = api_token_create(user=owner, name="他人的令牌", actor=owner)
    return token


def _failed_job(ctx):
    # the laws import (法规处's); the 双公示 export's rule is bureau-wide, unscoped: a 经办人 may
    # start or retry it whoever queued it
    from fazhi.core.models import Job

    return Job.objects.create(
        kind="laws.import",
        key="gate-routes",
        status=Job.Status.FAILED,
        created_by=ctx.actor,
    )


NEW = None  # a write route that creates (no record in the URL): POSTed empty

YEAR = (("year", "year"),)
READ: dict[str, set[str]] = {
    "core": {"staff_home", "worklist", "deadline_rules", "job_list", "job_detail", "job_download"},
    "accounts": {"login", "logout", "token_list"},
    "normdocs": {"ledger", "ledger_xlsx", "document_detail", "cleanup_list", "cleanup_detail"},
    "disputes": {
        "register",
        "register_xlsx",
        "rates",
        "rates_xlsx",
        "reconsideration_detail",
        "reconsideration_docx",
        "litigation_detail",
    },
    "powers": {"item_list", "item_detail"},
    "officers": {"register", "register_xlsx", "officer_import_template", "officer_detail"},
    "services": {
        "catalogue_index",
        "catalogue_detail",
        "item_detail",
        "compare",
        "register",
        "application_detail",
        "bundle_application_detail",
    },
    "publicity": {"queue", "register_xlsx", "detail"},
    "inspections": {
        "index",
        "directory",
        "coverage",
        "relations",
        "plan_detail",
        "draw_detail",
        "results_xlsx",
    },
    "supervision": {
        "warnings",
        "yearbook",
        "dashboard",
        "dashboard_cases",
        "dashboard_disputes",
        "campaigns",
        "campaign",
        "campaign_report",
        "file",
    },
    "reports": {"list", "detail", "figure", "download"},
    "education": {
        "index",
        "questions",
        "exam",
        "results_xlsx",
        "sitting",
        "duties_xlsx",
        "study_xlsx",
        "material",
        "pufa_index",
    },
    "decisions": {"register", "catalogues", "review_docx", "opinion_docx", "competition_docx"},
    "legislation": {"register"},
    "planning": {"index", "statement_detail", "scheme_detail"},
}
WRITE: dict[str, dict[str, On | None]] = {
    # jobs and tokens are the user's own, not a unit's: covered by their own tests
    "core": {
        "shuanggongshi_start": NEW,
        "laws_import_start": NEW,
        "job_retry": On("core.Job", make=_failed_job),
    },
    "accounts": {
        "token_revoke": On("accounts.ApiToken", (("prefix", "prefix"),), make=_zhifa1_token)
    },
    "normdocs": {
        "document_create": NEW,
        "document_action": On(
            "normdocs.NormativeDocument",
            actions=(
                "edit_draft",
                "open_comment",
                "submit_review",
                "review",
                "deliberate",
                "register",
                "publish",
                "file",
                "correct",
                "expire",
            ),
        ),
        "comment_handle": On(
            "normdocs.PublicComment", (("pk", "document_id"), ("comment_pk", "pk"))
        ),
        "cleanup_assess": On("normdocs.CleanupCampaign"),
        "cleanup_announce": On("normdocs.CleanupCampaign"),
    },
    "disputes": {
        "reconsideration_create": NEW,
        "litigation_create": NEW,
        "reconsideration_action": On(
            "disputes.ReconsiderationCase", actions=("review", "decide", "serve", "terminate")
        ),
        "litigation_action": On("disputes.LitigationCase", actions=("approve", "answer")),
    },
    "powers": {
        "item_create": NEW,
        "item_revise": On("powers.PowerItem"),
        "item_deactivate": On("powers.PowerItem"),
        "item_clear_review": On("powers.PowerItem"),
    },
    "officers": {
        "officer_create": NEW,
        "officer_import": NEW,
        "officer_action": On(
            "officers.Officer",
            actions=("update", "deactivate", "issue", "suspend", "revoke", "training", "exam"),
        ),
    },
    "services": {
        "catalogue_create": NEW,
        "catalogue_item_add": On("services.CatalogueVersion", YEAR),
        "catalogue_publish": On("services.CatalogueVersion", YEAR),
        "application_create": NEW,
        "bundle_application_create": NEW,
        "application_action": On(
            "services.LicenseApplication",
            actions=("accept", "correction_notice", "supplement", "extend", "grant", "refuse"),
        ),
    },
    "publicity": {"action": On("publicity.PublicityRecord", actions=("publish", "withdraw"))},
    "inspections": {
        "item_create": NEW,
        "item_publish": On("inspections.InspectionItem"),
        "plan_create": NEW,
        "plan_commit": On("inspections.InspectionPlan"),
        "draw_action": On("inspections.Draw", actions=("draw", "reveal", "cancel")),
        "check_result": On("inspections.Check"),
        "result_publish": On("inspections.CheckResult"),
    },
    "supervision": {
        "scan": NEW,
        "yearbook_publish": On("accounts.OrgUnit", (("year", "'2019'"),)),
        "campaign_create": NEW,
        "campaign_action": On("supervision.Campaign", actions=("draw", "close")),
        "file_action": On("supervision.ReviewFile", actions=("score", "veto", "submit", "rectify")),
    },
    "reports": {
        "create": NEW,
        "section_edit": On("reports.Report", (("pk", "pk"), ("key", "'overview'"))),
        "section_comment": On("reports.Report", (("pk", "pk"), ("key", "'overview'"))),
        "action": On("reports.Report", actions=("refresh", "accept", "send", "approve", "freeze")),
    },
    "education": {
        "questions_draft": NEW,
        "question": On("education.Question"),
        "exam_new": NEW,
        "enrol": On("education.Exam"),
        "start": On("education.Exam"),
        "pufa": On("education.PufaPlan", YEAR),
        "activity": On("education.Activity"),
    },
    "decisions": {
        "decision_new": NEW,
        "decision_detail": On("decisions.Decision"),
        "comments": On("decisions.Decision"),
        "catalogue_detail": On("decisions.Catalogue"),
        "opinion_detail": On("decisions.CounselOpinion"),
        "competition_detail": On("decisions.CompetitionReview"),
        "counsel_new": NEW,
    },
    "legislation": {
        "project_new": NEW,
        "project_detail": On("legislation.Project"),
        "draft_new": NEW,
        "draft_detail": On("legislation.DraftFromAbove"),
    },
    "planning": {
        "plan_new": NEW,
        "plan_detail": On("planning.Plan"),
        "task_action": On("planning.PlanTask", actions=("progress", "complete")),
        "duty_new": NEW,
        "statement_new": NEW,
        "statement_action": On("planning.Statement", actions=("submit", "review")),
        "scheme_new": NEW,
        "score": On("planning.Scheme"),
    },
}


def test_every_staff_route_is_classified():
    found = staff_routes()
    found.pop("enforcement")  # classified in enforcement/tests/test_gate_routes.py
    classified = {ns: READ.get(ns, set()) | set(WRITE.get(ns, {})) for ns in found}
    assert found == classified
    assert not any(READ[ns] & set(WRITE[ns]) for ns in READ)


@pytest.fixture
def outsider(shared_demo):
    """A 河西区 user with both unit-scoped roles: every record outside 河西区 is another unit's."""
    return make_user(
        "hexi_outsider",
        unit=shared_demo.units["hexi"],
        roles=[ENFORCEMENT_OFFICER.name, DIVISION_CLERK.name],
    )


def _another_units(model: str, outsider):
    """The first demo record of ``model``; one with a unit must lie outside the outsider's."""
    obj = apps.get_model(model)._default_manager.order_by("pk").first()
    unit = getattr(obj, "org_unit", None)
    assert unit is None or not in_scope(outsider, unit), f"{model} {obj.pk} is the outsider's"
    return obj


def _targets(spec: On, ctx, outsider):
    obj = _another_units(spec.model, outsider)
    if obj is None and spec.make is not None:
        obj = spec.make(ctx)
    if obj is None:
        return obj, []
    kwargs = {k: (a[1:-1] if a.startswith("'") else getattr(obj, a)) for k, a in spec.kwargs}
    return obj, [kwargs | {"action": a} for a in spec.actions] or [kwargs]


def test_every_staff_write_by_another_unit_writes_nothing(client, shared_demo, outsider):
    client.force_login(outsider)
    client.raise_request_exception = False  # a 500 is reported below, not raised
    statuses: dict[str, int] = {}
    missing = []
    for ns, routes in WRITE.items():
        for name, spec in routes.items():
            obj, calls = (None, [{}]) if spec is None else _targets(spec, shared_demo, outsider)
            if spec is not None and obj is None:
                missing.append(f"{ns}:{name}")
                continue
            for kwargs in calls:
                url = reverse(f"{ns}:{name}", kwargs=kwargs or None)
                before, state = row_counts(), fields_of(obj)
                response = client.post(url, {})
                statuses[url] = response.status_code
                flashed = {m.level for m in get_messages(response.wsgi_request)}
                assert SUCCESS not in flashed, f"{url} told another unit's user it was done"
                assert row_counts() == before, f"{url} wrote rows for another unit's user"
                assert fields_of(obj) == state, f"{url} changed another unit's record"
    assert not missing, f"no demo record to attack: {missing}"
    assert 500 not in statuses.values(), {u: s for u, s in statuses.items() if s == 500}


# --- the API --------------------------------------------------------------------------------------

API = "/api/v1"
# Each API write but enforcement's: the demo record each path parameter names (None: a create).
API_WRITES: dict[tuple[str, str], dict[str, tuple[str, str]] | None] = {
    ("post", f"{API}/normdocs/documents/{{document_id}}/articles/{{article_id}}/comments"): {
        "document_id": ("normdocs.DocumentArticle", "document_id"),
        "article_id": ("normdocs.DocumentArticle", "pk"),
    },
    ("post", f"{API}/disputes/reconsiderations"): None,
    ("post", f"{API}/disputes/litigations"): None,
    **{
        ("post", f"{API}/disputes/reconsiderations/{{case_id}}/{step}"): {
            "case_id": ("disputes.ReconsiderationCase", "pk")
        }
        for step in ("review", "decision", "steps")
    },
    **{
        ("post", f"{API}/disputes/litigations/{{case_id}}/{step}"): {
            "case_id": ("disputes.LitigationCase", "pk")
        }
        for step in ("steps", "judgment")
    },
    ("post", f"{API}/services/applications"): None,
    ("post", f"{API}/services/applications/{{application_id}}/steps"): {
        "application_id": ("services.LicenseApplication", "pk")
    },
    ("post", f"{API}/reports/"): None,
    ("put", f"{API}/reports/{{report_id}}/sections/{{key}}"): {
        "report_id": ("reports.Report", "pk"),
        "key": ("reports.Report", "'overview'"),
    },
    **{
        ("post", f"{API}/reports/{{report_id}}/{step}"): {"report_id": ("reports.Report", "pk")}
        for step in ("refresh", "accept", "send", "approve", "freeze")
    },
    **{
        ("post", f"{API}/decisions/{{decision_id}}/{step}"): {
            "decision_id": ("decisions.Decision", "pk")
        }
        for step in ("discuss", "hearings")
    },
    ("post", f"{API}/decisions/comments/{{comment_id}}/moderate"): {
        "comment_id": ("decisions.PublicComment", "pk")
    },
    ("post", f"{API}/decisions/catalogues"): None,
    **{
        ("post", f"{API}/decisions/catalogues/{{catalogue_id}}/{step}"): {
            "catalogue_id": ("decisions.Catalogue", "pk")
        }
        for step in ("items", "publish")
    },
    ("post", f"{API}/decisions/catalogues/items/{{item_id}}/withdraw"): {
        "item_id": ("decisions.CatalogueItem", "pk")
    },
    ("post", f"{API}/education/exams/{{exam_id}}/sittings"): {"exam_id": ("education.Exam", "pk")},
    ("put", f"{API}/education/sittings/{{sitting_id}}/answers/{{question_id}}"): {
        "sitting_id": ("education.Answer", "sitting_id"),
        "question_id": ("education.Answer", "question_id"),
    },
    ("post", f"{API}/education/sittings/{{sitting_id}}/submit"): {
        "sitting_id": ("education.Sitting", "pk")
    },
    ("post", f"{API}/education/questions/drafts"): None,
    ("post", f"{API}/planning/tasks/{{task_id}}/progress"): {
        "task_id": ("planning.PlanTask", "pk")
    },
    ("post", f"{API}/planning/schemes"): None,
}


def test_every_api_write_is_classified():
    found = {(m, p) for m, p in api_writes() if not p.startswith(f"{API}/enforcement/")}
    assert found == set(API_WRITES)


def test_every_api_write_by_another_unit_writes_nothing(client, shared_demo, outsider):
    _token, secret = api_token_create(user=outsider, name="test", actor=outsider)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    statuses: dict[str, int] = {}
    for (method, path), params in API_WRITES.items():
        url, objs = path, []
        for name, (model, attr) in (params or {}).items():
            obj = _another_units(model, outsider)
            assert obj is not None, f"no demo {model} to attack {path}"
            objs.append(obj)
            value = attr[1:-1] if attr.startswith("'") else getattr(obj, attr)
            url = url.replace(f"{{{name}}}", str(value))
        before, states = row_counts(), [fields_of(o) for o in objs]
        call = getattr(client, method)
        body = sample_body(method, path, str(DAY))
        response = call(url, body, content_type="application/json", **headers)
        statuses[f"{method} {url}"] = response.status_code
        # 403 the gate, 404 not in scope, 409 a rule (an exam not the outsider's); a 422 would
        # mean the schema's sample body was refused before the gate (the schema is wrong)
        assert response.status_code in {403, 404, 409}, (url, response.status_code, body)
        assert row_counts() == before, f"{method} {url} wrote rows for another unit's user"
        assert [fields_of(o) for o in objs] == states, f"{method} {url} changed a record"
