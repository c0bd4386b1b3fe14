"""API authentication: personal tokens (``Authorization: Bearer fz_…``) or the staff session.

Routers use ``auth=api_auth``; ninja tries each in turn and answers 401 (problem JSON, see
``fazhi/api.py``) when none accepts. Either way ``request.auth`` is the ``User``. Session auth
keeps ninja's CSRF check for unsafe methods; tokens need none (no cookie is involved).
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from fazhi.accounts import services


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = services.api_token_authenticate(clear_key=token.strip())
        if user is not None:
            request.user = user  # so code shared with views can read request.user
        return user


token_auth = TokenAuth()
api_auth = [token_auth, django_auth]
