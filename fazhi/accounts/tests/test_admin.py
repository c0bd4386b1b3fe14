import pytest
from django.urls import reverse

from fazhi.accounts import services
from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, org_tree):
    root = make_user("root", unit=org_tree["bureau"])
    root.is_staff = root.is_superuser = True
    root.save()
    client.force_login(root)
    return client


@pytest.mark.parametrize("model", ["orgunit", "user", "loginattempt", "apitoken"])
def test_changelists_render(admin_client, staff_user, model):
    services.api_token_create(user=staff_user, name="终端", actor=SYSTEM)
    response = admin_client.get(reverse(f"admin:accounts_{model}_changelist"))
    assert response.status_code == 200


def test_adding_a_unit_goes_through_the_service(admin_client, org_tree):
    response = admin_client.post(
        reverse("admin:accounts_orgunit_add"),
        {
            "code": "FGC-1",
            "name": "审核科",
            "kind": "team",
            "parent": org_tree["fagui"].pk,
            "sort_order": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    unit = OrgUnit.objects.get(code="FGC-1")
    assert unit.path == f"{org_tree['fagui'].path}{unit.pk}/"
    assert AuditEvent.objects.filter(action="accounts.org_unit.create", target_id=str(unit.pk))


def test_moving_a_unit_in_the_admin_rewrites_paths(admin_client, org_tree):
    zongdui = org_tree["zongdui"]
    admin_client.post(
        reverse("admin:accounts_orgunit_change", args=[zongdui.pk]),
        {
            "name": zongdui.name,
            "kind": zongdui.kind,
            "parent": org_tree["district"].pk,
            "sort_order": 0,
            "is_active": "on",
        },
    )
    zhidui = OrgUnit.objects.get(code="JCZD-1")
    assert zhidui.path.startswith(org_tree["district"].path)


def test_revoke_action_uses_the_service(admin_client, staff_user):
    token, _ = services.api_token_create(user=staff_user, name="终端", actor=SYSTEM)
    admin_client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(action="accounts.api_token.revoke").exists()
