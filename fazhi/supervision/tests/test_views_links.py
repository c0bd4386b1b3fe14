"""Every 执法监督 link a person is shown opens for them (the role walk found 驾驶舱, 统计年报 and
an evaluation campaign linked for people they answer 403 to)."""

import re

import pytest
from django.urls import reverse

from fazhi.accounts.tests.factories import make_user
from fazhi.supervision.domain.scoring import DEFAULT_SHEET
from fazhi.supervision.models import Campaign

pytestmark = pytest.mark.django_db

LINK = re.compile(r'href="(/staff/supervision/[^"]*)"')


@pytest.mark.parametrize(
    ("unit", "role"),
    [
        ("fagui", "法规处工作人员"),
        ("bureau", "局领导"),
        ("bureau", "业务处室经办人"),
        ("zhidui", "执法人员"),
    ],
)
def test_supervision_links_open_for_whom_they_are_shown(client, org_tree, unit, role):
    legal = make_user("organiser", unit=org_tree["fagui"], roles=["法规处工作人员"])
    Campaign.objects.create(
        year=2019,
        title="2019年度评查",
        case_year=2019,
        share="1",
        sheet=DEFAULT_SHEET,
        created_by=legal,
    ).reviewers.set([legal])
    client.force_login(make_user("walker", unit=org_tree[unit], roles=[role]))
    shown = set()
    for page in (reverse("supervision:warnings"), reverse("supervision:campaigns")):
        response = client.get(page)
        if response.status_code == 200:
            shown |= set(LINK.findall(response.content.decode()))
    assert reverse("supervision:warnings") in shown
    dead = [url for url in sorted(shown) if client.get(url).status_code == 403]
    assert dead == []
