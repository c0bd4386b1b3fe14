import importlib

import pytest
from django.contrib.auth.models import Group

from fazhi.accounts import roles, services
from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent


def test_migration_creates_exactly_the_roles_of_roles_py():
    migration = importlib.import_module("fazhi.accounts.migrations.0003_roles")
    assert set(migration.ROLE_NAMES) == {role.name for role in roles.ROLES}


def test_role_codes_and_names_are_unique():
    assert len(roles.ROLES_BY_CODE) == len(roles.ROLES_BY_NAME) == len(roles.ROLES) == 6


@pytest.mark.django_db
def test_migration_ran_so_every_role_group_exists():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.name for r in roles.ROLES}


@pytest.mark.django_db
def test_roles_ensure_recreates_missing_groups_once():
    # given
    Group.objects.filter(name=roles.LEADER.name).delete()
    # when
    first = services.roles_ensure(actor=SYSTEM)
    second = services.roles_ensure(actor=SYSTEM)
    # then
    assert first == [roles.LEADER.name]
    assert second == []
    assert AuditEvent.objects.filter(action="accounts.roles.ensure").count() == 1


def test_unknown_role_code_is_refused():
    with pytest.raises(ValueError, match="未知角色"):
        roles.role_by_code("nobody")
