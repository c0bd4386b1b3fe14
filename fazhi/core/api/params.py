"""Bounded query parameters shared by the list endpoints: a value the database cannot take (a
year outside ``date``'s range, an offset past 2^63) is refused by the schema with 422, never
reaching the query (where it answered 500)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

YEAR_MIN, YEAR_MAX = 1949, 2100
OFFSET_MAX = 2**31 - 1  # far past any page; offset + limit stays inside a signed 64-bit integer
ID_MAX = 2**63 - 1  # the largest primary key either database stores (signed 64-bit)

Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX, description="年度（1949–2100）")]
Offset = Annotated[int, Field(ge=0, le=OFFSET_MAX, description="跳过的条数")]
UnitId = Annotated[int, Field(ge=1, le=ID_MAX, description="机构 id")]
