"""Input and output schemas of the accounts API."""

from __future__ import annotations

from ninja import Schema


class OrgUnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str


class RoleOut(Schema):
    code: str
    name: str
    sees_all_units: bool


class MeOut(Schema):
    username: str
    full_name: str
    org_unit: OrgUnitOut | None
    roles: list[RoleOut]
    sees_all_units: bool
    visible_unit_ids: list[int]
