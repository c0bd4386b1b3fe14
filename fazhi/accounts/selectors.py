"""Reads for org units and users, applying the data scope.

Data scope: a user reads the records of their own unit and of every unit below it; a role with
``sees_all_units`` (see ``roles.py``) or superuser status widens that to the whole bureau; an
inactive or anonymous user, or one without a unit and without such a role, reads nothing.
"""

from __future__ import annotations

from django.db.models import QuerySet

from fazhi.accounts.models import ApiToken, OrgUnit, User
from fazhi.accounts.roles import BUREAU_WIDE_ROLE_NAMES, ROLES, ROLES_BY_NAME, Role

_SEES_ALL_CACHE = "_fazhi_sees_all_units"


def org_unit_subtree(unit: OrgUnit) -> QuerySet[OrgUnit]:
    """The unit and every unit below it (one prefix query on the materialised path)."""
    return OrgUnit.objects.filter(path__startswith=unit.path)


def org_unit_list() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.select_related("parent").order_by("path")


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


def user_sees_all_units(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached on the instance: a request asks this once per scoped list, not once per query.
    cached = getattr(user, _SEES_ALL_CACHE, None)
    if cached is None:
        cached = user.groups.filter(name__in=BUREAU_WIDE_ROLE_NAMES).exists()
        setattr(user, _SEES_ALL_CACHE, cached)
    return cached


def _own_unit(user) -> OrgUnit | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user.org_unit if user.org_unit_id else None


def visible_unit_ids(user) -> list[int]:
    """Ids of the org units whose records ``user`` may read, ascending."""
    if user_sees_all_units(user):
        return list(OrgUnit.objects.order_by("pk").values_list("pk", flat=True))
    unit = _own_unit(user)
    if unit is None:
        return []
    return list(org_unit_subtree(unit).order_by("pk").values_list("pk", flat=True))


def scope_queryset(qs: QuerySet, *, user, unit_field: str = "org_unit") -> QuerySet:
    """Restrict ``qs`` to the records ``user`` may read.

    ``unit_field`` is the lookup path from the model to its ``OrgUnit`` (``"org_unit"``,
    ``"case__org_unit"``, or ``""`` when ``qs`` is itself a queryset of org units). Filtering
    on the unit's path prefix keeps it one query with a join instead of a long ``IN`` list.
    Records without a unit are visible only to bureau-wide users.
    """
    if user_sees_all_units(user):
        return qs
    unit = _own_unit(user)
    if unit is None:
        return qs.none()
    lookup = f"{unit_field}__path__startswith" if unit_field else "path__startswith"
    return qs.filter(**{lookup: unit.path})


def user_list(*, user) -> QuerySet[User]:
    return scope_queryset(
        User.objects.select_related("org_unit").order_by("org_unit__path", "username"),
        user=user,
    )


def api_token_list(*, user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def api_token_get_by_prefix(prefix: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user").filter(prefix=prefix).first()
