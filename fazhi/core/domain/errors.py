"""A refusal that names its rule, shared by the apps' services. Pure Python."""

from __future__ import annotations


class Refused(ValueError):
    """A rule says no and nothing was written. ``basis`` cites the law and article."""

    def __init__(self, message: str, basis: str = ""):
        super().__init__(f"{message}（依据：{basis}）" if basis else message)
        self.message = message
        self.basis = basis
