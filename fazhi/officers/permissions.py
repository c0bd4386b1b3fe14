"""Who may change the register: 法规处 (which manages enforcement qualifications), 局领导 and
administrators. Everyone logged in may read it within their data scope."""

from __future__ import annotations

from fazhi.accounts.roles import ADMIN, LEADER, LEGAL_STAFF
from fazhi.accounts.selectors import user_roles

MANAGERS = frozenset({LEGAL_STAFF.name, LEADER.name, ADMIN.name})


def can_manage(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(role.name in MANAGERS for role in user_roles(user))
