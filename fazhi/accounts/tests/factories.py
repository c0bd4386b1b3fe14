"""Test factories for org units and users."""

from __future__ import annotations

from fazhi.accounts.models import OrgUnit, User


def make_unit(code: str, name: str, kind: str, parent: OrgUnit | None = None) -> OrgUnit:
    # The service's own path rule, without its audit event: fixtures leave the chain empty.
    return OrgUnit.objects.create_in_tree(parent=parent, code=code, name=name, kind=kind)


def make_org_tree() -> dict[str, OrgUnit]:
    bureau = make_unit("JU", "市人力资源和社会保障局", "bureau")
    fagui = make_unit("FGC", "法规处", "division", bureau)
    zongdui = make_unit("JCZD", "劳动保障监察总队", "affiliate", bureau)
    zhidui = make_unit("JCZD-1", "监察一支队", "team", zongdui)
    district = make_unit("HPQ", "和平区人社局", "district", bureau)
    district_team = make_unit("HPQ-JC", "和平区劳动保障监察大队", "team", district)
    return {
        "bureau": bureau,
        "fagui": fagui,
        "zongdui": zongdui,
        "zhidui": zhidui,
        "district": district,
        "district_team": district_team,
    }


def make_user(
    username: str,
    *,
    unit: OrgUnit | None = None,
    roles: list[str] | None = None,
    password: str = "pass-Word-123",
) -> User:
    from django.contrib.auth.models import Group

    user = User.objects.create_user(
        username=username, password=password, org_unit=unit, full_name=username
    )
    for role in roles or []:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    return user
