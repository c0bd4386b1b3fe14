"""Schemas of the public power-list API (/api/v1/powers)."""

from __future__ import annotations

from datetime import date

from ninja import Schema
from pydantic import Field


class ItemSummaryOut(Schema):
    code: str = Field(description="事项编码（稳定）")
    name: str = Field(description="事项名称")
    kind: str = Field(description="职权类别代码，如 penalty")
    kind_label: str = Field(description="职权类别，如 行政处罚")
    org_unit: str = Field(description="实施主体")
    is_active: bool = Field(description="false 表示已取消")
    version: int = Field(description="当前版本号")
    url: str = Field(description="公众页面地址")


class ItemPageOut(Schema):
    """One page, the API's one list shape: ``count`` in all, ``results`` from ``offset``."""

    count: int
    limit: int
    offset: int
    results: list[ItemSummaryOut]


class BasisOut(Schema):
    citation: str = Field(description="引用，如《劳动保障监察条例》第二十六条")
    document_id: int | None = Field(description="法规库文件 id；未收录时为空")
    article_id: int | None = Field(description="法规库条文 id；未收录时为空")
    url: str = Field(description="人社政策一点通中的条文地址；未收录时为空")


class PowerVersionOut(Schema):
    number: int
    name: str
    kind: str
    kind_label: str
    org_unit: str = Field(description="该版本的实施主体名称")
    legal_basis: str = Field(description="设定依据")
    process: str = Field(description="办理流程")
    time_limit: str = Field(description="办理时限")
    remedy: str = Field(description="救济渠道")
    accountability: str = Field(description="追责情形")
    is_active: bool
    reason: str = Field(description="变更理由")
    effective_from: date
    bases: list[BasisOut]


class PowerItemOut(ItemSummaryOut):
    current: PowerVersionOut
    usage_year: int = Field(description="执法量统计年度（今年）")
    usage_count: int = Field(description="该年依据本事项立案的案件数")
    zero_enforcement: bool = Field(description="有效事项该年无立案时为 true（零执法）")


class FieldChangeOut(Schema):
    field: str
    label: str
    old: str
    new: str
    html: str = Field(description="以 <del>/<ins> 标出差异的 HTML（已转义）")


class DiffOut(Schema):
    code: str
    from_version: int
    to_version: int
    reason: str = Field(description="新版本的变更理由")
    changes: list[FieldChangeOut]


class UsageOut(Schema):
    code: str
    name: str
    kind: str
    is_active: bool
    count: int
    zero_enforcement: bool


class UsageListOut(Schema):
    year: int
    items: list[UsageOut]
