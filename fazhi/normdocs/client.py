"""Request helpers shared by the public pages and the API."""

from __future__ import annotations

from fazhi.core.services.request_context import current_request


def client_ip(request) -> str | None:
    # The middleware already resolved the address (trusted proxies included) for the audit log.
    return current_request().ip or request.META.get("REMOTE_ADDR")
