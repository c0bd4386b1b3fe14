"""Staff registers and the portal column (Django test client)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from fazhi.decisions import services as s
from fazhi.decisions.tests.conftest import start

pytestmark = pytest.mark.django_db


def test_staff_register_shows_gates_and_dates(people, counsel):
    start(people)
    client = Client()
    client.force_login(people["clerk"])
    page = client.get("/staff/decisions/").content.decode()
    assert "工伤保险待遇调整方案" in page and "公众参与（未完成）" in page
    assert client.get("/staff/legislation/").status_code == 200


def test_portal_comment_is_moderated_and_contact_never_shown(people):
    today = timezone.localdate()
    decision = start(people)
    s.decision_open_comment(
        decision=decision,
        opens=today - timedelta(days=1),
        closes=today + timedelta(days=29),
        actor=people["clerk"],
    )
    public = Client()
    assert "工伤保险待遇调整方案" in public.get("/decisions/").content.decode()
    public.post(
        f"/decisions/{decision.pk}/comment/", {"text": "建议提高标准", "contact": "13912345678"}
    )
    page = public.get(f"/decisions/{decision.pk}/").content.decode()
    assert "建议提高标准" not in page  # not yet moderated
    s.comment_moderate(comment=decision.comments.get(), approve=True, actor=people["clerk"])
    page = public.get(f"/decisions/{decision.pk}/").content.decode()
    assert "建议提高标准" in page and "13912345678" not in page
