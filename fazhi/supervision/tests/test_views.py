"""The warning page and the case-file check on the enforcement case page."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.models import Warning
from fazhi.supervision.services import warnings_scan

pytestmark = pytest.mark.django_db


def test_warning_page_lists_links_and_advice_by_scope(client, world, supervisors):
    case = filed_case(world)
    warnings_scan(today=date(2019, 12, 20))
    client.force_login(supervisors["legal"])
    page = client.get(reverse("supervision:warnings")).content.decode()
    assert "未在法定期限内作出处理决定" in page
    assert reverse("enforcement:case_detail", args=[case.pk]) in page
    assert "尽快作出决定" in page and "立即核查" in page
    client.force_login(supervisors["district"])
    page = client.get(reverse("supervision:warnings")).content.decode()
    assert case.reference not in page and "立即核查" not in page


def test_scan_button_refuses_an_officer(client, world):
    filed_case(world)
    client.force_login(world["users"]["a"])
    client.post(reverse("supervision:scan"))
    assert Warning.objects.count() == 0


def test_case_page_shows_what_the_file_lacks(client, world):
    case = filed_case(world)
    client.force_login(world["users"]["a"])
    page = client.get(reverse("enforcement:case_detail", args=[case.pk])).content.decode()
    assert "案卷检查" in page and "询问笔录" in page
    assert "立案审批" not in page.split("案卷检查")[1].split("</section>")[0]
