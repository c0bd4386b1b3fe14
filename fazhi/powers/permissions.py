"""Who may change the power list: 法规处工作人员 (who keep the bureau's list) and 系统管理员 for
every item; a 业务处室经办人 for the items of their own unit and the units below it (the data
scope of ``accounts.selectors``). Everyone, including the public, may read it."""

from __future__ import annotations

from fazhi.accounts.roles import ADMIN, DIVISION_CLERK, LEGAL_STAFF
from fazhi.accounts.selectors import user_roles

BUREAU_EDITORS = frozenset({LEGAL_STAFF.name, ADMIN.name})


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_edit_unit(user, unit) -> bool:
    """May ``user`` create or change items whose responsible unit is ``unit``?"""
    if not _active(user) or unit is None:
        return False
    if user.is_superuser:
        return True
    names = {role.name for role in user_roles(user)}
    if names & BUREAU_EDITORS:
        return True
    own = user.org_unit if user.org_unit_id else None
    return DIVISION_CLERK.name in names and own is not None and unit.path.startswith(own.path)


def can_edit_item(user, item) -> bool:
    return can_edit_unit(user, item.org_unit)


def can_edit_any(user) -> bool:
    """Whether to offer the 新增事项 button at all."""
    if not _active(user):
        return False
    names = {role.name for role in user_roles(user)}
    return user.is_superuser or bool(names & (BUREAU_EDITORS | {DIVISION_CLERK.name}))
