"""Puts the request id and client IP where the audit service can read them."""

from __future__ import annotations

import uuid

from django.shortcuts import render

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


def client_ip(request) -> str | None:
    # Behind nginx the real client is the first X-Forwarded-For hop (see docs/ops/deployment.md).
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (
        (forwarded.split(",")[0].strip() or None) if forwarded else request.META.get("REMOTE_ADDR")
    )
