"""An API key as presented, before it is checked.

The token check (``fazhi.core.api.auth``) normally looks the key up in a query of its own. A hot
route can take the key unchecked instead (``TokenAuth(deferred=True)``) and check it inside the
one query it makes anyway; its service must then refuse an unknown key (the exam's answer save,
``fazhi.education.services.sitting``, does it with ``accounts.services.token_holder_sql``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied


@dataclass(frozen=True, slots=True)
class BearerKey:
    clear: str

    def __repr__(self) -> str:  # never print the secret
        return "BearerKey(…)"


class NotAuthenticated(PermissionDenied):
    """No valid actor: the presented key is unknown, revoked or expired, or its user (or the
    logged-in user) inactive or anonymous. The API answers 401."""

    def __init__(self, message: str = "请先登录"):
        super().__init__(message)
