"""The one exception a refused step raises: a stable code and a Chinese message citing the rule."""

from __future__ import annotations


class Refused(Exception):
    """A rule says no. Services raise it before writing anything, so a refusal changes nothing."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
