"""The 执法监督 tabs, each shown only to whom its page opens (a tab that answers 403 is a dead
link: the walk found 驾驶舱 and 统计年报 offered to a division clerk)."""

from __future__ import annotations

from django import template

from fazhi.accounts.navigation import Entry, menu_for
from fazhi.accounts.permissions import (
    SUPERVISION_OVERSEE,
    SUPERVISION_REVIEW_MANAGE,
    SUPERVISION_REVIEW_SCORE,
)

register = template.Library()

# the rules each view checks (supervision/views.py)
TABS: tuple[Entry, ...] = (
    Entry("驾驶舱", "supervision:dashboard", (SUPERVISION_OVERSEE,)),
    Entry("执法预警", "supervision:warnings"),
    Entry(
        "案卷评查", "supervision:campaigns", (SUPERVISION_REVIEW_MANAGE, SUPERVISION_REVIEW_SCORE)
    ),
    Entry("统计年报", "supervision:yearbook", (SUPERVISION_REVIEW_MANAGE, SUPERVISION_OVERSEE)),
)


@register.simple_tag(takes_context=True)
def supervision_tabs(context) -> list[tuple[str, str]]:
    return menu_for(context["request"].user, TABS)
