"""Django ``choices`` from a domain module's label table: one helper for every app (issue 16).

The domain modules name their states and kinds as ``StrEnum`` members with a table of Chinese
labels beside them; a model field or a form offers them as ``choices``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum


def label_choices(labels: Mapping[Enum | str, str]) -> list[tuple[str, str]]:
    """``[(value, label), …]`` in the table's order.

    >>> from enum import StrEnum
    >>> class Kind(StrEnum):
    ...     FINE = "fine"
    ...     WARNING = "warning"
    >>> label_choices({Kind.WARNING: "警告", Kind.FINE: "罚款"})
    [('warning', '警告'), ('fine', '罚款')]
    >>> label_choices({"other": "其他"})
    [('other', '其他')]
    """
    return [(key.value if isinstance(key, Enum) else key, label) for key, label in labels.items()]
