"""Who may handle licensing: 业务处室经办人 (the divisions that hold the items), 局领导 and
administrators. Reading follows the data scope (``accounts.selectors.scope_queryset``)."""

from __future__ import annotations

from fazhi.accounts.roles import ADMIN, DIVISION_CLERK, LEADER
from fazhi.accounts.selectors import user_roles

HANDLERS = frozenset({DIVISION_CLERK.name, LEADER.name, ADMIN.name})


def can_handle(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(role.name in HANDLERS for role in user_roles(user))
