"""The refusal of a normative-document step: the platform's ``Refused`` with the code first
(this app's calls read ``Refused(code, message)``). Pure Python."""

from __future__ import annotations

from fazhi.core.domain.errors import Refused as _Refused


class Refused(_Refused):
    """A rule says no. Services raise it before writing anything, so a refusal changes nothing."""

    def __init__(self, code: str, message: str):
        super().__init__(message, code=code)
