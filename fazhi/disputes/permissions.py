"""Who may handle disputes: 法规处工作人员 (复议、应诉 are centralised in 法规处), 局领导 and
administrators. Reading follows the data scope (``accounts.selectors.scope_queryset``)."""

from __future__ import annotations

from fazhi.accounts.roles import ADMIN, LEADER, LEGAL_STAFF
from fazhi.accounts.selectors import user_roles

HANDLERS = frozenset({LEGAL_STAFF.name, LEADER.name, ADMIN.name})


def can_handle(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(role.name in HANDLERS for role in user_roles(user))
