"""Who may publish and withdraw: 谁执法谁公示 (国办发〔2018〕118号 二) — the enforcement officers
and licensing clerks who made the decision, the legal division that runs the platform, leaders
and administrators. Every signed-in member of staff may read the queue."""

from __future__ import annotations

from fazhi.accounts.roles import ADMIN, DIVISION_CLERK, ENFORCEMENT_OFFICER, LEADER, LEGAL_STAFF
from fazhi.accounts.selectors import user_roles

PUBLISHERS = frozenset(
    {ENFORCEMENT_OFFICER.name, DIVISION_CLERK.name, LEGAL_STAFF.name, LEADER.name, ADMIN.name}
)


def can_publish(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(role.name in PUBLISHERS for role in user_roles(user))
