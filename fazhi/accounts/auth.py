"""API authentication for the apps' routers (``auth=api_auth``): personal tokens or the staff
session. Defined in ``fazhi.core.api.auth`` (core's own routers use it too); the token check is
this app's ``services.api_token_authenticate``, registered in ``AccountsConfig.ready``."""

from fazhi.core.api.auth import (  # noqa: F401
    TokenAuth,
    api_auth,
    deferred_token_auth,
    token_auth,
)
