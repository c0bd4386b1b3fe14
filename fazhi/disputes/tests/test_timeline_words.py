"""The 办理记录 names people and outcomes in words (issue 19.8): the person's name, never the
login; 受理, never ``accept``; and an online application says so."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db


def test_the_record_names_the_person_and_the_outcome(client, people):
    legal = people["legal"]
    legal.full_name = "孙法规"
    legal.save(update_fields=["full_name"])
    case = apply(people)
    recon.reconsideration_review(case=case, outcome="accept", on=date(2019, 3, 25), actor=legal)
    client.force_login(legal)
    page = client.get(f"/staff/disputes/reconsiderations/{case.pk}/").content.decode()
    timeline = page.split('id="h-timeline"')[1].split("</section>")[0]
    assert "孙法规" in timeline and "受理" in timeline
    assert "（legal，" not in timeline and "accept" not in timeline


def test_who_reads_as_a_name_or_what_acted():
    assert AuditEvent(actor_label="system").who == "系统"
    assert AuditEvent(actor_label="laws-import").who == "法规库导入"
    assert AuditEvent(actor_label="公众").who == "公众"
