"""The ten kinds of power item (职权类别) of a 权责清单."""

from __future__ import annotations

from enum import StrEnum


class PowerKind(StrEnum):
    LICENSING = "licensing"
    PENALTY = "penalty"
    COERCION = "coercion"
    INSPECTION = "inspection"
    LEVY = "levy"
    BENEFIT = "benefit"
    CONFIRMATION = "confirmation"
    AWARD = "award"
    ADJUDICATION = "adjudication"
    OTHER = "other"


POWER_KIND_LABELS: dict[PowerKind, str] = {
    PowerKind.LICENSING: "行政许可",
    PowerKind.PENALTY: "行政处罚",
    PowerKind.COERCION: "行政强制",
    PowerKind.INSPECTION: "行政检查",
    PowerKind.LEVY: "行政征收",
    PowerKind.BENEFIT: "行政给付",
    PowerKind.CONFIRMATION: "行政确认",
    PowerKind.AWARD: "行政奖励",
    PowerKind.ADJUDICATION: "行政裁决",
    PowerKind.OTHER: "其他行政权力",
}
