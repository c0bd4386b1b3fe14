"""A refused step keeps what was typed (issue 19.3): the document page comes back with the
step's form open and bound, the message beside it, and nothing written; a refused cleanup
announcement keeps its title and lead."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.tests.factories import make_document

pytestmark = pytest.mark.django_db


def test_a_refused_step_comes_back_with_the_input(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    client.force_login(people["clerk"])
    events = AuditEvent.objects.count()
    url = reverse("normdocs:document_action", args=[document.pk, "submit_review"])
    response = client.post(url, {"submit_review-on": "2025-03-20"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "期满前不能结束征求意见" in page and 'class="error" role="alert"' in page
    assert AuditEvent.objects.count() == events


def test_an_invalid_step_form_comes_back_bound(client, people):
    document = make_document(people, Stage.APPROVED)
    client.force_login(people["legal"])
    url = reverse("normdocs:document_action", args=[document.pk, "register"])
    page = client.post(url, {"register-on": "2025-13-40"}).content.decode()
    assert 'role="alert">填写有误' in page and 'value="2025-13-40"' in page
    document.refresh_from_db()
    assert document.stage == Stage.APPROVED and not document.doc_number


def test_the_page_without_a_refusal_shows_no_alert(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    client.force_login(people["clerk"])
    page = client.get(reverse("normdocs:document_detail", args=[document.pk])).content.decode()
    assert 'class="error" role="alert"' not in page
