"""Who may take which step. Small predicates over the bureau's roles (fazhi.accounts.roles).

* drafting-side steps (起草, 征求意见 and its comments, 公平竞争审查 — done by the 起草单位 under
  《公平竞争审查条例》第十三条): 业务处室经办人 of the drafting unit, or 法规处工作人员;
* 合法性审核: 法制审核人员 only (国办发〔2018〕115号 (四): the body's own 审核机构);
* recording 集体审议: 局领导 or 法规处工作人员;
* 登记编号, 公布, 备案, 清理: 法规处工作人员 (三统一 is centralised).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from fazhi.accounts.roles import DIVISION_CLERK, LEADER, LEGAL_REVIEWER, LEGAL_STAFF
from fazhi.accounts.selectors import user_roles


def _has(user, *roles) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    names = {role.name for role in user_roles(user)}
    return any(role.name in names for role in roles)


def _in_unit(user, document) -> bool:
    if user.is_superuser or _has(user, LEGAL_STAFF):
        return True
    unit = getattr(user, "org_unit", None)
    return unit is not None and document.org_unit.path.startswith(unit.path)


def can_draft(user) -> bool:
    return _has(user, DIVISION_CLERK, LEGAL_STAFF)


def can_handle_draft(user, document) -> bool:
    return _has(user, DIVISION_CLERK, LEGAL_STAFF) and _in_unit(user, document)


def can_review_legality(user) -> bool:
    return _has(user, LEGAL_REVIEWER)


def can_record_deliberation(user) -> bool:
    return _has(user, LEADER, LEGAL_STAFF)


def can_administer(user) -> bool:
    return _has(user, LEGAL_STAFF)


def require(allowed: bool, what: str) -> None:
    if not allowed:
        raise PermissionDenied(f"您没有{what}的权限。")
