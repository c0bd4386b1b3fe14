"""Who may do what in 双随机一公开 (roles from accounts.roles)."""

from __future__ import annotations

from fazhi.accounts.roles import ADMIN, ENFORCEMENT_OFFICER, LEADER, LEGAL_STAFF
from fazhi.accounts.selectors import user_roles

MANAGERS = {ADMIN.name, LEADER.name, LEGAL_STAFF.name, ENFORCEMENT_OFFICER.name}
RESULT_ENTRY = {ADMIN.name, ENFORCEMENT_OFFICER.name}


def _has(user, names: set[str]) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(role.name in names for role in user_roles(user))


def can_manage(user) -> bool:
    """Maintain the item list and directory, make plans and run draws."""
    return _has(user, MANAGERS)


def can_enter_results(user) -> bool:
    """谁检查、谁录入: inspectors (执法人员) and administrators enter and publish results."""
    return _has(user, RESULT_ENTRY)
