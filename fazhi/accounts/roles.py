"""The bureau's roles, as every app imports them: defined in ``fazhi.core.roles`` (the gate, below
every app, is keyed by them), re-exported here so the import path stays the same."""

from fazhi.core.roles import (
    ADMIN,
    BUREAU_WIDE_ROLE_NAMES,
    DIVISION_CLERK,
    ENFORCEMENT_OFFICER,
    LEADER,
    LEGAL_REVIEWER,
    LEGAL_STAFF,
    ROLES,
    ROLES_BY_CODE,
    ROLES_BY_NAME,
    Role,
    role_by_code,
)

__all__ = [
    "ADMIN",
    "BUREAU_WIDE_ROLE_NAMES",
    "DIVISION_CLERK",
    "ENFORCEMENT_OFFICER",
    "LEADER",
    "LEGAL_REVIEWER",
    "LEGAL_STAFF",
    "ROLES",
    "ROLES_BY_CODE",
    "ROLES_BY_NAME",
    "Role",
    "role_by_code",
]
