"""The data scope of reads (DESIGN principle 3), on the user alone: a user reads the records of
their own unit and of every unit below it; a role with ``sees_all_units`` (``fazhi.core.roles``)
or superuser status widens that to the whole bureau; an inactive or anonymous user, or one
without a unit and without such a role, reads nothing.

In core, below every app, so core's own selectors scope the same way; ``fazhi.accounts.selectors``
re-exports these under the names every app imports.
"""

from __future__ import annotations

from django.db.models import QuerySet

from fazhi.core.roles import BUREAU_WIDE_ROLE_NAMES

_SEES_ALL_CACHE = "_fazhi_sees_all_units"


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


def own_unit(user):  # -> accounts.OrgUnit | None
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user.org_unit if user.org_unit_id else None


def scope_queryset(qs: QuerySet, *, user, unit_field: str = "org_unit") -> QuerySet:
    """Restrict ``qs`` to the records ``user`` may read.

    ``unit_field`` is the lookup path from the model to its ``OrgUnit`` (``"org_unit"``,
    ``"case__org_unit"``, or ``""`` when ``qs`` is itself a queryset of org units). Filtering
    on the unit's path prefix keeps it one query with a join instead of a long ``IN`` list.
    Records without a unit are visible only to bureau-wide users.
    """
    if user_sees_all_units(user):
        return qs
    unit = own_unit(user)
    if unit is None:
        return qs.none()
    lookup = f"{unit_field}__path__startswith" if unit_field else "path__startswith"
    return qs.filter(**{lookup: unit.path})
