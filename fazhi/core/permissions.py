"""The gate's machinery: a named :class:`Rule`, the checks :func:`require` and :func:`allowed`,
and the :data:`SYSTEM` actor (DESIGN principle 8).

The rules themselves are named once, in ``fazhi.accounts.permissions``, which re-exports all of
this: apps import from there. The machinery lives in core, below every app, because core's own
services (the calendar, jobs) are gated too and core does not import the apps above it. A rule
core's own services check is defined here (:data:`CORE_CALENDAR`) and listed in the table there.

Scope: a role with ``sees_all_units`` (法规处, 法制审核, 局领导, 系统管理员) acts on every unit's
records; any other role acts on its own unit and the units below it — the same scope as reading
(``fazhi.core.selectors.scope.scope_queryset``), so nobody writes what they cannot read. A
superuser holds the 系统管理员 role and nothing more: it is not a way round a rule that leaves the
administrator out (for example 法制审核, 行政处罚法 第五十八条).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from fazhi.core.roles import ADMIN, LEGAL_STAFF, ROLES_BY_CODE, ROLES_BY_NAME, Role

_CODES_CACHE = "_fazhi_role_codes"


@dataclass(frozen=True)
class Rule:
    """One permission: ``code`` is stable (it reaches the API's problem body), ``what`` is the
    Chinese name of the action as the refusal states it."""

    code: str
    what: str
    roles: frozenset[str]
    scoped: bool = True

    def __post_init__(self) -> None:
        unknown = self.roles - ROLES_BY_CODE.keys()
        if unknown:
            raise ValueError(f"unknown role codes in {self.code}: {sorted(unknown)}")


# core's own rule (listed with the others in fazhi.accounts.permissions). 国务院办公厅放假通知:
# the calendar every time limit counts on, kept by the administrator or 法规处.
CORE_CALENDAR = Rule(
    "core.calendar",
    "维护节假日、调休安排并重算期限",
    frozenset({ADMIN.code, LEGAL_STAFF.code}),
)


class SystemActor:
    """The platform acting for itself: a scheduled job, a command run on the server by its
    operator, the demo loader. Not an account (audited as "system", no user); it passes every
    rule, because whoever runs commands on the server already holds the database. Services pass
    it explicitly (``actor=SYSTEM``); ``actor=None`` is an anonymous caller and is refused."""

    pk = None
    id = None
    username = "system"
    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    org_unit = None
    org_unit_id = None

    def __bool__(self) -> bool:
        # no person: ``created_by=actor if actor else None`` stores no account, as before
        return False

    def __repr__(self) -> str:
        return "SYSTEM"

    def __str__(self) -> str:
        return "系统"


SYSTEM = SystemActor()


def is_system(actor) -> bool:
    return isinstance(actor, SystemActor)


def require_system(actor, what: str) -> None:
    """A job only the platform runs (a daily job, a command): refuse any other caller."""
    if not is_system(actor):
        raise NotPermitted(
            Rule("system.only", what, frozenset()), f"{what}由系统自动执行，不能手工操作。"
        )


class NotPermitted(PermissionDenied):
    """The actor may not take this action on this object; nothing was written.

    A ``PermissionDenied``, so Django's views answer 403 with the message; the API answers 403
    with ``code`` = the rule's code."""

    def __init__(self, rule: Rule, message: str):
        super().__init__(message)
        self.rule = rule
        self.code = rule.code
        self.message = message

    def __str__(self) -> str:
        return self.message


def _active(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def role_codes(user) -> frozenset[str]:
    """The codes of the roles ``user`` holds (a superuser holds 系统管理员), cached on the
    instance for the request."""
    if not _active(user) or is_system(user):
        return frozenset()
    cached = getattr(user, _CODES_CACHE, None)
    if cached is None:
        names = user.groups.filter(name__in=ROLES_BY_NAME).values_list("name", flat=True)
        cached = frozenset(ROLES_BY_NAME[name].code for name in names)
        if user.is_superuser:
            cached |= {ADMIN.code}
        setattr(user, _CODES_CACHE, cached)
    return cached


def has_role(user, *roles: Role) -> bool:
    return bool(role_codes(user) & {r.code for r in roles})


def acts_bureau_wide(user) -> bool:
    return any(ROLES_BY_CODE[code].sees_all_units for code in role_codes(user))


def in_scope(user, unit) -> bool:
    """May ``user`` act on records of ``unit``? Their own unit and below, or every unit for a
    bureau-wide role. A record without a unit is bureau-wide."""
    if not _active(user):
        return False
    if acts_bureau_wide(user):
        return True
    own = user.org_unit if getattr(user, "org_unit_id", None) else None
    return own is not None and unit is not None and unit.path.startswith(own.path)


def allowed(user, rule: Rule, *, unit=None) -> bool:
    """Whether :func:`require` would pass; ``unit=None`` asks about the role alone (to decide
    whether to offer an action at all)."""
    if is_system(user):
        return True
    if not (role_codes(user) & rule.roles):
        return False
    return unit is None or not rule.scoped or in_scope(user, unit)


def require(user, rule: Rule, *, unit=None) -> None:
    """Refuse unless ``user`` holds one of the rule's roles and, for a scoped rule, ``unit``
    (the object's unit) lies in the user's scope. Pass ``unit`` whenever the action has an
    object: leaving it out checks the role alone. The :data:`SYSTEM` actor passes."""
    if is_system(user):
        return
    if not _active(user):
        raise NotPermitted(rule, f"请先登录后再{rule.what}。")
    if not (role_codes(user) & rule.roles):
        names = "、".join(ROLES_BY_CODE[c].name for c in sorted(rule.roles))
        raise NotPermitted(rule, f"您没有{rule.what}的权限（限{names}）。")
    if unit is not None and rule.scoped and not in_scope(user, unit):
        raise NotPermitted(rule, f"该记录属于{unit.name}，不在您的办理范围内，不能{rule.what}。")
