"""API authentication: personal tokens (``Authorization: Bearer fz_…``) or the staff session.

Routers use ``auth=api_auth``; ninja tries each in turn and answers 401 (problem JSON, see
``fazhi/api.py``) when none accepts. Either way ``request.auth`` is the ``User``. Session auth
keeps ninja's CSRF check for unsafe methods; tokens need none (no cookie is involved).

The tokens are accounts' (``ApiToken``), and accounts sits above core: it hands core its check
at start-up (``AccountsConfig.ready`` calls :func:`register_token_check`) instead of core
importing it. Until a check is registered no token is accepted. ``fazhi.accounts.auth``
re-exports these names for the apps' routers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from fazhi.core.bearer import BearerKey

# the clear key -> the active user behind it, or None
_TOKEN_CHECK: list[Callable[[str], Any]] = []


def register_token_check(check: Callable[[str], Any]) -> None:
    """Set the token check (a second registration replaces the first)."""
    _TOKEN_CHECK[:] = [check]


class TokenAuth(HttpBearer):
    def __init__(self, *, deferred: bool = False):
        super().__init__()
        # deferred: hand the view the key unchecked (a BearerKey); its service checks it in the
        # one query it makes anyway (the exam's answer save: no query of the token's own)
        self.deferred = deferred

    def authenticate(self, request: HttpRequest, token: str):
        if self.deferred:
            return BearerKey(token.strip())
        if not _TOKEN_CHECK:
            return None
        user = _TOKEN_CHECK[0](token.strip())
        if user is not None:
            request.user = user  # so code shared with views can read request.user
        return user


token_auth = TokenAuth()
deferred_token_auth = TokenAuth(deferred=True)
api_auth = [token_auth, django_auth]
