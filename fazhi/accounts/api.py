"""The accounts router, mounted at /api/v1/accounts."""

from __future__ import annotations

from ninja import Router

from fazhi.accounts import selectors
from fazhi.accounts.auth import api_auth
from fazhi.accounts.schemas import MeOut, OrgUnitOut, RoleOut
from fazhi.core.api.problems import Problem

router = Router(tags=["accounts"])


@router.get(
    "/me",
    auth=api_auth,
    response={200: MeOut, 401: Problem},
    operation_id="accounts_me",
    summary="当前用户、所在单位、角色和可见数据范围",
)
def me(request):
    user = request.auth
    unit = user.org_unit
    return MeOut(
        username=user.username,
        full_name=user.full_name,
        org_unit=OrgUnitOut(id=unit.pk, code=unit.code, name=unit.name, kind=unit.kind)
        if unit
        else None,
        roles=[
            RoleOut(code=r.code, name=r.name, sees_all_units=r.sees_all_units)
            for r in selectors.user_roles(user)
        ],
        sees_all_units=selectors.user_sees_all_units(user),
        visible_unit_ids=selectors.visible_unit_ids(user),
    )
