"""Puts the request id and client IP where the audit service can read them."""

from __future__ import annotations

import uuid
from functools import lru_cache

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.shortcuts import render

from fazhi.core.domain.client_address import parse_networks, resolve_client
from fazhi.core.services.request_context import bind_request, clear_request


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming[:64] if incoming.isprintable() and incoming else uuid.uuid4().hex
        request.request_id = request_id
        token = bind_request(request_id=request_id, ip=client_ip(request))
        try:
            response = self.get_response(request)
        finally:
            clear_request(token)
        response["X-Request-ID"] = request_id
        return response

    def process_exception(self, request, exception):
        """A stored evidence file that fails its integrity check: a clear page, not a 500."""
        from fazhi.core.services.evidence import EvidenceTampered

        if isinstance(exception, EvidenceTampered) and not request.path.startswith("/api/"):
            return render(
                request, "core/evidence_tampered.html", {"message": exception.message}, status=409
            )
        return None


# URL names whose requests do not re-save an unchanged session (``quiet_session``)
_QUIET_SESSION_ROUTES: set[str] = set()


def quiet_session(url_name: str) -> None:
    """Let requests to ``url_name`` leave an unchanged session unsaved (apps register theirs)."""
    _QUIET_SESSION_ROUTES.add(url_name)


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, except on routes registered with :func:`quiet_session`: there an unchanged
    session is not written back. ``SESSION_SAVE_EVERY_REQUEST`` (the idle clock) would otherwise
    write a session row per exam answer — 1,500 sitters at once (issue 23). The idle clock then
    restarts at the sitter's next other request, so a session only ever expires sooner."""

    def process_response(self, request, response):
        match = getattr(request, "resolver_match", None)
        session = getattr(request, "session", None)
        quiet = match is not None and match.url_name in _QUIET_SESSION_ROUTES
        if quiet and session is not None and not session.modified:
            return response
        return super().process_response(request, response)


def client_ip(request) -> str | None:
    """The client's address: X-Forwarded-For only from FAZHI_TRUSTED_PROXIES, always a valid IP
    (see fazhi.core.domain.client_address and docs/ops/deployment.md)."""
    return resolve_client(
        request.META.get("REMOTE_ADDR"),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        _trusted_proxies(tuple(settings.FAZHI.get("TRUSTED_PROXIES", ()))),
    )


@lru_cache(maxsize=4)
def _trusted_proxies(cidrs: tuple[str, ...]):
    return parse_networks(cidrs)


def axes_client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: login throttling sees the same client as the audit log."""
    return client_ip(request)


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy header on every response (issue 18 item 11).

    Scripts only from our own origin — the templates have no inline ``<script>`` or ``on*=``
    handler, and `fazhi/core/tests/test_csp.py` keeps it so. Styles allow ``'unsafe-inline'``:
    the apps' ``_styles.html`` partials are inline ``<style>`` blocks and a few public pages use
    ``style=`` attributes; moving them to static CSS would let this go too. The policy is
    ``settings.FAZHI["CSP"]``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.FAZHI.get("CSP", DEFAULT_CSP)
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


DEFAULT_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
