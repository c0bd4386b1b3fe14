"""A refusal that names its rule. Pure Python."""

from __future__ import annotations


class Refused(ValueError):
    """A rule says no; nothing was written. ``basis`` cites the article."""

    def __init__(self, message: str, basis: str = ""):
        super().__init__(f"{message}（依据：{basis}）" if basis else message)
        self.message = message
        self.basis = basis
