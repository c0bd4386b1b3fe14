"""Reads for org units and users, applying the data scope.

Data scope: a user reads the records of their own unit and of every unit below it; a role with
``sees_all_units`` (see ``roles.py``) or superuser status widens that to the whole bureau; an
inactive or anonymous user, or one without a unit and without such a role, reads nothing.
"""

from __future__ import annotations

from django.db.models import QuerySet

from fazhi.accounts.models import ApiToken, OrgUnit, User
from fazhi.accounts.permissions import allowed
from fazhi.accounts.roles import ROLES, ROLES_BY_NAME, Role

# The scope on the user alone is core's (core's selectors scope too); re-exported for every app.
from fazhi.core.selectors.scope import (
    own_unit,
    scope_queryset,
    user_sees_all_units,
)


def org_unit_subtree(unit: OrgUnit) -> QuerySet[OrgUnit]:
    """The unit and every unit below it (one prefix query on the materialised path)."""
    return OrgUnit.objects.filter(path__startswith=unit.path)


def org_unit_list() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.select_related("parent").order_by("path")


def units_allowed(user, rule) -> QuerySet[OrgUnit]:
    """The units where ``user`` may act under the named ``rule``: a form's choice of unit."""
    return OrgUnit.objects.filter(
        pk__in=[u.pk for u in OrgUnit.objects.all() if allowed(user, rule, unit=u)]
    ).order_by("path")


def org_unit_depth(unit: OrgUnit) -> int:
    """0 for a root unit; the path holds one id per level."""
    return unit.path.strip("/").count("/")


def user_roles(user) -> list[Role]:
    if not getattr(user, "pk", None):
        return []
    names = set(user.groups.filter(name__in=ROLES_BY_NAME).values_list("name", flat=True))
    return [role for role in ROLES if role.name in names]


def users_with_role(role: Role) -> QuerySet[User]:
    """Active accounts holding ``role`` (by ``Role.code``; the group carries its name), by
    username: the people a form offers as approver or handler."""
    return User.objects.filter(groups__name=role.name, is_active=True).order_by("username")


def visible_unit_ids(user) -> list[int]:
    """Ids of the org units whose records ``user`` may read, ascending."""
    if user_sees_all_units(user):
        return list(OrgUnit.objects.order_by("pk").values_list("pk", flat=True))
    unit = own_unit(user)
    if unit is None:
        return []
    return list(org_unit_subtree(unit).order_by("pk").values_list("pk", flat=True))


def user_list(*, user) -> QuerySet[User]:
    return scope_queryset(
        User.objects.select_related("org_unit").order_by("org_unit__path", "username"),
        user=user,
    )


def api_token_list(*, user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def api_token_get_by_prefix(prefix: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user").filter(prefix=prefix).first()
