"""``{{ value|share_percent }}``: a draw share as a percentage on every page."""

from __future__ import annotations

from django import template

from fazhi.core.domain.errors import Refused
from fazhi.inspections.domain.draw import share_percent as _share_percent

register = template.Library()


@register.filter
def share_percent(value: object) -> str:
    try:
        return _share_percent(str(value))
    except Refused:
        return str(value)
