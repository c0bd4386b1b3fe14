"""One statutory time limit (`TimeLimit`), its unit, and the errors of looking one up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, TypedDict

Unit = Literal["working", "calendar"]
UNIT_LABELS = {"working": "工作日", "calendar": "自然日"}


class _Span(TypedDict):
    """The years a superseded text governed (the keyword arguments of `TimeLimit`)."""

    valid_from: date
    valid_to: date


class UnknownRule(LookupError):
    """No rule with this code, or none in force on the start date."""


class RuleNotExtendable(ValueError):
    """The law gives this time limit no extension."""


@dataclass(frozen=True, slots=True)
class TimeLimit:
    code: str
    title: str
    days: int
    unit: Unit
    law: str
    article: str
    counting: str  # the article that fixes the unit
    valid_from: date
    valid_to: date | None = None
    extension_days: int = 0
    verified: bool = True
    before: bool = False  # "在…N日前": the due day lies before the start (e.g. a hearing)

    @property
    def basis(self) -> str:
        return f"《{self.law}》{self.article}；{self.counting}"

    @property
    def unit_label(self) -> str:
        return UNIT_LABELS[self.unit]

    def applies_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def period_label(self) -> str:
        text = f"{self.days}个{self.unit_label}"
        return f"{text}（可延长{self.extension_days}日）" if self.extension_days else text
