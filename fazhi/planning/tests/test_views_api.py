"""The staff pages and the API through Django's client: forms call the services, refusals show
as messages and write nothing, every score states its source."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from fazhi.accounts.services import api_token_create
from fazhi.accounts.testing.gate import row_counts
from fazhi.planning import services
from fazhi.planning.models import DutyRecord, Scheme
from fazhi.planning.tests.test_services import TREE

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _api(user) -> Client:
    _, secret = api_token_create(user=user, name="t", actor=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_study_session_with_its_sign_in_sheet_through_the_page(people):
    client = _client(people["legal"])
    sheet = SimpleUploadedFile("签到表.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(
        "/staff/planning/duties/new/",
        {
            "kind": "study",
            "level": "bureau",
            "held_on": "2019-05-16",
            "topic": "营商环境条例专题辅导",
            "expected": "11",
            "attendance": "10",
            "evidence": sheet,
        },
        follow=True,
    )
    page = response.content.decode()
    assert "已登记履职记录" in page and "营商环境条例专题辅导" in page and "10/11人" in page
    # without the evidence: refused with the message, nothing written
    before = row_counts()
    page = client.post(
        "/staff/planning/duties/new/",
        {"kind": "meeting", "held_on": "2019-05-17", "topic": "会议"},
        follow=True,
    ).content.decode()
    assert "请上传佐证材料" in page and row_counts() == before
    assert DutyRecord.objects.count() == 1


# TREE as the page's form rows (层级 … 证据类型, one list per column; a blank row is skipped)
ROWS = {
    "level": ["1", "2", "2", "1", "1"],
    "title": ["行政执法", "持证率", "案卷评查", "", "普法"],
    "weight": ["60", "30", "30", "", "40"],
    "rule": ["reviewer", "target", "reviewer", "reviewer", "reviewer"],
    "figure": ["", "planning.study_sessions_bureau", "", "", ""],
    "target": ["", "95", "", "", ""],
    "evidence": ["", "", "评查通报", "", "普法清单"],
}


def test_the_indicator_tree_is_entered_and_shown_in_chinese_without_json(people):
    client = _client(people["legal"])
    form = {"year": "2019", "title": "考核", "total": "100"}
    bad = {**ROWS, "weight": ["60", "30", "30", "", "30"]}
    page = client.post(
        "/staff/planning/schemes/new/", {**form, **bad}, follow=True
    ).content.decode()
    assert "一级指标分值合计90，应等于总分100" in page and not Scheme.objects.exists()
    page = client.post(
        "/staff/planning/schemes/new/", {**form, **ROWS}, follow=True
    ).content.decode()
    assert "已建立考核指标体系" in page and "评审打分，佐证材料：评查通报" in page
    codes = list(Scheme.objects.get().indicators.order_by("seq").values_list("code", "rule"))
    assert codes == [("1", ""), ("1.1", "target"), ("1.2", "reviewer"), ("2", "reviewer")]
    # /staff/planning/ opens on 2019, the latest year with records, and reads in Chinese
    for user in (people["legal"], people["officer"]):
        page = _client(user).get("/staff/planning/").content.decode()
        assert "二级" in page and "达标满分（目标值 95%）" in page
        assert "下级指标得分合计" in page and "普法清单" in page and "JSON" not in page
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", page, flags=re.S)  # what the screen shows
    assert not any(code in text for code in ("reviewer", "target", "children", "weight"))


def test_a_clerk_sees_the_plan_but_not_the_forms(people):
    plan = services.plan_create(
        org_unit=people["units"]["bureau"], year=2019, title="2019年要点", actor=people["legal"]
    )
    services.plan_task_add(
        plan=plan,
        content="清理规范性文件",
        lead_unit=people["units"]["fagui"],
        due=date(2019, 11, 30),
        actor=people["legal"],
    )
    page = _client(people["officer"]).get("/staff/planning/?year=2019").content.decode()
    assert "清理规范性文件" in page and "登记履职记录" not in page


def test_the_api_lists_plans_and_refuses_a_bad_tree(people):
    plan = services.plan_create(
        org_unit=people["units"]["bureau"], year=2019, title="2019年要点", actor=people["legal"]
    )
    task = services.plan_task_add(
        plan=plan,
        content="清理规范性文件",
        lead_unit=people["units"]["zongdui"],
        due=date(2019, 11, 30),
        actor=people["legal"],
    )
    body = _api(people["legal"]).get("/api/v1/planning/plans?year=2019").json()
    assert body["count"] == 1 and body["results"][0]["tasks"][0]["deadline_status"] == "open"
    # the lead unit's clerk reports; another unit's clerk is refused
    response = _api(people["clerk"]).post(
        f"/api/v1/planning/tasks/{task.pk}/progress",
        {"note": "已完成"},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["progress"][0]["note"] == "已完成"
    response = _api(people["other_clerk"]).post(
        f"/api/v1/planning/tasks/{task.pk}/progress",
        {"note": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403
    bad = json.loads(json.dumps(TREE))
    bad[0]["children"][0]["weight"] = 10
    response = _api(people["legal"]).post(
        "/api/v1/planning/schemes",
        {"year": 2019, "title": "考核", "nodes": bad},
        content_type="application/json",
    )
    assert response.status_code == 409 and "下级分值合计40" in response.json()["detail"]
    assert not Scheme.objects.exists()
    response = _api(people["legal"]).post(
        "/api/v1/planning/schemes",
        {"year": 2019, "title": "考核", "nodes": TREE},
        content_type="application/json",
    )
    scheme = response.json()["id"]
    body = _api(people["officer"]).get(f"/api/v1/planning/schemes/{scheme}/assessment").json()
    assert [r["code"] for r in body["rows"]] == ["1", "1.1", "1.2", "2"]
    assert body["rows"][1]["source"].startswith("取自记录")
