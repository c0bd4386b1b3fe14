"""The menu shows only what the role may open, and a refused page keeps the menu and says why
(issue 19.4)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from fazhi.accounts.navigation import MENU, menu_for
from fazhi.accounts.tests.factories import make_user
from fazhi.core.views.errors import permission_denied

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role", ["执法人员", "法规处工作人员", "局领导", "业务处室经办人", "法制审核人员", "系统管理员"]
)
def test_every_menu_entry_opens_for_the_role_that_sees_it(client, org_tree, role):
    user = make_user("u", unit=org_tree["bureau"], roles=[role])
    client.force_login(user)
    shown = menu_for(user)
    page = client.get("/staff/").content.decode()
    for label, url in shown:
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200, (role, label)
    hidden = {reverse(e.url_name) for e in MENU} - {url for _, url in shown}
    for url in hidden:
        assert f'href="{url}"' not in page
        assert client.get(url).status_code == 403, (role, url)


def test_a_refused_page_keeps_the_menu_and_says_why(client, org_tree):
    client.force_login(make_user("leader", unit=org_tree["bureau"], roles=["局领导"]))
    response = client.get(reverse("enforcement:review_queue"))
    page = response.content.decode()
    assert response.status_code == 403
    assert 'aria-label="主导航"' in page and "只有法制审核人员可以查看审核队列" in page


def test_the_public_403_has_no_staff_menu():
    request = RequestFactory().get("/publicity/")
    request.user = AnonymousUser()
    page = permission_denied(request, PermissionDenied("x")).content.decode()
    assert "主导航" not in page
