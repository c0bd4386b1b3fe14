"""The bureau's roles, defined once. Each role is a Django group named by its Chinese name.

They live in core because the gate (``fazhi.core.permissions``) and the data scope every app's
services and core's own plumbing check are keyed by them; ``fazhi.accounts.roles`` re-exports
them under the name every app imports.

`sees_all_units` is the data scope: True means the role reads every unit's records (bureau-wide
work such as legality review or leadership); False means the holder's own unit and the units
below it. The data migration ``0003_roles`` repeats the names inline (migrations may not import
``fazhi.*``); a test keeps the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    code: str
    name: str
    sees_all_units: bool
    description: str


ADMIN = Role("admin", "系统管理员", True, "维护机构、人员、角色和系统配置")
LEADER = Role("leader", "局领导", True, "审批、集体决策、查看全局数据")
LEGAL_STAFF = Role("legal_staff", "法规处工作人员", True, "规范性文件、复议诉讼、普法、年度报告")
LEGAL_REVIEWER = Role("legal_reviewer", "法制审核人员", True, "合法性审核、重大执法决定法制审核")
ENFORCEMENT_OFFICER = Role("enforcement_officer", "执法人员", False, "检查、办案、送达、执行")
DIVISION_CLERK = Role(
    "division_clerk", "业务处室经办人", False, "起草文件、办理许可、维护本处室权责事项"
)

ROLES: tuple[Role, ...] = (
    ADMIN,
    LEADER,
    LEGAL_STAFF,
    LEGAL_REVIEWER,
    ENFORCEMENT_OFFICER,
    DIVISION_CLERK,
)
ROLES_BY_CODE: dict[str, Role] = {role.code: role for role in ROLES}
ROLES_BY_NAME: dict[str, Role] = {role.name: role for role in ROLES}
BUREAU_WIDE_ROLE_NAMES: frozenset[str] = frozenset(r.name for r in ROLES if r.sees_all_units)


def role_by_code(code: str) -> Role:
    try:
        return ROLES_BY_CODE[code]
    except KeyError:
        raise ValueError(f"未知角色：{code}") from None
