"""The gate on every accounts write service: units, accounts and roles are the administrator's
(or the SYSTEM actor's: the demo loader, commands); an API token is its owner's or, for someone
else, the administrator's. Anonymous users and other roles are refused with nothing written."""

from __future__ import annotations

import pytest

from fazhi.accounts import roles, services
from fazhi.accounts.permissions import ACCOUNTS_ADMINISTER as RULE
from fazhi.accounts.permissions import SYSTEM, NotPermitted, allowed, require
from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(org_tree):
    return {
        "admin": make_user("root", unit=org_tree["bureau"], roles=["系统管理员"]),
        "leader": make_user("boss", unit=org_tree["bureau"], roles=["局领导"]),
        "legal": make_user("fagui", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "officer": make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"]),
    }


def _others(people):
    return [people["leader"], people["legal"], people["officer"]]


def test_units(org_tree, people):
    unit = check_gate(
        lambda actor: services.org_unit_create(
            code="JCZD-2", name="监察二支队", kind="team", parent=org_tree["zongdui"], actor=actor
        ),
        responsible=people["admin"],
        outsiders=_others(people),
    )
    check_gate(
        lambda actor: services.org_unit_move(
            unit=unit, new_parent=org_tree["district"], actor=actor
        ),
        responsible=people["admin"],
        outsiders=_others(people),
        obj=unit,
    )


def test_accounts_and_roles(org_tree, people):
    user = check_gate(
        lambda actor: services.user_create(
            username="clerk",
            password="Very-long-pass-1",
            full_name="经办人",
            org_unit=org_tree["fagui"],
            roles=[roles.DIVISION_CLERK.code],
            actor=actor,
        ),
        responsible=people["admin"],
        outsiders=_others(people),
    )
    check_gate(
        lambda actor: services.user_roles_set(
            user=user, roles=[roles.ENFORCEMENT_OFFICER.code], actor=actor
        ),
        responsible=people["admin"],
        outsiders=_others(people),
        obj=user,
    )
    check_gate(
        lambda actor: services.roles_ensure(actor=actor),
        responsible=SYSTEM,
        outsiders=_others(people),
    )


def test_tokens_are_their_owner_s(people):
    owner = people["officer"]
    token, _ = check_gate(
        lambda actor: services.api_token_create(user=owner, name="终端", actor=actor),
        responsible=owner,
        outsiders=[people["leader"], people["legal"]],
    )
    check_gate(
        lambda actor: services.api_token_revoke(token=token, actor=actor),
        responsible=people["admin"],
        outsiders=[people["leader"], people["legal"]],
        obj=token,
    )


def test_the_system_actor_passes_and_none_is_anonymous(people):
    require(SYSTEM, RULE)
    assert allowed(SYSTEM, RULE) and not allowed(None, RULE)
    with pytest.raises(NotPermitted) as refused:
        require(None, RULE)
    assert refused.value.code == "accounts.administer"
    # a superuser holds 系统管理员 and nothing more: no way round a rule that leaves it out
    from fazhi.accounts.permissions import NORMDOCS_LEGALITY_REVIEW

    assert not allowed(people["admin"], NORMDOCS_LEGALITY_REVIEW)
