"""Template filters over `fazhi.core.domain.masking`, for every public page.

    {% load masking %}{{ party.id_number|mask_ric }} {{ party.name|mask_name }} {{ text|mask_text }}

The filters return plain strings, so Django still escapes them. ``None`` renders as "".
"""

from __future__ import annotations

from collections.abc import Callable

from django import template

from fazhi.core.domain import masking

register = template.Library()


def _filter(name: str, func: Callable[[str], str]) -> None:
    def apply(value: object) -> str:
        return "" if value is None else func(str(value))

    apply.__name__ = name
    register.filter(name, apply)


for _name in (
    "mask_ric",
    "mask_mobile",
    "mask_landline",
    "mask_address",
    "mask_name",
    "mask_bank_card",
    "mask_text",
):
    _filter(_name, getattr(masking, _name))
