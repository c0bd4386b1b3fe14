"""Staff pages and the public benchmark page, through tests/urls_rules_test.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.enforcement.models import ArrearsCase, ArrearsStep
from fazhi.enforcement.tests.test_rules_services import people, published, register  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.urls("fazhi.enforcement.tests.urls_rules_test")]


def test_set_list_detail_and_public_page(client, people, published):  # noqa: F811
    _old, new = published
    client.force_login(people["legal"])
    page = client.get(reverse("enforcement:discretion_list")).content.decode()
    assert "2017" in page and "已被替代" in page and "本局待确认" in page
    detail = client.get(reverse("enforcement:discretion_detail", args=[new.pk])).content.decode()
    assert "劳动保障监察条例》第二十五条" in detail and "workers:10-29" in detail
    client.logout()
    public = client.get(reverse("enforcement:discretion_public"), {"on": "2018-05-01"})
    assert public.status_code == 200
    body = public.content.decode()
    assert "2017年版" in body and "workers:" not in body


def test_public_page_without_a_set_in_force(client, db):
    response = client.get(reverse("enforcement:discretion_public"), {"on": "2000-01-01"})
    assert "没有施行中的裁量基准" in response.content.decode()


def test_staff_pages_need_login(client, db):
    response = client.get(reverse("enforcement:discretion_list"))
    assert response.status_code == 302


def test_calculator_shows_the_proposal(client, people, published):  # noqa: F811
    client.force_login(people["officer"])
    response = client.get(
        reverse("enforcement:discretion_calculator"),
        {"on": "2019-06-01", "violation": "lsi-25", "workers": "12", "party_kind": "org"},
    )
    body = response.content.decode()
    assert "2400.00 元 至 3600.00 元" in body and "3000.00 元" in body


def test_publish_needs_the_role(client, people, db):  # noqa: F811
    from fazhi.enforcement.services.discretion import BENCHMARK_DIR, discretion_set_import

    draft = discretion_set_import(path=BENCHMARK_DIR / "2019.toml", actor=people["legal"])
    client.force_login(people["officer"])
    url = reverse("enforcement:discretion_publish", args=[draft.pk])
    assert client.post(url, {"effective_from": "2019-01-01"}).status_code == 403
    client.force_login(people["legal"])
    client.post(url, {"effective_from": "2019-01-01"})
    draft.refresh_from_db()
    assert draft.status == "published"


def test_arrears_register_and_case_page(client, people):  # noqa: F811
    case = register(people)
    client.force_login(people["officer"])
    body = client.get(reverse("enforcement:arrears_list")).content.decode()
    assert case.reference in body and "天津某物流有限公司" in body
    page = client.get(reverse("enforcement:arrears_detail", args=[case.pk])).content.decode()
    assert "限期缴纳通知" in page and "下一步可办理" in page
    client.force_login(people["outsider"])
    assert client.get(reverse("enforcement:arrears_detail", args=[case.pk])).status_code == 404


def test_step_form_records_and_refuses_with_the_article(client, people):  # noqa: F811
    case = register(people)
    client.force_login(people["officer"])
    url = reverse("enforcement:arrears_step", args=[case.pk, "order"])
    client.post(url, {"on": "2019-03-01", "deadline": "2019-03-15", "version": case.version})
    assert ArrearsStep.objects.filter(case=case, kind="order").exists()
    before = AuditEvent.objects.count()
    response = client.post(
        reverse("enforcement:arrears_step", args=[case.pk, "account_query"]),
        {"on": "2019-03-05", "balance": "0", "bank": "工行", "version": case.version + 1},
        follow=True,
    )
    assert "第六十三条第二款" in response.content.decode()
    assert AuditEvent.objects.count() == before
    assert not ArrearsStep.objects.filter(case=case, kind="account_query").exists()


def test_arrears_create_form(client, people):  # noqa: F811
    client.force_login(people["officer"])
    response = client.post(
        reverse("enforcement:arrears_create"),
        {
            "reference": "津人社欠〔2019〕9号",
            "employer_name": "天津某公司",
            "employer_uscc": "91110000600037341L",
            "period_from": "2019-01-01",
            "period_to": "2019-01-31",
            "principal": "5000",
            "due_date": "2019-02-15",
            "org_unit": people["units"]["zhidui"].pk,
        },
    )
    assert response.status_code == 302
    case = ArrearsCase.objects.get(reference="津人社欠〔2019〕9号")
    assert case.principal == Decimal("5000") and case.due_date == date(2019, 2, 15)
    assert not ArrearsStep.objects.filter(case=case).exists()
