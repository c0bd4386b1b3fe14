"""The 立法 input forms (Django test client): a 规章 project and a reply to a draft from above
walked through the forms; refusals keep the input and write nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from fazhi.core.models import AuditEvent
from fazhi.legislation.models import DraftFromAbove, Project

pytestmark = pytest.mark.django_db


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def step(client, url, key, **fields):
    return client.post(url, {"_step": key, **{f"{key}-{k}": v for k, v in fields.items()}})


def test_a_rule_project_walked_through_the_forms(people):
    today = timezone.localdate()
    legal = _client(people["legal"])
    answer = legal.post(
        "/staff/legislation/projects/new/",
        {
            "kind": "rule",
            "title": "职业技能培训规定",
            "org_unit": people["units"]["fagui"].pk,
            "year": today.year,
            "application": "必要性、主要问题、主要制度",
            "on": today.isoformat(),
        },
    )
    project = Project.objects.get()
    assert answer.status_code == 302
    url = f"/staff/legislation/projects/{project.pk}/"
    assert step(legal, url, "start_drafting").status_code == 302
    # a 20-day comment period without a reason: refused, typed dates kept, nothing written
    before = AuditEvent.objects.count()
    short = (today + timedelta(days=20)).isoformat()
    page = step(legal, url, "open_comment", opens=today.isoformat(), closes=short)
    assert (
        page.status_code == 422 and short in page.content.decode() and "30" in page.content.decode()
    )
    assert AuditEvent.objects.count() == before
    # the 送审稿 before the comment period: refused with 第十五条
    page = step(
        legal, url, "submit", draft="稿", explanation="说明", materials="材料", on=today.isoformat()
    )
    assert page.status_code == 422 and "第十五条" in page.content.decode()
    project.refresh_from_db()
    assert project.stage == "drafting" and project.comment_opens is None
    closes = (today + timedelta(days=29)).isoformat()
    assert (
        step(legal, url, "open_comment", opens=today.isoformat(), closes=closes).status_code == 302
    )
    project.refresh_from_db()
    assert project.comment_closes.isoformat() == closes


def test_a_draft_from_above_answered_signed_and_sent(people):
    today = timezone.localdate()
    clerk = _client(people["clerk"])
    answer = clerk.post(
        "/staff/legislation/drafts/new/",
        {
            "title": "社会保险法（修正草案）",
            "level": "law",
            "requester": "市司法局",
            "received_on": today.isoformat(),
            "due_on": (today + timedelta(days=10)).isoformat(),
            "org_unit": people["units"]["zongdui"].pk,
        },
    )
    draft = DraftFromAbove.objects.get()
    assert answer.status_code == 302
    url = f"/staff/legislation/drafts/{draft.pk}/"
    # an opinion without its reason is refused and the row stays as typed
    page = step(clerk, url, "opinions", article_1="第五条", proposal_1="删除第二款", basis_1="宪法")
    assert page.status_code == 422 and "删除第二款" in page.content.decode()
    draft.refresh_from_db()
    assert draft.opinions == []
    assert (
        step(
            clerk,
            url,
            "opinions",
            article_1="第五条",
            proposal_1="删除第二款",
            reason_1="与上位法重复",
            basis_1="立法法第六条",
        ).status_code
        == 302
    )
    # only a 局领导 signs: the clerk is not offered the step, the head is
    assert "局领导签发" not in clerk.get(url).content.decode()
    head = _client(people["head"])
    assert step(head, url, "sign", on=today.isoformat()).status_code == 302
    assert step(clerk, url, "send", channel="公文", on=today.isoformat()).status_code == 302
    assert step(clerk, url, "adoption", adopted="第五条意见被采纳").status_code == 302
    draft.refresh_from_db()
    assert draft.sent_on == today and draft.adopted == "第五条意见被采纳"
    assert "与上位法重复" in clerk.get(url).content.decode()
