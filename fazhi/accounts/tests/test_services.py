import pytest
from django.core.exceptions import PermissionDenied

from fazhi.accounts import roles, services
from fazhi.accounts.models import ApiToken, OrgUnit
from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_unit, make_user
from fazhi.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _paths() -> dict[str, str]:
    return dict(OrgUnit.objects.values_list("code", "path"))


def test_create_builds_the_path_from_the_parent_and_audits(org_tree):
    zongdui, zhidui = org_tree["zongdui"], org_tree["zhidui"]
    squad = services.org_unit_create(
        code="JCZD-1-1", name="一组", kind="team", parent=zhidui, actor=SYSTEM
    )
    assert org_tree["bureau"].path == f"/{org_tree['bureau'].pk}/"
    assert squad.path == f"{zongdui.path}{zhidui.pk}/{squad.pk}/"
    event = AuditEvent.objects.get(action="accounts.org_unit.create")
    assert event.target_id == str(squad.pk)
    assert event.data == {"code": "JCZD-1-1", "parent": zhidui.pk}


def test_duplicate_code_is_refused(org_tree):
    with pytest.raises(services.AccountsError, match="已存在"):
        services.org_unit_create(
            code="FGC", name="重复", kind="division", parent=None, actor=SYSTEM
        )
    assert OrgUnit.objects.filter(code="FGC").count() == 1


def test_move_rewrites_the_whole_subtree(org_tree):
    # given: 总队 → 一支队 → a squad below it
    squad = make_unit("JCZD-1-1", "一组", "team", org_tree["zhidui"])
    district, zongdui = org_tree["district"], org_tree["zongdui"]
    # when: the 总队 moves under the district
    services.org_unit_move(unit=zongdui, new_parent=district, actor=SYSTEM)
    # then
    paths = _paths()
    base = district.path
    assert paths["JCZD"] == f"{base}{zongdui.pk}/"
    assert paths["JCZD-1"] == f"{base}{zongdui.pk}/{org_tree['zhidui'].pk}/"
    assert paths["JCZD-1-1"] == f"{paths['JCZD-1']}{squad.pk}/"
    assert paths["FGC"] == org_tree["fagui"].path  # a sibling is untouched
    zongdui.refresh_from_db()
    assert zongdui.parent == district
    event = AuditEvent.objects.get(action="accounts.org_unit.move")
    assert event.data["to_parent"] == district.pk


def test_move_to_the_top_makes_a_root(org_tree):
    unit = services.org_unit_move(unit=org_tree["zhidui"], new_parent=None, actor=SYSTEM)
    assert unit.parent is None
    assert unit.path == f"/{unit.pk}/"


@pytest.mark.parametrize(("_case", "target_key"), [("itself", "zongdui"), ("its child", "zhidui")])
def test_move_under_own_subtree_is_refused_and_changes_nothing(org_tree, _case, target_key):
    # given
    before, events = _paths(), AuditEvent.objects.count()
    # when / then
    with pytest.raises(services.AccountsError, match="下级"):
        services.org_unit_move(
            unit=org_tree["zongdui"], new_parent=org_tree[target_key], actor=SYSTEM
        )
    assert _paths() == before
    assert AuditEvent.objects.count() == events


def test_user_create_sets_unit_roles_and_admin_flags(org_tree):
    admin = services.user_create(
        username="sysadmin",
        password="Very-long-pass-1",
        full_name="管理员",
        org_unit=org_tree["bureau"],
        roles=[roles.ADMIN.code],
        actor=SYSTEM,
    )
    clerk = services.user_create(
        username="clerk",
        password="Very-long-pass-1",
        full_name="经办人",
        org_unit=org_tree["fagui"],
        roles=[roles.DIVISION_CLERK.code],
        actor=admin,
    )
    assert admin.is_superuser and admin.is_staff
    assert not clerk.is_staff
    assert list(clerk.groups.values_list("name", flat=True)) == ["业务处室经办人"]
    assert clerk.check_password("Very-long-pass-1")
    event = AuditEvent.objects.get(action="accounts.user.create", target_id=str(clerk.pk))
    assert event.actor == admin
    assert "password" not in str(event.data)


def test_roles_set_replaces_roles_and_follows_the_admin_flag(org_tree):
    user = make_user("u1", unit=org_tree["fagui"], roles=["执法人员"])
    services.user_roles_set(user=user, roles=[roles.ADMIN.code, roles.LEADER.code], actor=SYSTEM)
    user.refresh_from_db()
    assert set(user.groups.values_list("name", flat=True)) == {"系统管理员", "局领导"}
    assert user.is_superuser
    services.user_roles_set(user=user, roles=[roles.LEADER.code], actor=SYSTEM)
    user.refresh_from_db()
    assert not user.is_superuser
    assert AuditEvent.objects.filter(action="accounts.user.roles_set").count() == 2


def test_token_create_stores_only_the_hash(staff_user):
    token, clear_key = services.api_token_create(user=staff_user, name="终端", actor=staff_user)
    scheme, prefix, secret = clear_key.split("_", 2)
    assert (scheme, prefix) == ("fz", token.prefix)
    assert len(secret) >= 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == services.api_key_hash(clear_key)
    assert secret not in str(stored.__dict__)
    event = AuditEvent.objects.get(action="accounts.api_token.create")
    assert secret not in str(event.data)


def test_token_create_refuses_an_empty_name_and_writes_nothing(staff_user):
    with pytest.raises(services.AccountsError):
        services.api_token_create(user=staff_user, name="  ", actor=staff_user)
    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="accounts.api_token").exists()


def test_only_the_owner_or_an_admin_manages_a_token(org_tree, staff_user):
    other = make_user("other", unit=org_tree["fagui"], roles=["法规处工作人员"])
    token, _ = services.api_token_create(user=staff_user, name="终端", actor=staff_user)
    with pytest.raises(PermissionDenied):
        services.api_token_revoke(token=token, actor=other)
    with pytest.raises(PermissionDenied):
        services.api_token_create(user=staff_user, name="代签", actor=other)
    token.refresh_from_db()
    assert token.revoked_at is None
    admin = make_user("root", unit=org_tree["bureau"], roles=["系统管理员"])
    services.api_token_revoke(token=token, actor=admin)


def test_revoking_twice_is_refused(staff_user):
    token, _ = services.api_token_create(user=staff_user, name="终端", actor=staff_user)
    services.api_token_revoke(token=token, actor=staff_user)
    with pytest.raises(services.AccountsError, match="已被吊销"):
        services.api_token_revoke(token=token, actor=staff_user)
    assert AuditEvent.objects.filter(action="accounts.api_token.revoke").count() == 1
