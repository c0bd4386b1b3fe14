"""The content of a power item version, the rules for a new version, and the diff of two.

Pure Python. Every change to a 权责清单 item (an adjustment after 机构改革, a new or amended law)
is a new version with a stated reason, and the public sees the change log and what changed
(the 2019 report, 一(二): "根据机构改革职权调整情况 … 进行清理规范，并统一在互联网公开"; 中共中央
办公厅、国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》(中办发〔2015〕21号)
(四) 建立权力清单的动态调整机制: 调整须说明理由并及时公布).

>>> old = Content(name="甲", kind="penalty", org_unit="监察总队", legal_basis="《A》第一条")
>>> new = Content(name="甲", kind="penalty", org_unit="监察支队", legal_basis="《A》第一条")
>>> [(c.field, c.label) for c in field_changes(old, new)]
[('org_unit', '实施主体（责任单位）')]
>>> check_revision(old, old, reason="机构改革")
Traceback (most recent call last):
...
fazhi.core.domain.errors.Refused: 内容与当前版本相同，无需新建版本（依据：中办发〔2015〕21号 （四） 权力清单动态调整）
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from fazhi.core.domain.errors import Refused
from fazhi.laws.domain.diff import Segment, inline_diff, segments_html

# 中办发〔2015〕21号 (四): the list is adjusted by procedure, with reasons, and made public.
ADJUSTMENT_BASIS = "中办发〔2015〕21号 （四） 权力清单动态调整"

FIELD_LABELS: dict[str, str] = {
    "name": "事项名称",
    "kind": "职权类别",
    "org_unit": "实施主体（责任单位）",
    "legal_basis": "设定依据",
    "process": "办理流程",
    "time_limit": "办理时限",
    "remedy": "救济渠道",
    "accountability": "追责情形",
    "is_active": "事项状态",
}


@dataclass(frozen=True)
class Content:
    """What one version of an item says (the org unit and kind as the public reads them)."""

    name: str
    kind: str
    org_unit: str
    legal_basis: str
    process: str = ""
    time_limit: str = ""
    remedy: str = ""
    accountability: str = ""
    is_active: bool = True

    def normalised(self) -> Content:
        values: dict[str, Any] = {
            f.name: _norm(getattr(self, f.name)) if f.name != "is_active" else self.is_active
            for f in fields(self)
        }
        return Content(**values)


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str
    segments: tuple[Segment, ...]

    @property
    def html(self) -> str:
        """Escaped text with <del>/<ins> marks (the laws diff's rendering)."""
        return segments_html(self.segments)


def _norm(value: str) -> str:
    return "\n".join(" ".join(line.split()) for line in value.strip().splitlines()).strip()


def field_changes(
    old: Content, new: Content, *, kind_labels: dict[str, str] | None = None
) -> list[FieldChange]:
    """The fields that differ, each with an inline diff (token level, laws.domain.diff)."""
    labels = kind_labels or {}
    changes: list[FieldChange] = []
    a, b = old.normalised(), new.normalised()
    for name, label in FIELD_LABELS.items():
        before, after = getattr(a, name), getattr(b, name)
        if before == after:
            continue
        if name == "is_active":
            before, after = _status(before), _status(after)
        elif name == "kind":
            before, after = labels.get(before, before), labels.get(after, after)
        changes.append(FieldChange(name, label, before, after, inline_diff(before, after)))
    return changes


def _status(active: bool) -> str:
    return "有效" if active else "已取消"


def check_revision(
    current: Content,
    proposed: Content,
    *,
    reason: str,
    current_effective: date | None = None,
    effective_from: date | None = None,
) -> None:
    """Refuse a revision without a reason, one that changes nothing, or one dated before the
    version it replaces (a list's history runs forward)."""
    if not reason.strip():
        raise Refused("请填写变更理由", ADJUSTMENT_BASIS)
    if current.normalised() == proposed.normalised():
        raise Refused("内容与当前版本相同，无需新建版本", ADJUSTMENT_BASIS)
    if current_effective and effective_from and effective_from < current_effective:
        raise Refused(
            f"生效日期不能早于当前版本的生效日期（{current_effective.isoformat()}）",
            ADJUSTMENT_BASIS,
        )


def check_content(content: Content) -> None:
    """A new item needs a name and its 设定依据: a power exists only by law (职权法定)."""
    if not content.name.strip():
        raise Refused("请填写事项名称", ADJUSTMENT_BASIS)
    if not content.legal_basis.strip():
        raise Refused("请填写设定依据：行政职权须有法律、法规、规章依据", ADJUSTMENT_BASIS)
