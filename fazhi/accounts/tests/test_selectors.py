"""The data scope matrix on the org tree: bureau → 法规处, 总队 → 一支队, 和平区 → 大队."""

import pytest
from django.contrib.auth.models import AnonymousUser

from fazhi.accounts import selectors
from fazhi.accounts.models import OrgUnit, User
from fazhi.accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db

ALL = {"bureau", "fagui", "zongdui", "zhidui", "district", "district_team"}


@pytest.mark.parametrize(
    ("_case", "unit", "role", "expected"),
    [
        ("inspector at the 总队 sees its 支队", "zongdui", "执法人员", {"zongdui", "zhidui"}),
        ("inspector at a 支队 sees only it", "zhidui", "执法人员", {"zhidui"}),
        (
            "district clerk sees the district",
            "district",
            "业务处室经办人",
            {"district", "district_team"},
        ),
        ("clerk at the bureau sees everything below", "bureau", "业务处室经办人", ALL),
        ("no role still sees own subtree", "zongdui", None, {"zongdui", "zhidui"}),
        ("法规处 staff sees the bureau", "fagui", "法规处工作人员", ALL),
        ("legality reviewer sees the bureau", "zhidui", "法制审核人员", ALL),
        ("leader sees the bureau", "district", "局领导", ALL),
        ("admin sees the bureau", "fagui", "系统管理员", ALL),
        ("no unit, local role: nothing", None, "执法人员", set()),
        ("no unit, bureau-wide role: all", None, "局领导", ALL),
    ],
)
def test_visible_units(org_tree, _case, unit, role, expected):
    # given
    user = make_user("u", unit=org_tree[unit] if unit else None, roles=[role] if role else [])
    # when
    visible = set(selectors.visible_unit_ids(user))
    scoped = set(selectors.scope_queryset(OrgUnit.objects.all(), user=user, unit_field=""))
    # then
    assert visible == {org_tree[k].pk for k in expected}
    assert scoped == {org_tree[k] for k in expected}


def test_superuser_sees_all(org_tree):
    root = User.objects.create_superuser("root", password="x-long-password")
    assert set(selectors.visible_unit_ids(root)) == {u.pk for u in org_tree.values()}


@pytest.mark.parametrize("_case", ["anonymous", "inactive"])
def test_anonymous_and_inactive_users_see_nothing(org_tree, _case):
    user = AnonymousUser()
    if _case == "inactive":
        user = make_user("gone", unit=org_tree["bureau"], roles=["局领导"])
        user.is_active = False
    assert selectors.visible_unit_ids(user) == []
    assert not selectors.scope_queryset(User.objects.all(), user=user).exists()


def test_scope_queryset_follows_a_foreign_key(org_tree):
    # given: users stand in for any record carrying an org unit
    inspector = make_user("zhifa", unit=org_tree["zongdui"], roles=["执法人员"])
    in_team = make_user("team", unit=org_tree["zhidui"])
    make_user("fagui", unit=org_tree["fagui"])
    make_user("nowhere", unit=None)
    # when
    scoped = selectors.scope_queryset(User.objects.all(), user=inspector)
    # then
    assert set(scoped) == {inspector, in_team}


def test_scope_queryset_leaves_the_queryset_whole_for_bureau_wide_users(org_tree):
    leader = make_user("leader", unit=org_tree["bureau"], roles=["局领导"])
    make_user("nowhere", unit=None)
    assert selectors.scope_queryset(User.objects.all(), user=leader).count() == User.objects.count()


def test_user_roles_follow_the_roles_py_order(org_tree):
    user = make_user("u", unit=org_tree["fagui"], roles=["执法人员", "系统管理员", "其他组"])
    assert [r.code for r in selectors.user_roles(user)] == ["admin", "enforcement_officer"]
