"""The staff register and the portal's draft-comment page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from fazhi.legislation import services as s

pytestmark = pytest.mark.django_db


def test_a_draft_open_for_comment_takes_a_moderated_comment(people):
    today = timezone.localdate()
    legal = people["legal"]
    p = s.project_apply(
        org_unit=people["units"]["fagui"],
        kind="rule",
        title="职业技能培训规定",
        year=today.year,
        application="说明",
        actor=legal,
    )
    s.project_start_drafting(project=p, actor=legal)
    s.project_open_comment(project=p, opens=today, closes=today + timedelta(days=29), actor=legal)
    public = Client()
    assert "职业技能培训规定" in public.get("/legislation/").content.decode()
    public.post(f"/legislation/{p.pk}/comment/", {"text": "建议增加培训补贴", "contact": "a@b.cn"})
    assert "建议增加培训补贴" not in public.get(f"/legislation/{p.pk}/").content.decode()
    s.project_comment_moderate(comment=p.comments.get(), approve=True, actor=legal)
    page = public.get(f"/legislation/{p.pk}/").content.decode()
    assert "建议增加培训补贴" in page and "a@b.cn" not in page
    staff = Client()
    staff.force_login(legal)
    assert "职业技能培训规定" in staff.get("/staff/legislation/").content.decode()


def test_opinions_awaiting_signature_are_on_the_leaders_worklist(people):
    from datetime import date

    from fazhi.legislation.tests.conftest import draft_from_above
    from fazhi.legislation.tests.test_rules_and_services import OPINION

    draft = draft_from_above(people)
    head = Client()
    head.force_login(people["head"])
    assert "待签发的上级草案反馈意见（0）" in head.get("/staff/todo/").content.decode()
    s.draft_opinions(draft=draft, opinions=[OPINION], actor=people["legal"])
    page = head.get("/staff/todo/").content.decode()
    assert (
        "待签发的上级草案反馈意见（1）" in page and f"/staff/legislation/drafts/{draft.pk}/" in page
    )
    s.draft_sign(draft=draft, actor=people["head"], on=date(2019, 5, 15))
    assert "待签发的上级草案反馈意见（0）" in head.get("/staff/todo/").content.decode()
