"""A refusal that names its rule, shared by every app's services. Pure Python.

Each refusal carries a stable ``code`` (the app's error enum, a ``StrEnum``; ``rule_refused`` when
none is given) that reaches the API's problem+json body, so a client can tell which rule said no,
and a Chinese ``message`` citing the ``basis`` (law and article) for people.
"""

from __future__ import annotations

RULE_REFUSED = "rule_refused"


class Refused(ValueError):
    """A rule says no and nothing was written. ``basis`` cites the law and article."""

    #: subclasses may fix the code of every refusal of their kind
    default_code: str = RULE_REFUSED
    #: the HTTP status the API answers with (409: the request is valid, the record's state or
    #: the law forbids it; 422 for input a rule rejects outright)
    status: int = 409

    def __init__(self, message: str, basis: str = "", *, code: str | None = None):
        super().__init__(f"{message}（依据：{basis}）" if basis else message)
        self.message = message
        self.basis = basis
        self.code = str(code or self.default_code)
