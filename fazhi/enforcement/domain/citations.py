"""The versioned table of cited articles moved to ``fazhi.core.domain.citations`` (officers cite
it too); this name stays only for ``enforcement/documents.py`` until that module imports it there."""

from fazhi.core.domain.citations import (
    INSPECTION,
    PENALTY,
    article,
    cite,
    cite_penalty,
    suit_months,
)

__all__ = ["INSPECTION", "PENALTY", "article", "cite", "cite_penalty", "suit_months"]
